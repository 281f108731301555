import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, onTestFailed } from 'vitest';
import { launchChromium } from '../../../../scripts/chromium.js';
import { type DocsServer, startDocsServer } from './docs-server.js';

const artifacts = fileURLToPath(new URL('../../test-results/', import.meta.url));

/**
 * One docs server (as `npm start` runs it) and one Chromium for a test file, started before
 * its tests and stopped after them.
 */
export function docsInBrowser() {
  let server: DocsServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startDocsServer(), launchChromium()]);
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });
  return {
    get server(): DocsServer {
      if (!server) throw new Error('The docs server starts before the tests.');
      return server;
    },
    /** A new tab of its own context; should the test fail, a screenshot is left in test-results/<name>.png. */
    async openTab(name: string, height: number, options: BrowserContextOptions = {}) {
      if (!browser) throw new Error('Chromium starts before the tests.');
      const context = await browser.newContext({ viewport: { width: 1280, height }, ...options });
      const tab = await context.newPage();
      onTestFailed(async () => {
        await tab.screenshot({ path: `${artifacts}${name}.png` }).catch(() => undefined);
      });
      return tab;
    },
  };
}
