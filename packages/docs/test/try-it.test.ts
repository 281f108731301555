// Try it, in Chromium, against the sandbox `npm start` runs: every operation's button opens
// its panel; examples are sent and answered, checked against the description, and copied
// as curl and TypeScript that send the same; an unreachable server and a page opened from
// a file are explained; the keyboard and a phone's screen are enough.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { asModule } from './support/as-module.js';
import { docsInBrowser } from './support/browser-session.js';
import { pages } from './support/bundle.js';
import { sectionOf } from './support/try-it.js';

const docs = docsInBrowser();
/** The main page, shared by the tests that send from its panels. */
const mainPage = (name: string) => docs.reader('/', name, { permissions: ['clipboard-read', 'clipboard-write'] });
const main = pages.find((p) => p.page === 'index.html')!;

/** Opens an operation's section and its Try it panel. */
async function openPanel(page: Page, path: string, operationId: string) {
  const operation = pages.flatMap((p) => p.operations).find((op) => op.operationId === operationId)!;
  const section = sectionOf(operationId, operation.tags[0]!);
  // Within the page when it is open already: a hash, not a new load of it.
  if (new URL(page.url()).pathname === path && page.url().startsWith(docs.server.origin)) {
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, section);
  } else await page.goto(`${docs.server.origin}${path}${section}`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: `Try ${operationId}` }).click();
  const dialog = page.getByRole('dialog', { name: `Try ${operationId}` });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  return dialog;
}

/** Sends what the panel holds; resolves with what the answer section shows. */
async function sendFrom(dialog: ReturnType<Page['getByRole']>) {
  await dialog.getByRole('button', { name: 'Send' }).click();
  const answer = dialog.getByRole('region', { name: 'Answer' });
  await expect.poll(() => answer.innerText(), { timeout: 20_000 }).not.toMatch(/^(Sending…)?$/);
  return answer;
}

