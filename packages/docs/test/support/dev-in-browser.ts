// `npm run dev` in a copy of the repo, built as a clone is once `npm start` ran (the session
// renders again only what an edit changes), or as a fresh clone is, with a tab of the run's Chromium on the token
// endpoint's page, the smallest to render and to load: started before a file's tests and
// stopped after them.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startDevSession } from '../../../../scripts/dev-session.js';
import { copyOfRepo } from '../../../../scripts/repo-copy.js';
import { sharedChromium } from './chromium.js';

/** The token endpoint's description, which the tests edit. */
export const SCHEMA = 'spec/openapi/identity/components/schemas/TokenResponse.yaml';

/** @param built whether the copy was built first, as after `npm start`; else it is as freshly cloned */
export function devInBrowser({ built = true } = {}) {
  let copy: string | undefined;
  let dev: Awaited<ReturnType<typeof startDevSession>> | undefined;
  let browser: Browser | undefined;
  let tab: Page | undefined;
  let loads = 0;

  beforeAll(async () => {
    copy = copyOfRepo('dev', { built });
    dev = await startDevSession(copy);
    browser = await sharedChromium();
    tab = await browser.newPage();
    tab.on('load', () => loads++);
    await tab.goto(`${dev.url}identity.html`);
  });
  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  const started = () => {
    if (!(copy && dev && tab)) throw new Error('The dev session and its tab start before the tests.');
    return { copy, dev, tab };
  };
  return {
    get dev() {
      return started().dev;
    },
    get tab() {
      return started().tab;
    },
    /** How many times the tab has loaded a page. */
    loads: () => loads,
    /** The dev overlay on the page. */
    overlay: () => started().tab.locator('#autocollect-dev-overlay'),
    /** Changes a file of the copy as an editor would save it. */
    edit(file: string, change: (text: string) => string) {
      const path = join(started().copy, file);
      writeFileSync(path, change(readFileSync(path, 'utf8')));
    },
  };
}
