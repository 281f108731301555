// `npm run dev` in a copy of the repo, driven from a real browser: an edit reloads the
// page with the change, a lint error shows in the terminal and over the page without
// stopping the watcher, and fixing it takes the overlay away.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevSession } from '../../../scripts/dev-session.js';
import { copyOfRepo } from '../../../scripts/repo-copy.js';
import { sharedChromium } from './support/chromium.js';

// The token endpoint's description: its page is the smallest to render and to load.
const SCHEMA = 'spec/openapi/identity/components/schemas/TokenResponse.yaml';

let copy: string;
let dev: Awaited<ReturnType<typeof startDevSession>>;
let browser: Browser;
let tab: Page;
let loads = 0;

const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(join(copy, file), change(readFileSync(join(copy, file), 'utf8')));
const overlay = () => tab.locator('#autocollect-dev-overlay');

beforeAll(async () => {
  // Built, as a clone is once `npm start` ran: the session renders again only what an edit changes.
  copy = copyOfRepo('dev', { built: true });
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

describe('npm run dev', () => {
  it('built and serves the docs, with the overlay script in the page', async () => {
    expect(dev.output()).toMatch(/✓ autocollect@v1, identity@v1, legacy@v1 rebuilt in \d+ ms/);
    await expect.poll(() => tab.locator('.menu-content').innerText()).toContain('Token');
    expect(await tab.content()).toContain('/__dev/events');
  });

  it('reloads the page with an edit', async () => {
    const before = loads;
    const printed = dev.output().length;
    edit(SCHEMA, (text) => text.replace(/^description: /m, (lead) => `${lead}Edited live in the dev test. `));
    await expect.poll(() => loads).toBeGreaterThan(before);
    await expect.poll(() => tab.content()).toContain('Edited live in the dev test.');
    // Only what the edit changed was rebuilt.
    await expect.poll(() => dev.output().slice(printed)).toMatch(/✓ identity@v1 rebuilt in \d+ ms/);
    expect(dev.output().slice(printed)).not.toMatch(/autocollect@v1|legacy/);
  });

  it('shows a lint error in the terminal and over the page, and keeps watching', async () => {
    edit(SCHEMA, (text) => text.replace(/^type: object$/m, 'type: objekt'));
    await expect.poll(() => overlay().isVisible()).toBe(true);
    const text = await overlay().innerText();
    expect(text).toContain('spec/openapi/identity/components/schemas/TokenResponse.yaml:1:7');
    expect(text).toContain('struct');
    expect(dev.output()).toMatch(
      /spec\/openapi\/identity\/components\/schemas\/TokenResponse\.yaml:1:7 {2}error {2}struct/,
    );
    expect(dev.alive()).toBe(true);
  });

  it('shows a YAML syntax error the same way, and keeps watching', async () => {
    const lintError = await overlay().innerText();
    edit(SCHEMA, (text) => text.replace(/^type: objekt$/m, 'type: [object'));
    await expect.poll(() => overlay().innerText()).not.toBe(lintError);
    expect(await overlay().innerText()).toMatch(/TokenResponse\.yaml/);
    expect(dev.alive()).toBe(true);
  });

  it('takes the overlay away once the spec is fixed', async () => {
    const before = loads;
    edit(SCHEMA, (text) => text.replace(/^type: \[object$/m, 'type: object'));
    await expect.poll(() => loads).toBeGreaterThan(before);
    await expect.poll(() => overlay().count()).toBe(0);
    await expect.poll(() => tab.content()).toContain('Edited live in the dev test.');
    expect(dev.alive()).toBe(true);
  });
});