describe('Try it', () => {
  it('sends CreateInvoices with its example, then reads its batch, a list and an unknown invoice, each checked', async () => {
    const { page, requests, errors } = await mainPage('send');
    const created = await openPanel(page, '/', 'CreateInvoices');
    const answer = await sendFrom(created);
    expect(await answer.innerText()).toMatch(/^202 Accepted in \d+ ms/);
    expect(await answer.innerText()).toContain('The answer matches the description.');
    await answer.getByText(/^Response headers/).click();
    expect(await answer.innerText()).toMatch(/x-request-id\s+[0-9a-f-]{36}/);
    const batchId = /"batchId": "([0-9a-f-]{36})"/.exec(await answer.innerText())![1]!;

    // Copy as curl and as TypeScript: each sends the same create again, so its idempotency key
    // answers with the same batch.
    await answer.getByRole('button', { name: 'Copy as curl' }).click();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toMatch(/^TOKEN=\$\(curl -s http:\/\/127\.0\.0\.1:\d+\/token /);
    expect(curl).toMatch(/-H 'idempotencykey: [0-9a-f-]{36}'/);
    const { stdout: again } = await promisify(execFile)('sh', ['-c', curl], { encoding: 'utf8' });
    expect(JSON.parse(again).data.batchId).toBe(batchId);
    await answer.getByRole('button', { name: 'Copy as TypeScript' }).click();
    const typescript = await page.evaluate(() => navigator.clipboard.readText());
    expect(typescript).toContain("client.POST('/orgs/{organizationId}/invoices'");
    const dir = new URL('../test-results/try-it/', import.meta.url);
    mkdirSync(dir, { recursive: true });
    const script = new URL('copied.mjs', dir);
    writeFileSync(script, asModule(typescript));
    const { stdout: copied } = await promisify(execFile)(process.execPath, [script.pathname], { encoding: 'utf8' });
    expect(copied).toContain(batchId);
    await page.keyboard.press('Escape');

    // The sandbox holds that batch.
    const batch = await openPanel(page, '/', 'GetBatchById');
    await batch.getByLabel('batchId (path, required)').fill(batchId);
    const read = await sendFrom(batch);
    expect(await read.innerText()).toMatch(/^200 OK/);
    expect(await read.innerText()).toContain(batchId);
    expect(await read.innerText()).toContain('The answer matches the description.');
    await page.keyboard.press('Escape');

    const list = await sendFrom(await openPanel(page, '/', 'GetInvoicesByOrganization'));
    expect(await list.innerText()).toMatch(/^200 OK/);
    expect(await list.innerText()).toContain('"invoiceNumber": "2025-10481"');
    await page.keyboard.press('Escape');

    const unknown = await openPanel(page, '/', 'GetInvoiceById');
    await unknown.getByLabel('invoiceId (path, required)').fill('00000000-0000-4000-8000-000000000000');
    const missing = await sendFrom(unknown);
    expect(await missing.innerText()).toMatch(/^404 Not Found/);
    expect(await missing.innerText()).toMatch(/"detail": ".+"/);
    expect(await missing.innerText()).toContain('The answer matches the description.');

    // Nothing went anywhere but the docs' server and the sandbox.
    const sandboxOrigin = new URL(docs.server.sandboxUrl).origin;
    const elsewhere = requests.filter(
      (url) => ![docs.server.origin, sandboxOrigin].includes(new URL(url).origin) && !/^(blob|data):/.test(url),
    );
    expect(elsewhere).toEqual([]);
    // One token for the panel's four calls (it keeps it until it expires), one for each copy run.
    expect(docs.server.output.match(/^sandbox: POST \/token 200 /gm)).toHaveLength(3);
    expect(errors).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('shows an answer that does not fit the description as such, with where and what', async () => {
    // An API on this machine whose list answers with the wrong shape.
    const wrong = createServer((request, response) => {
      const cors = {
        'access-control-allow-origin': String(request.headers.origin),
        'access-control-allow-headers': 'authorization',
      };
      if (request.method === 'OPTIONS') return response.writeHead(204, cors).end();
      if (request.url === '/token') {
        return response
          .writeHead(200, { ...cors, 'content-type': 'application/json' })
          .end('{"access_token":"t","expires_in":3600}');
      }
      response
        .writeHead(200, { ...cors, 'content-type': 'application/json' })
        .end('{"summary":{"status":"SUCCESS"},"data":[{"id":42}]}');
    });
    await new Promise<void>((resolve) => wrong.listen(0, '127.0.0.1', resolve));
    try {
      const { page, errors } = await mainPage('mismatch');
      const dialog = await openPanel(page, '/', 'GetInvoicesByOrganization');
      await dialog.getByLabel('Server').fill(`http://127.0.0.1:${(wrong.address() as AddressInfo).port}/collection/v1`);
      const answer = await sendFrom(dialog);
      expect(await answer.innerText()).toMatch(/^200 OK/);
      const shown = await answer.innerText();
      expect(shown).toContain('The answer does not match the description:');
      expect(shown).toContain('data.0.id: must be string');
      expect(shown).toContain("data.0: must have required property 'invoiceNumber'");
      expect(errors).toEqual([]);
      await page.keyboard.press('Escape');
    } finally {
      wrong.close();
    }
  });

  it('says so when the server cannot be reached or cuts the connection, when the body is not JSON, and when the page was opened from a file', async () => {
    const { page, errors } = await mainPage('unreachable');
    const dialog = await openPanel(page, '/', 'GetInvoicesByOrganization');
    await dialog.getByLabel('Server').fill('http://127.0.0.1:9/collection/v1');
    const answer = await sendFrom(dialog);
    expect(await answer.getByRole('alert').innerText()).toMatch(
      /http:\/\/127\.0\.0\.1:9\/collection\/v1 cannot be reached.*`npm start`.*`npx autocollect-sandbox`/s,
    );
    // A server that cuts every connection, retried as the client does, then explained the same way.
    const cutting = createServer((request) => request.socket.destroy());
    await new Promise<void>((resolve) => cutting.listen(0, '127.0.0.1', resolve));
    try {
      const server = `http://127.0.0.1:${(cutting.address() as AddressInfo).port}/collection/v1`;
      await dialog.getByLabel('Server').fill(server);
      expect(await (await sendFrom(dialog)).getByRole('alert').innerText()).toContain(`${server} cannot be reached`);
    } finally {
      cutting.close();
    }
    await page.keyboard.press('Escape');

    // A body that is not JSON is said to be so, and nothing is sent.
    const sent = docs.server.output.length;
    const create = await openPanel(page, '/', 'CreateInvoices');
    await create.getByLabel('Request body').fill('{ "invoices": [');
    expect(await (await sendFrom(create)).getByRole('alert').innerText()).toMatch(/^The body is not valid JSON: /);
    expect(docs.server.output.slice(sent)).not.toContain('sandbox: POST');

    expect(errors).toEqual([]);
    await page.keyboard.press('Escape');

    // The panel is the same code on every page: the smallest page, opened from its file.
    const token = pages.find((p) => p.page === 'identity.html')!.operations[0]!;
    const fromFile = await docs.openTab('from-file', 900);
    await fromFile.page.goto(
      `file://${new URL('../dist/identity.html', import.meta.url).pathname}${sectionOf(token.operationId, token.tags[0]!)}`,
      { waitUntil: 'load' },
    );
    await fromFile.page.getByRole('button', { name: `Try ${token.operationId}` }).click();
    const refusal = fromFile.page.getByRole('dialog', { name: `Try ${token.operationId}` });
    await expect
      .poll(() => refusal.getByRole('alert').innerText())
      .toMatch(/needs the docs served over http.*`npm start`/s);
    expect(fromFile.errors).toEqual([]);
    await fromFile.page.context().close();
  });

  it('works from the keyboard, and fits a phone', async () => {
    const { page, errors } = await docs.openTab('keyboard', 844, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const operation = main.operations.find((op) => op.operationId === 'GetInvoicesByOrganization')!;
    await page.goto(`${docs.server.origin}/${sectionOf(operation.operationId, operation.tags[0]!)}`, {
      waitUntil: 'networkidle',
    });
    await page.getByRole('button', { name: 'Try GetInvoicesByOrganization' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Try GetInvoicesByOrganization' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // Enter in a field sends, as a form does.
    await dialog.getByLabel('organizationId (path, required)').focus();
    await page.keyboard.press('Enter');
    const answer = dialog.getByRole('region', { name: 'Answer' });
    await expect.poll(() => answer.innerText(), { timeout: 20_000 }).toMatch(/^200 OK/);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
