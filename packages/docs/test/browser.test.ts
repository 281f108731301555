import { describe, expect, it } from 'vitest';
import { docsInBrowser } from './support/browser-session.js';
import { pages } from './support/bundle.js';

const docs = docsInBrowser();

describe.each(pages.map((p) => [p.page, p] as const))('%s in a real browser', (page, { document, operations }) => {
  it('lists every operation and webhook in the navigation, and requests nothing from elsewhere', async () => {
    const { page: tab, requests } = await docs.reader(page === 'index.html' ? '/' : `/${page}`, page);

    const navigation = tab.locator('.menu-content');
    await expect.poll(() => navigation.innerText()).toContain(document.info.title);
    // Opening a tag closes the one open before, so check each tag's operations as it opens.
    const tags: string[] = (document.tags ?? []).map((t: { name: string }) => t.name);
    expect(operations.filter((op) => !op.tags.some((tag) => tags.includes(tag))).map((op) => op.operationId)).toEqual(
      [],
    );
    // Guides are tags without operations; a tag group may share a tag's name, so take the last match.
    for (const tag of tags.filter((name) => operations.some((op) => op.tags.includes(name)))) {
      const label = navigation
        .getByTestId('menu-item-label')
        .filter({ has: tab.getByText(tag, { exact: true }) })
        .last();
      const summaries = operations.filter((op) => op.tags.includes(tag)).map((op) => op.summary);
      await expect
        .poll(
          async () => {
            const text = await navigation.innerText();
            const missing = summaries.filter((s) => !text.includes(s));
            // A click that lands while Redoc still sets the page up can be undone: open the
            // tag (its chevron points right while it is shut) until its operations show.
            if (missing.length > 0 && (await label.locator('[data-component-name*="ChevronRight"]').count()) > 0)
              await label.click();
            return missing;
          },
          { message: `${page}: ${tag}` },
        )
        .toEqual([]);
    }

    const elsewhere = requests.filter((url) => !url.startsWith(`${docs.server.origin}/`) && !/^(blob|data):/.test(url));
    expect(requests.length).toBeGreaterThan(0);
    expect(elsewhere).toEqual([]);
  });
});

describe('reading the main page as an integrator would', () => {
  it('shows an open enum with its known values, what they mean, and that others may come', async () => {
    const { page: tab } = await docs.reader('/', 'open-enum');
    await tab.getByText('Search', { exact: false }).first().click();
    await tab.keyboard.type('BATCH_COMPLETED');
    await tab.getByTestId('search-dialog').getByText('Batch completed', { exact: true }).first().click();
    await expect.poll(() => tab.url()).toMatch(/#\/webhooks\/batch_completed$/);
    // The payload's `source` (WebhookSource): its known value, the description, and the open end.
    const source = async () => {
      const text = await tab.locator('body').innerText();
      const start = text.indexOf('\nsource\n');
      return start === -1 ? '' : text.slice(start, text.indexOf('\ntimeStamp\n', start));
    };
    await expect.poll(source).toContain('"COLLECTION"');
    const shown = await source();
    expect(shown).toContain('The Amili product that sent the event.');
    expect(shown).toContain('Amili publishes no complete list: expect other values');
  });

  it('searches for CreateInvoices, opens it, reads the TypeScript sample, then follows the link to the legacy API', async () => {
    const main = pages.find((p) => p.page === 'index.html')!;
    const legacy = pages.find((p) => p.page === 'legacy.html')!;
    const createInvoices = main.operations.find((op) => op.operationId === 'CreateInvoices')!;
    const { page: tab, requests } = await docs.reader('/', 'search');

    await tab.getByText('Search', { exact: false }).first().click();
    await tab.keyboard.type('CreateInvoices');
    const dialog = tab.getByTestId('search-dialog');
    // Excerpts keep the space where a description's prose breaks a line ("The invoices", not "Theinvoices").
    const breaks = main.operations.flatMap(({ description }) =>
      [...description.matchAll(/(\S+)\n(?!\n)(\S+)/g)].map(([, before, after]) => ({
        glued: `${before}${after}`,
        spaced: `${before} ${after}`,
      })),
    );
    await expect.poll(() => dialog.innerText()).toContain(createInvoices.summary);
    const excerpts = await dialog.innerText();
    expect(breaks.filter(({ glued }) => excerpts.includes(glued)).map(({ glued }) => glued)).toEqual([]);
    expect(breaks.some(({ spaced }) => excerpts.includes(spaced))).toBe(true);
    await dialog.getByText(createInvoices.summary, { exact: true }).first().click();
    await expect.poll(() => tab.url()).toMatch(/#\/invoice\/createinvoices$/);

    // The generated TypeScript sample is the one shown first, with curl beside it.
    await expect.poll(() => tab.getByRole('button', { name: 'TypeScript' }).count()).toBeGreaterThan(0);
    const shownSample = async () =>
      (await tab.locator('pre').allInnerTexts()).find((text) =>
        /client\.POST\(\s*'\/orgs\/\{organizationId\}\/invoices'/.test(text),
      ) ?? '';
    await expect.poll(shownSample).toContain("from '@autocollect/client'");

    // Back to where the search started, within the page: the link is in its introduction.
    await tab.goBack();
    await tab.getByRole('link', { name: legacy.document.info.title }).first().click();
    await expect.poll(() => tab.url()).toBe(`${docs.server.origin}/legacy.html`);
    await expect.poll(() => tab.locator('.menu-content').innerText()).toContain(legacy.document.info.title);

    expect(requests.filter((url) => !url.startsWith(`${docs.server.origin}/`) && !/^(blob|data):/.test(url))).toEqual(
      [],
    );
  });
  it('names each sample language whole in the language menu', async () => {
    const { page: tab } = await docs.reader('/#/invoice/getinvoicebyid', 'language-menu');
    const menuButton = tab.getByRole('button', { name: 'TypeScript', exact: true });
    await expect.poll(() => menuButton.count()).toBeGreaterThan(0);
    await menuButton.first().click();
    const items = tab.getByRole('menuitem');
    await expect.poll(() => items.allInnerTexts()).toContain('TypeScript (sandbox)');
    // A label cut off shows an ellipsis (its text is wider than its box), or is clipped by the menu's edge.
    const cut = await items.evaluateAll((elements) =>
      elements.flatMap((item) => {
        const label = item.querySelector('span[title]');
        const menu = item.closest('[role="menu"]');
        if (!label || !menu) return [`no label in ${item.textContent}`];
        const clipped = label.getBoundingClientRect().right > menu.getBoundingClientRect().right;
        return label.scrollWidth > label.clientWidth || clipped ? [label.textContent] : [];
      }),
    );
    expect(cut).toEqual([]);
  });
});
