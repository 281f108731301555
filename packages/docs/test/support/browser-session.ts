import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, onTestFailed } from 'vitest';
import { sharedChromium } from './chromium.js';
import { type DocsServer, startDocsServer } from './docs-server.js';

const artifacts = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** A tab, with what it requested and any error its pages left unhandled. */
export interface RecordedTab {
  page: Page;
  requests: string[];
  errors: string[];
}

/**
 * One docs server (as `npm start` runs it) for a test file, started before its tests and
 * stopped after them, and a connection to the run's Chromium.
 */
export function docsInBrowser() {
  let server: DocsServer | undefined;
  let browser: Browser | undefined;
  const readers = new Map<string, Promise<RecordedTab>>();
  beforeAll(async () => {
    [server, browser] = await Promise.all([startDocsServer(), sharedChromium()]);
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  const startedServer = (): DocsServer => {
    if (!server) throw new Error('The docs server starts before the tests.');
    return server;
  };

  /** Should the running test fail, a screenshot of the tab is left in test-results/<name>.png. */
  const screenshotOnFailure = (page: Page, name: string) =>
    onTestFailed(async () => {
      await page.screenshot({ path: `${artifacts}${name}.png` }).catch(() => undefined);
    });

  async function openTab(name: string, height: number, options: BrowserContextOptions = {}): Promise<RecordedTab> {
    if (!browser) throw new Error('Chromium starts before the tests.');
    const context = await browser.newContext({ viewport: { width: 1280, height }, ...options });
    const page = await context.newPage();
    const tab: RecordedTab = { page, requests: [], errors: [] };
    page.on('request', (request) => tab.requests.push(request.url()));
    page.on('pageerror', (error) => tab.errors.push(error.message));
    screenshotOnFailure(page, name);
    return tab;
  }

  return {
    get server(): DocsServer {
      return startedServer();
    },
    /** A new tab of its own context, 1280 px wide. */
    openTab,
    /**
     * The file's tab on a page, loaded by the first test that asks and shared by those after
     * it, which move within the page (a hash, a click) as a reader would: a load of a page
     * costs Chromium seconds of CPU. Loaded again should a test have left the page.
     */
    async reader(path: string, name: string, options: BrowserContextOptions = {}): Promise<RecordedTab> {
      const url = `${startedServer().origin}${path}`;
      let opened = readers.get(path);
      if (!opened) {
        opened = openTab(name, 900, options).then(async (tab) => {
          await tab.page.goto(url, { waitUntil: 'networkidle' });
          return tab;
        });
        readers.set(path, opened);
      }
      const tab = await opened;
      if (new URL(tab.page.url()).pathname !== path) await tab.page.goto(url, { waitUntil: 'networkidle' });
      screenshotOnFailure(tab.page, name);
      return tab;
    },
  };
}
