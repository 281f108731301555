import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asModule } from './support/as-module.js';
import { pages } from './support/bundle.js';

const main = pages.find((p) => p.page === 'index.html')!;

import { type DocsServer, startDocsServer } from './support/docs-server.js';

let server: DocsServer;
beforeAll(async () => {
  server = await startDocsServer();
});
afterAll(() => server?.stop());

describe.each(pages.map((p) => [p.page, p] as const))('the served %s', (page, { document, operations, bundleName }) => {
  it('is served on 127.0.0.1 with the spec it renders', async () => {
    const response = await fetch(`${server.origin}/${page === 'index.html' ? '' : page}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      // In the embedded definition; the browser test checks the rendered navigation.
      expect(html).toContain(`"operationId":"${operation.operationId}"`);
    }
  });

  it("adds at most 250 kB to Redoc's page for its own additions; Try it itself loads from beside it", async () => {
    const html = await (await fetch(`${server.origin}/${page}`)).text();
    const added = html.slice(html.lastIndexOf('<style>'), html.lastIndexOf('</body>'));
    expect(added).toContain('id="autocollect-try-it"');
    expect(Buffer.byteLength(added)).toBeLessThan(250_000);
    expect(html).not.toContain('openTryIt(operationId, config');
    expect((await fetch(`${server.origin}/try-it.js`)).status).toBe(200);
  });

  it('loads nothing from another origin: scripts, styles, fonts and images are inline', async () => {
    const html = await (await fetch(`${server.origin}/${page}`)).text();
    const external = [
      ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
      ...html.matchAll(/<link\b[^>]*\bhref="([^"]+)"/g),
      ...html.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g),
      ...html.matchAll(/@import\s+(?:url\()?["']?(https?:[^"')]+)/g),
      ...html.matchAll(/url\(["']?(https?:[^"')]+)/g),
      ...html.matchAll(/\bimport\s*(?:\{[^}]*\}\s*from\s*)?["'](https?:[^"']+)["']/g),
    ]
      .map((match) => match[1])
      .filter((url) => /^(https?:)?\/\//.test(url!));
    expect(external).toEqual([]);
  });

  it('ships the bundle it was built from beside it', async () => {
    const json = await fetch(`${server.origin}/${bundleName}.json`);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(await json.json()).toEqual(document);
    const yaml = await fetch(`${server.origin}/${bundleName}.yaml`);
    expect(yaml.status).toBe(200);
    expect(await yaml.text()).toContain(`operationId: ${operations[0]!.operationId}`);
  });
});

describe('the docs server', () => {
  it('serves files only: a path that is not one answers 404, and so do paths outside the site', async () => {
    // Sections are hashes of their page (/#/invoice/getinvoicebyid); a path is not a section.
    for (const path of [
      '/invoice/getinvoicebyid',
      '/getting-started',
      '/no/such/page',
      '/index.html/extra',
      '/identity',
      '/legacy',
      '/index',
      '/identity.html/',
      '/index.html/?x=1',
    ]) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('<div id="redoc">');
    }
    expect((await fetch(`${server.origin}/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${server.origin}/missing.json`)).status).toBe(404);
  });

  it("answers to this machine's own names only: a page that rebinds its name to 127.0.0.1 reads nothing", async () => {
    const { port } = new URL(server.origin);
    const asked = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const sent = request({ host: '127.0.0.1', port, path: '/sandbox.json', headers: { host } }, (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        sent.on('error', reject);
        sent.end();
      });
    const rebound = await asked(`rebound.attacker.example:${port}`);
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('clientSecret');
    expect((await asked(`localhost:${port}`)).status).toBe(200);
    expect((await asked(`127.0.0.1:${port}`)).status).toBe(200);
  });

  it('stops on Ctrl+C even while a connection is left open', async () => {
    const own = await startDocsServer();
    const { port } = new URL(own.origin);
    const idle = connect(Number(port), '127.0.0.1');
    idle.on('error', () => undefined); // reset when the server stops
    await new Promise((resolve) => idle.once('connect', resolve));
    idle.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // half a request, never finished
    try {
      expect(await own.interrupt()).toBe(0);
      expect(own.output).toContain('Stopped the docs and the sandbox (SIGINT).');
    } finally {
      idle.destroy();
    }
  });
});

describe('npm start', () => {
  it('serves the sandbox beside the docs, and prints its address and credentials', async () => {
    expect(server.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/collection\/v1$/);
    expect(server.output).toContain('client id sandbox-client, client secret sandbox-secret');
    const tokenUrl = `${new URL(server.sandboxUrl).origin}/token`;
    const token = await fetch(tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'sandbox-client',
        client_secret: 'sandbox-secret',
      }),
    });
    expect(token.status).toBe(200);
    const organizationId = /organization ([0-9a-f-]{36})/.exec(server.output)?.[1];
    const invoices = await fetch(`${server.sandboxUrl}/orgs/${organizationId}/invoices`, {
      headers: { authorization: `Bearer ${(await token.json()).access_token}` },
    });
    expect(invoices.status).toBe(200);
    // It holds the invoice of the docs' examples, under the example's id.
    const example = main.document.components.examples.InvoicePaymentReminderOpen.value.data;
    const listed = await invoices.json();
    expect(listed).toMatchObject({ summary: { status: 'SUCCESS' } });
    expect(listed.data[0]).toMatchObject({ id: example.id });
  });
});

describe('npm start, with the sandbox on a port of its own (SANDBOX_PORT, or 4010 taken)', () => {
  /** The x-codeSamples of an operation on a page as served, by label. */
  async function servedSamples(page: string, operationId: string) {
    const html = await (await fetch(`${server.origin}/${page}`)).text();
    const definition = JSON.parse(/const __redoc_definition = (.*);$/m.exec(html)?.[1] ?? 'null');
    const operation = Object.values<any>(definition.paths)
      .flatMap((item) => Object.values<any>(item))
      .find((candidate) => candidate?.operationId === operationId);
    return {
      html,
      sample: (label: string): string =>
        operation['x-codeSamples'].find((sample: { label: string }) => sample.label === label).source,
    };
  }

  it('names it where it runs in every page, the servers panel and samples included', async () => {
    const sandboxOrigin = new URL(server.sandboxUrl).origin;
    expect(sandboxOrigin).not.toBe('http://127.0.0.1:4010');
    for (const page of ['index.html', 'identity.html', 'legacy.html']) {
      const { html } = await servedSamples(page, '');
      expect(html, page).not.toMatch(/127\.0\.0\.1:4010(?!\d)/);
      expect(html, page).toContain(sandboxOrigin);
    }
    const legacy = await servedSamples('legacy.html', 'LegacyGetBatch');
    expect(legacy.sample('TypeScript (sandbox)')).toContain(`baseUrl: '${sandboxOrigin}',`);
  });

  it('names it in a page however the request spells its name, and answers HEAD and If-None-Match as for any file', async () => {
    const sandboxOrigin = new URL(server.sandboxUrl).origin;
    for (const path of ['/index.html', '/%69ndex.html', '/index%2ehtml', '//index.html', '/?x=1']) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html, path).toContain(sandboxOrigin);
      expect(html, path).not.toMatch(/127\.0\.0\.1:4010(?!\d)/);
    }
    const head = await fetch(`${server.origin}/index.html`, { method: 'HEAD' });
    const etag = head.headers.get('etag');
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1_000_000);
    expect(etag).toBeTruthy();
    const again = await fetch(`${server.origin}/index.html`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('serves sandbox samples that work as copied: curl and TypeScript each reach it', async () => {
    const { sample } = await servedSamples('index.html', 'GetInvoiceById');
    const invoiceId = main.document.components.examples.InvoicePaymentReminderOpen.value.data.id;
    const curl = await promisify(execFile)('sh', ['-c', `set -e\n${sample('curl (sandbox)')}`], { encoding: 'utf8' });
    expect(JSON.parse(curl.stdout).data.id).toBe(invoiceId);
    const typescript = sample('TypeScript (sandbox)');
    expect(typescript).toContain(`baseUrl: '${server.sandboxUrl}',`);
    // servers, no longer used, is no longer imported.
    expect(typescript).toMatch(/^import \{\s*createAutoCollectClient,\s*unwrap,?\s*\} from '@autocollect\/client';$/m);
    const file = new URL('../test-results/served-sample.mjs', import.meta.url);
    writeFileSync(file, asModule(typescript));
    const printed = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(file.href);
      expect(printed.mock.calls[0]?.[0]).toMatchObject({ data: { id: invoiceId } });
    } finally {
      printed.mockRestore();
    }
  });
});
