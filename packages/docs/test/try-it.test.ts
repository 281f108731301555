// Try it, in Chromium, against the sandbox `npm start` runs: examples are sent and answered,
// checked against the description, and copied as curl and TypeScript that send the same; an
// answer that does not fit the description is shown as such. Failures, the keyboard and a
// phone's screen are in try-it-failures.test.ts.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { asModule } from './support/as-module.js';
import { docsInBrowser } from './support/browser-session.js';
import { tryIt } from './support/try-it.js';

const docs = docsInBrowser();
const { mainPage, openPanel, sendFrom } = tryIt(docs);

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

    // Copy as curl sends the same create again, so its idempotency key answers with the same
    // batch; copy as TypeScript makes the call anew, with a key its client makes.
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
    expect(copied).toMatch(/batchId: '[0-9a-f-]{36}'/);
    expect(copied).not.toContain(batchId);
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
    await page.keyboard.press('Escape');

    // A case action starts at the case the sandbox holds ready for it: done once, then refused.
    const resume = await openPanel(page, '/', 'ResumeCase');
    expect(await sendFrom(resume).then((answer) => answer.innerText())).toMatch(/^202 Accepted/);
    const refused = await sendFrom(resume);
    expect(await refused.innerText()).toMatch(/^409 Conflict/);
    expect(await refused.innerText()).toContain('Pause it first (PauseCase).');

    // Nothing went anywhere but the docs' server and the sandbox.
    const sandboxOrigin = new URL(docs.server.sandboxUrl).origin;
    const elsewhere = requests.filter(
      (url) => ![docs.server.origin, sandboxOrigin].includes(new URL(url).origin) && !/^(blob|data):/.test(url),
    );
    expect(elsewhere).toEqual([]);
    // One token for the panels' calls (it keeps it until it expires), one for each copy run.
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
      await dialog
        .getByLabel('Base URL')
        .fill(`http://127.0.0.1:${(wrong.address() as AddressInfo).port}/collection/v1`);
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
});
