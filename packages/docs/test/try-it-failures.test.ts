// Try it, in Chromium: an unreachable server, a cut connection, a body that is not JSON and
// a page opened from a file are explained; the keyboard and a phone's screen are enough.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { docsInBrowser } from './support/browser-session.js';
import { pages } from './support/bundle.js';
import { sectionOf, tryIt } from './support/try-it.js';

const docs = docsInBrowser();
const { mainPage, openPanel, sendFrom } = tryIt(docs);
const main = pages.find((p) => p.page === 'index.html')!;

describe('Try it', () => {
  it('says so when the server cannot be reached or cuts the connection, when the body is not JSON, and when the page was opened from a file', async () => {
    const { page, errors } = await mainPage('unreachable');
    const dialog = await openPanel(page, '/', 'GetInvoicesByOrganization');
    await dialog.getByLabel('Base URL').fill('http://127.0.0.1:9/collection/v1');
    const answer = await sendFrom(dialog);
    expect(await answer.getByRole('alert').innerText()).toMatch(
      /http:\/\/127\.0\.0\.1:9\/collection\/v1 cannot be reached.*`npm start`.*`npx autocollect-sandbox`/s,
    );
    // A server that cuts every connection, retried as the client does, then explained the same way.
    const cutting = createServer((request) => request.socket.destroy());
    await new Promise<void>((resolve) => cutting.listen(0, '127.0.0.1', resolve));
    try {
      const server = `http://127.0.0.1:${(cutting.address() as AddressInfo).port}/collection/v1`;
      await dialog.getByLabel('Base URL').fill(server);
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
