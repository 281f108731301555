// The navigation links and Try buttons of the pages beside the main one, in a real browser:
// each link opens at its section, however it is opened, and every operation has its button.
import { describe, it } from 'vitest';
import { docsInBrowser } from './support/browser-session.js';
import { pages } from './support/bundle.js';
import { LINKS_TITLE, walkLinks } from './support/navigation.js';

const docs = docsInBrowser();

describe.each(pages.filter((p) => p.page !== 'index.html').map((p) => [p.page, p] as const))('%s', (_, page) => {
  it(LINKS_TITLE, async () => {
    const tab = await walkLinks(docs, page);
    await tab.context().close();
  });
});
