// @ts-check
// Writes a synthetic API description N times the size of ours, for measuring how
// the toolchain scales: every path of the bundled AutoCollect description is
// repeated N times under /copy{i}, with its operationIds suffixed; schemas,
// parameters and examples are shared, as in a real API that grows by operations.
//
//   node scripts/synthetic-spec.js <N> <output.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');

/** @param {number} copies */
export function syntheticSpec(copies) {
  const source = JSON.parse(readFileSync(resolve(root, 'spec/dist/openapi.json'), 'utf8'));
  /** @type {Record<string, unknown>} */
  const paths = {};
  for (let i = 0; i < copies; i++) {
    for (const [path, item] of Object.entries(source.paths)) {
      const copy = structuredClone(item);
      for (const operation of Object.values(copy)) {
        if (operation && typeof operation === 'object' && 'operationId' in operation)
          operation.operationId = `${operation.operationId}_${i}`;
      }
      paths[i === 0 ? path : `/copy${i}${path}`] = copy;
    }
  }
  return { ...source, info: { ...source.info, title: `${source.info.title} ×${copies}` }, paths };
}

/** @param {any} document */
export function operationCount(document) {
  return Object.values(document.paths).reduce(
    (sum, item) => sum + Object.values(item).filter((op) => op && typeof op === 'object' && 'operationId' in op).length,
    0,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [copies, output] = [Number(process.argv[2]), process.argv[3]];
  if (!Number.isInteger(copies) || copies < 1 || !output) {
    console.error('Usage: node scripts/synthetic-spec.js <N, a whole number of at least 1> <output.json>');
    process.exit(2);
  }
  const document = syntheticSpec(copies);
  writeFileSync(output, JSON.stringify(document));
  console.log(`${output}: ${operationCount(document)} operations`);
}
