import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, operations } from './support/bundle.js';
import { startDocsServer, type DocsServer } from './support/docs-server.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../test-results/', import.meta.url));

let server: DocsServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  server = await startDocsServer();
  browser = await chromium.launch({
    executablePath,
    // Flags for a root user in a closed network: no sandbox, no background calls home.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${server.origin}/`, { waitUntil: 'networkidle' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.stop();
});

describe('the docs in a real browser', () => {
  it('lists every operation of the spec in the navigation', async () => {
    const navigation = page.locator('.menu-content');
    await expect.poll(() => navigation.innerText()).toContain(bundle.info.title);
    for (const tag of bundle.tags.map((t: { name: string }) => t.name)) {
      await navigation.getByText(tag, { exact: true }).first().click();
    }
    for (const operation of operations) {
      await expect.poll(() => navigation.innerText(), { message: operation.operationId }).toContain(operation.summary);
    }
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}docs.png`, fullPage: false });
  });

  it('requests nothing from anywhere but the local server', () => {
    const elsewhere = requests.filter((url) => !url.startsWith(`${server.origin}/`) && !/^(blob|data):/.test(url));
    expect(requests.length).toBeGreaterThan(0);
    expect(elsewhere).toEqual([]);
  });
});
