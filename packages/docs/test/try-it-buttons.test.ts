// Try it's button on every operation of every page, each opening its panel; Try it itself
// loads only when a panel first opens.
import { describe, expect, it } from 'vitest';
import { pages } from './support/bundle.js';
import { sectionOf, tryItSession } from './support/try-it.js';

const { docs, tab } = tryItSession();

describe('Try it', () => {
  it('puts a button on every operation of every page, each opening a panel named after it, loaded only then', async () => {
    const { page, requests, errors } = await tab('buttons');
    for (const { page: file, document, operations } of pages) {
      const path = file === 'index.html' ? '/' : `/${file}`;
      const paths = operations.filter(
        (op) => !Object.values<any>(document.webhooks ?? {}).some((item) => item.post === op),
      );
      await page.goto(`${docs.server.origin}${path}`, { waitUntil: 'networkidle' });
      if (file === 'index.html') expect(requests.filter((url) => url.endsWith('/try-it.js'))).toEqual([]);
      for (const operation of paths) {
        // To the operation's section, within the page.
        await page.evaluate(
          (hash) => {
            window.location.hash = hash;
          },
          sectionOf(operation.operationId, operation.tags[0]!),
        );
        const button = page.getByRole('button', { name: `Try ${operation.operationId}` });
        await button.click();
        const dialog = page.getByRole('dialog', { name: `Try ${operation.operationId}` });
        await expect.poll(() => dialog.isVisible(), { message: operation.operationId }).toBe(true);
        await expect.poll(() => dialog.getByRole('button', { name: 'Send' }).isVisible()).toBe(true);
        await page.keyboard.press('Escape');
        await expect.poll(() => dialog.count()).toBe(0);
      }
    }
    expect(requests.filter((url) => url.endsWith('/try-it.js')).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
