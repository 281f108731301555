// The docs' own additions to Redoc, in a real browser: navigation links that open at their
// section, however they are opened, a Try button on every operation, and guide code blocks
// with a copy button that keep their lines and identifiers whole.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docsInBrowser } from './support/browser-session.js';
import { pages } from './support/bundle.js';
import { sectionOf } from './support/try-it.js';

const docs = docsInBrowser();
/** The main page's tab, left at an operation by its links test: the guides' test reads on in it. */
let mainTab: Page | undefined;

describe.each(pages.map((p) => [p.page, p] as const))('%s', (file, { document, operations }) => {
  const path = file === 'index.html' ? '/' : `/${file}`;

  // One load of the page for both: links and buttons are walked within it, and the page is
  // loaded afresh only where that is what is checked.
  it('every navigation link opens at its section, followed or loaded afresh as from a new tab or a shared link; every operation has a Try button opening a panel named after it, loaded only then', async () => {
    const {
      page: tab,
      requests,
      errors,
    } = await docs.openTab(
      `links-${file.replace('.html', '')}`,
      800,
      file === 'index.html' ? { permissions: ['clipboard-read', 'clipboard-write'] } : {},
    );
    /** Where the section a hash names starts, from the top of the window, once the page has settled there. */
    const sectionTop = (section: string) =>
      tab.evaluate((id) => {
        if (id === '/') return window.scrollY;
        return document.querySelector(`[data-section-id="${id}"]`)?.getBoundingClientRect().top ?? Number.NaN;
      }, section);
    const expectAtSection = async (href: string) => {
      const section = href.slice(href.indexOf('#') + 1);
      await expect.poll(() => sectionTop(section), { message: href }).toBeGreaterThanOrEqual(-2);
      await expect.poll(() => sectionTop(section), { message: href }).toBeLessThan(120);
    };

    // Loaded afresh at the first link, the page's top.
    await tab.goto(`${docs.server.origin}${path}#/`, { waitUntil: 'networkidle' });
    await expectAtSection(`${path}#/`);
    // Open the first operation's tag, so that operations' links are among those checked. A
    // click that lands while Redoc still sets the page up can be undone: click until it shows.
    const paths = operations.filter(
      (op) => !Object.values<any>(document.webhooks ?? {}).some((item) => item.post === op),
    );
    const first = paths[0]!;
    const firstSection = sectionOf(first.operationId, first.tags[0]!);
    const navigation = tab.locator('.menu-content');
    const tag = navigation
      .getByTestId('menu-item-label')
      .filter({ has: tab.getByText(first.tags[0]!, { exact: true }) })
      .last();
    await expect
      .poll(async () => {
        const shown = await navigation.locator(`a[href$="${firstSection}"]`).count();
        if (shown === 0) await tag.click();
        return shown;
      })
      .toBe(1);
    const links = await navigation
      .locator('a')
      .evaluateAll((anchors) =>
        anchors.map((a) => a.getAttribute('href') ?? '').filter((href) => !href.startsWith('http')),
      );
    expect(links.length).toBeGreaterThanOrEqual(3);
    expect(links[0]).toBe(`${path}#/`);
    // Each link, followed within the page: the page's own path and a section hash, or a hash
    // alone (a subsection of a guide). An operation's is followed with the operations below.
    const operationSections = new Set(paths.map((op) => sectionOf(op.operationId, op.tags[0]!)));
    expect(links.map((href) => href.slice(href.indexOf('#')))).toContain(firstSection);
    for (const href of links) {
      expect(href, file).toMatch(new RegExp(`^(${path.replace('.', '\\.')})?#/`));
      if (operationSections.has(href.slice(href.indexOf('#')))) continue;
      await tab.evaluate(
        (to) => {
          window.location.hash = to;
        },
        href.slice(href.indexOf('#')),
      );
      await expectAtSection(href);
    }

    // Each operation's link, followed: its section, rendered as it is reached, has its Try button.
    for (const operation of paths) {
      const section = sectionOf(operation.operationId, operation.tags[0]!);
      await tab.evaluate((hash) => {
        window.location.hash = hash;
      }, section);
      await expectAtSection(section);
      const button = tab.getByRole('button', { name: `Try ${operation.operationId}`, exact: true });
      await expect.poll(() => button.isVisible(), { message: operation.operationId }).toBe(true);
    }
    // Try it loads when a panel first opens, not with the page. The panel is the same code
    // for every operation: the page's first is opened.
    expect(requests.filter((url) => url.endsWith('/try-it.js'))).toEqual([]);
    await tab.evaluate((hash) => {
      window.location.hash = hash;
    }, firstSection);
    await tab.getByRole('button', { name: `Try ${first.operationId}`, exact: true }).click();
    const dialog = tab.getByRole('dialog', { name: `Try ${first.operationId}`, exact: true });
    await expect.poll(() => dialog.isVisible(), { message: first.operationId }).toBe(true);
    await expect.poll(() => dialog.getByRole('button', { name: 'Send' }).isVisible()).toBe(true);
    await tab.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(requests.filter((url) => url.endsWith('/try-it.js')).length).toBeGreaterThan(0);

    // An operation's link, loaded afresh.
    await tab.goto('about:blank');
    await tab.goto(`${docs.server.origin}${path}${firstSection}`, { waitUntil: 'load' });
    await expectAtSection(firstSection);
    expect(errors).toEqual([]);
    if (file === 'index.html') mainTab = tab;
    else await tab.context().close();
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
});
