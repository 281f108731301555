// The docs' own additions to Redoc, in a real browser: navigation links that open at their
// section, however they are opened, guide code blocks with a copy button that keep their
// lines and identifiers whole, and a Try button on every operation.
import { describe, expect, it } from 'vitest';
import { pages } from './support/bundle.js';
import { sectionOf, tryItSession } from './support/try-it.js';

const { docs, tab } = tryItSession();
const { openTab } = docs;

describe('links and code blocks', () => {
  it('every navigation link opens at its section, loaded afresh as from a new tab or a shared link', async () => {
    const tab = await openTab('deep-links', 800);
    /** Where the section a hash names starts, from the top of the window, once the page has settled there. */
    const sectionTop = (section: string) =>
      tab.evaluate((id) => {
        if (id === '/') return window.scrollY;
        return document.querySelector(`[data-section-id="${id}"]`)?.getBoundingClientRect().top ?? Number.NaN;
      }, section);
    for (const { page } of pages) {
      const path = page === 'index.html' ? '/' : `/${page}`;
      await tab.goto(`${docs.server.origin}${path}`, { waitUntil: 'networkidle' });
      // Open a tag, so that operations' links are among those checked.
      await tab.locator('.menu-content [data-component-name*="ChevronRight"]').first().click();
      await expect.poll(() => tab.locator('.menu-content a').count()).toBeGreaterThan(3);
      const links = await tab
        .locator('.menu-content a')
        .evaluateAll((anchors) =>
          anchors.map((a) => a.getAttribute('href') ?? '').filter((href) => !href.startsWith('http')),
        );
      expect(links.length).toBeGreaterThanOrEqual(3);
      // Each link, followed within the page; the first and an operation's, loaded afresh.
      const fresh = new Set([links[0], links.find((href) => href.split('/').length > 3)]);
      for (const href of links) {
        // The page's own path and a section hash, or a hash alone (a subsection of a guide).
        expect(href, page).toMatch(new RegExp(`^(${path.replace('.', '\\.')})?#/`));
        const hash = href.slice(href.indexOf('#'));
        if (fresh.has(href)) {
          await tab.goto('about:blank');
          await tab.goto(`${docs.server.origin}${path}${hash}`, { waitUntil: 'load' });
        } else {
          await tab.evaluate((to) => {
            window.location.hash = to;
          }, hash);
        }
        const section = hash.slice(1);
        await expect.poll(() => sectionTop(section), { message: href }).toBeGreaterThanOrEqual(-2);
        await expect.poll(() => sectionTop(section), { message: href }).toBeLessThan(120);
      }
    }
    await tab.context().close();
  });

  it("copies a guide's code block with its button, and keeps code and identifiers whole across the page's width", async () => {
    const tab = await openTab('code-blocks', 900, { permissions: ['clipboard-read', 'clipboard-write'] });
    await tab.goto(`${docs.server.origin}/#/getting-started`, { waitUntil: 'networkidle' });
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
    await tab.context().close();
  });

  it("puts Try it's button on every operation of every page, opening a panel named after it, loaded only then", async () => {
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
        await expect.poll(() => button.isVisible(), { message: operation.operationId }).toBe(true);
        // The panel is the same code for every operation: open the first of each page.
        if (operation !== paths[0]) continue;
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
