// A page's navigation links and Try buttons, walked in one load of the page: links and
// buttons are walked within it, and the page is loaded afresh only where that is what is
// checked. For the navigation tests, one file per page or two.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { docsInBrowser } from './browser-session.js';
import type { pages } from './bundle.js';
import { sectionOf } from './try-it.js';

export const LINKS_TITLE =
  'every navigation link opens at its section, followed or loaded afresh as from a new tab or a shared link; every operation has a Try button opening a panel named after it, loaded only then';

/**
 * Walks the page's links and buttons in a tab of its own (with `options`), and answers the
 * tab, left at an operation.
 */
export async function walkLinks(
  docs: ReturnType<typeof docsInBrowser>,
  { page: file, document, operations }: (typeof pages)[number],
  options: BrowserContextOptions = {},
): Promise<Page> {
  const path = file === 'index.html' ? '/' : `/${file}`;
  const { page: tab, requests, errors } = await docs.openTab(`links-${file.replace('.html', '')}`, 800, options);
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
  return tab;
}
