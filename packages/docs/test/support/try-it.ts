// Try it in a tab: an operation's panel opened, and what it holds sent.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { docsInBrowser } from './browser-session.js';
import { pages } from './bundle.js';

/** The hash of an operation's section, as Redoc names it: its tag's slug, then its id in lower case. */
export const sectionOf = (operationId: string, tag: string) =>
  `#/${tag.toLowerCase().replace(/\s+/g, '-')}/${operationId.toLowerCase()}`;

/** The panels of the docs `docs` serves. */
export function tryIt(docs: ReturnType<typeof docsInBrowser>) {
  /** The main page, shared by the tests that send from its panels. */
  const mainPage = (name: string) => docs.reader('/', name, { permissions: ['clipboard-read', 'clipboard-write'] });

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

  return { mainPage, openPanel, sendFrom };
}
