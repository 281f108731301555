// @ts-check
// The spec author's loop: from saving a one-file edit to `npm run dev` showing it in the
// browser (the page reloaded and the edited text on it), in a copy of the repo.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../../scripts/chromium.js';
import { startDevSession } from '../../../scripts/dev-session.js';
import { copyOfRepo } from '../../../scripts/repo-copy.js';
import { median, now } from './support.js';

/** The descriptions' schemas edited, one per run: the largest description and the smallest. */
const FILES = {
  'AutoCollect API (Invoice.yaml)': 'spec/openapi/components/schemas/Invoice.yaml',
  'identity (TokenResponse.yaml)': 'spec/openapi/identity/components/schemas/TokenResponse.yaml',
};

/** @param {{ runs: number }} options */
export async function devLoop({ runs }) {
  const copy = copyOfRepo('bench-dev');
  const dev = await startDevSession(copy);
  const browser = await launchChromium();
  /** @type {Record<string, number>} */
  const editToBrowser = {};
  /** @type {Record<string, number>} */
  const rebuild = {};
  try {
    const tab = await browser.newPage();
    for (const [label, file] of Object.entries(FILES)) {
      const page = file.includes('/identity/') ? 'identity.html' : '';
      await tab.goto(`${dev.url}${page}`, { waitUntil: 'load' });
      const times = [];
      for (let run = 0; run < runs; run++) {
        const marker = `Benchmark edit ${run}.`;
        const path = join(copy, file);
        const text = readFileSync(path, 'utf8').replace(
          /^description: (\|\n {2})?(Benchmark edit \d+\. )?/m,
          (_, block = '') => `description: ${block}${marker} `,
        );
        const loaded = tab.waitForEvent('load', { timeout: 60_000 });
        const start = now();
        writeFileSync(path, text);
        await loaded;
        // In the page Redoc rendered (its state holds every description, shown or folded).
        await tab.waitForFunction((m) => document.documentElement.outerHTML.includes(m), marker, { timeout: 60_000 });
        times.push(now() - start);
      }
      editToBrowser[label] = median(times);
      // What npm run dev itself reports: bundle, lint, types and the docs page, before the browser reloads.
      const reported = [...dev.output().matchAll(/rebuilt in (\d+) ms/g)].slice(-runs).map((m) => Number(m[1]));
      rebuild[label] = median(reported);
    }
  } finally {
    await browser.close();
    await dev.stop();
    rmSync(copy, { recursive: true, force: true });
  }
  return { editToBrowser, rebuild };
}
