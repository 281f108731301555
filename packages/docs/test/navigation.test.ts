// The docs' own additions to Redoc on the main page, in a real browser: navigation links
// that open at their section, however they are opened, a Try button on every operation, and
// guide code blocks with a copy button that keep their lines and identifiers whole. The
// other pages' links are walked in navigation-other-pages.test.ts.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docsInBrowser } from './support/browser-session.js';
import { pages } from './support/bundle.js';
import { LINKS_TITLE, walkLinks } from './support/navigation.js';

const docs = docsInBrowser();
/** The main page's tab, left at an operation by its links test: the guides' test reads on in it. */
let mainTab: Page | undefined;

describe('index.html', () => {
  it(LINKS_TITLE, async () => {
    // With the clipboard, which the guides' test copies to.
    mainTab = await walkLinks(docs, pages.find((p) => p.page === 'index.html')!, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
  });
});

describe('guides', () => {
  it("copies a guide's code block with its button, and keeps code and identifiers whole across the page's width", async () => {
    // Read on in the main page's tab, as a reader who came to it by an operation's link would;
    // a tab of its own when the guides are tested alone.
    const tab =
      mainTab ?? (await docs.openTab('code-blocks', 900, { permissions: ['clipboard-read', 'clipboard-write'] })).page;
    if (mainTab)
      await tab.evaluate(() => {
        window.location.hash = '#/getting-started';
      });
    else await tab.goto(`${docs.server.origin}/#/getting-started`, { waitUntil: 'networkidle' });
    const section = tab.locator('[data-section-id="/getting-started"]');
    const block = section.locator('pre').first();
    await block.getByRole('button', { name: 'Copy code' }).focus();
    await tab.keyboard.press('Enter');
    const code = await block.evaluate((pre) => {
      const clone = pre.cloneNode(true) as HTMLElement;
      for (const button of clone.querySelectorAll('button')) button.remove();
      return clone.textContent;
    });
    expect(code).toContain('curl');
    // The button sits above the first line of code, never over it.
    const overlap = await block.evaluate((pre) => {
      const button = pre.querySelector('button')!.getBoundingClientRect();
      const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('button') || !node.textContent?.trim()
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      const range = document.createRange();
      range.selectNodeContents(walker.nextNode()!);
      return button.bottom - range.getClientRects()[0]!.top;
    });
    expect(overlap).toBeLessThanOrEqual(0);
    await expect.poll(() => tab.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await expect.poll(() => block.getByRole('button', { name: 'Copy code' }).innerText()).toBe('Copied');

    // The guide uses the width beside the navigation, not the middle column of an operation.
    const main = await tab.locator('main').boundingBox();
    const width = (await block.boundingBox())!.width;
    expect(width).toBeGreaterThan(main!.width * 0.7);
    // Lines are never wrapped, and no identifier is broken over two lines, on a wide screen or a phone.
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await tab.setViewportSize(viewport);
      const broken = await tab.evaluate(() => {
        const found: string[] = [];
        for (const pre of document.querySelectorAll('[data-section-id="/getting-started"] pre')) {
          if (getComputedStyle(pre).whiteSpace !== 'pre') found.push(`wrapped: ${pre.textContent?.slice(0, 30)}`);
        }
        for (const code of document.querySelectorAll('[data-component-name="Markdown/Markdown"] code')) {
          if (/^[A-Z_]+$/.test(code.textContent ?? '') && code.getClientRects().length > 1)
            found.push(code.textContent!);
        }
        return found;
      });
      expect(broken, `${viewport.width} px`).toEqual([]);
    }
    // An operation's Try button stands a gap apart from its heading, at a wide screen's width.
    await tab.setViewportSize({ width: 1400, height: 900 });
    await tab.evaluate(() => {
      window.location.hash = '#/invoice/createinvoices';
    });
    const gap = await tab
      .locator('.autocollect-try', { hasText: 'CreateInvoices' })
      .evaluate(
        (button) => button.getBoundingClientRect().left - button.previousElementSibling!.getBoundingClientRect().right,
      );
    expect(gap).toBeGreaterThanOrEqual(8);
    await tab.context().close();
  });
});
