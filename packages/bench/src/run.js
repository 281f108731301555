// @ts-check
// npm run bench: measures everything, side by side, and writes results.md and results.json.
//   --quick   fewer rounds and scales, to check the bench itself runs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleSizes } from './bundle-size.js';
import { devLoop } from './dev-loop.js';
import { paginationMemory } from './memory.js';
import { regeneration } from './regeneration.js';
import { machine, markdown, rows } from './report.js';
import { requestCost } from './request-cost.js';
import { sandboxBench } from './sandbox.js';
import { specDiffCost } from './spec-diff.js';
import { now } from './support.js';
import { testSuite } from './test-suite.js';
import { typecheckCost } from './typecheck.js';

const quick = process.argv.includes('--quick');
const started = now();
/** @type {Record<string, any>} */
const results = { machine: machine(), date: new Date().toISOString(), quick };

/** @type {[string, string, () => unknown][]} */
const sections = [
  ['requestCost', 'request cost (network and in process)', () => requestCost({ quick })],
  ['bundleSizes', 'bundle sizes', () => bundleSizes()],
  ['regeneration', 'regeneration and growth', () => regeneration({ quick })],
  ['typecheck', 'consumer type-check', () => typecheckCost({ runs: quick ? 1 : 3 })],
  ['specDiff', 'npm run spec:diff on a real change', () => specDiffCost({ runs: quick ? 1 : 5 })],
  ['memory', 'pagination memory', () => paginationMemory()],
  ['devLoop', 'npm run dev: edit to browser', () => devLoop({ runs: quick ? 1 : 5 })],
  ['sandbox', 'the sandbox against Prism, and with 100,000 invoices', () => sandboxBench({ quick })],
  ['testSuite', 'npm test, every task run (turbo --force)', () => testSuite()],
];
for (const [key, label, measure] of sections) {
  const start = now();
  process.stdout.write(`bench: ${label}… `);
  results[key] = await measure();
  console.log(`${((now() - start) / 1000).toFixed(1)} s`);
}
results.durationMs = now() - started;

// What limits a missed target, kept beside the code that measures it.
const notes = JSON.parse(readFileSync(fileURLToPath(new URL('../notes.json', import.meta.url)), 'utf8'));
const out = (/** @type {string} */ file) => fileURLToPath(new URL(`../${file}`, import.meta.url));
writeFileSync(out('results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(out('results.md'), markdown(results, notes));
for (const section of rows(results))
  for (const [measure, figure, target, met] of section.rows)
    if (target) console.log(`${met ? 'met   ' : 'MISSED'}  ${measure}: ${figure} (target ${target})`);
console.log(`bench: wrote results.md and results.json in ${(results.durationMs / 1000).toFixed(0)} s`);
