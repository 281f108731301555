import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../../scripts/chromium.js';
import { RUNTIMES, runtimeCommand } from '../scripts/runtimes.js';

const consumerDir = inject('consumerDir');
const EXPECTED = { invoiceNumber: '2025-10481', numbers: ['1', '2', '3'], verified: true, tampered: false };

/** The API the smoke test talks to (one 503 before the invoice, two pages of invoices), and the consumer's files for the browser. */
async function smokeServer() {
  const seen: string[] = [];
  let invoiceAttempts = 0;
  const consumerFiles = sirv(consumerDir, { dev: true });
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    seen.push(`${request.method} ${url.pathname}${url.search}`);
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname.startsWith('/collection/')) {
      if (request.headers.authorization !== 'Bearer smoke-token') return json(401, { title: 'Unauthorized' });
      if (url.pathname === '/collection/v1/orgs/org-1/invoices/inv-1') {
        return ++invoiceAttempts === 1
          ? json(503, { title: 'Service Unavailable' })
          : json(200, { summary: { status: 'SUCCESS' }, data: { invoiceNumber: '2025-10481' } });
      }
      if (url.pathname === '/collection/v1/orgs/org-1/invoices') {
        return url.searchParams.get('PageToken') === 'p2'
          ? json(200, { summary: { nextPageToken: null }, data: [{ invoiceNumber: '3' }] })
          : json(200, { summary: { nextPageToken: 'p2' }, data: [{ invoiceNumber: '1' }, { invoiceNumber: '2' }] });
      }
      return json(404, { title: 'Not Found' });
    }
    // The page at /smoke, and the consumer project's files (its node_modules included) under /consumer/.
    request.url = url.pathname === '/smoke' ? '/smoke/index.html' : url.pathname.replace(/^\/consumer\//, '/');
    consumerFiles(request, response, () => void response.writeHead(404).end());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    seen,
    invoiceAttempts: () => invoiceAttempts,
    close: () => new Promise((done) => server.close(done)),
  };
}

let server: Awaited<ReturnType<typeof smokeServer>> | undefined;
afterEach(async () => {
  server?.close();
  server = undefined;
});

/** This Node, and each pinned runtime that `npm run runtimes` fetched and verified before the tests. */
const SERVER_RUNTIMES = [
  {
    name: `Node ${process.versions.node} (this one)`,
    command: () => ({ command: process.execPath, args: [] as string[] }),
  },
  ...RUNTIMES.map((runtime) => ({
    name: `${runtime.name} ${runtime.version}`,
    command: () => runtimeCommand(runtime),
  })),
];

describe('the packed client at run time, against a local server', () => {
  it.each(SERVER_RUNTIMES)('$name: typed call with a retry, pagination, webhook verification', async (runtime) => {
    const { command, args } = runtime.command();
    server = await smokeServer();
    // Asynchronously: the server answering the runtime lives in this process.
    const result = await new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
      execFile(
        command,
        [...args, join(consumerDir, 'smoke/run.mjs')],
        {
          cwd: consumerDir,
          env: { ...process.env, SMOKE_ORIGIN: server!.origin, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
        },
        (error, stdout, stderr) =>
          done({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });
    const lastLine = result.stdout.trim().split('\n').at(-1) ?? '';
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(JSON.parse(lastLine)).toEqual(EXPECTED);
    expect(server.invoiceAttempts()).toBe(2);
  });

  it('headless Chromium: the same module in a page, loading nothing from elsewhere', async () => {
    server = await smokeServer();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`${server.origin}/smoke`);
      await page.waitForFunction(
        () => (window as unknown as { smokeResult?: unknown }).smokeResult !== undefined,
        undefined,
        { timeout: 0 },
      ); // the test timeout bounds it
      expect(await page.evaluate(() => (window as unknown as { smokeResult: unknown }).smokeResult)).toEqual(EXPECTED);
      expect(requests.filter((url) => !url.startsWith(`${server!.origin}/`))).toEqual([]);
      expect(server.invoiceAttempts()).toBe(2);
    } finally {
      await browser.close();
    }
  });
});
