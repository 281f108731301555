// @ts-check
// A folder of files kept by a key (a hash of what made them), for work that is done again
// with the same inputs: the bundles and types spec:diff compares. Written whole, then
// renamed, so a concurrent run reads all of a file or none of it; the oldest are dropped
// past a number of files, so the folder stays small however many versions pass.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEEP = 200;

/** @param {string} dir @param {string} key @returns {string | undefined} */
export function readCached(dir, key) {
  try {
    return readFileSync(join(dir, key), 'utf8');
  } catch {
    return undefined;
  }
}

/** @param {string} dir @param {string} key @param {string} text */
export function writeCached(dir, key, text) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, key);
  writeFileSync(`${file}.${process.pid}`, text);
  renameSync(`${file}.${process.pid}`, file);
  const files = readdirSync(dir);
  if (files.length <= KEEP) return;
  const byAge = files
    .map((name) => {
      try {
        return { name, at: statSync(join(dir, name)).mtimeMs };
      } catch {
        return { name, at: Number.POSITIVE_INFINITY };
      }
    })
    .sort((a, b) => a.at - b.at);
  for (const { name } of byAge.slice(0, files.length - KEEP)) rmSync(join(dir, name), { force: true });
}
