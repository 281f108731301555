// @ts-check
// Lists what changed in the API descriptions (as they are in the working tree)
// since a git ref, and which changes
// break users of the generated client; fails when a breaking change has no major
// changeset for @autocollect/client.
//
//   npm run spec:diff -- --base <git ref>
//
// Breaking: a removed or renamed operation or webhook; a removed parameter; a new
// required parameter or request property; a removed request or response property;
// a removed enum value; a narrowed type.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  deref as follow,
  listOperations,
  requiredProperties,
  repoRoot as root,
  schemaProperties,
} from '../spec/scripts/description.js';
import { bundleDescriptions } from '../spec/scripts/redocly.js';

const GATED_PACKAGE = '@autocollect/client';

const git = (/** @type {string[]} */ ...args) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

const cacheDir = join(root, 'node_modules/.cache/autocollect');
const SPEC_FILE = (/** @type {string} */ file) => file === 'redocly.yaml' || /^spec\/(?!test\/|dist\/)/.test(file);

/**
 * Bundles every API description as it was at `ref` (or, with no ref, as it is in the working tree).
 * @param {string | undefined} ref
 * @returns {Promise<Record<string, any>>} the documents by API name
 */
async function bundlesAt(ref) {
  // Inside the repo, so that the copy's lint plugin resolves its imports from node_modules.
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(join(cacheDir, 'spec-diff-'));
  try {
    const listed = ref
      ? git('ls-tree', '-r', '--name-only', ref, '--', 'spec', 'redocly.yaml')
      : git('ls-files', '--cached', '--others', '--exclude-standard', '--', 'spec', 'redocly.yaml');
    const files = listed.split('\n').filter(SPEC_FILE);
    if (!files.includes('redocly.yaml'))
      throw new Error(`${ref ?? 'The working tree'} has no redocly.yaml: pick a ref that has the spec.`);
    for (const file of files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      const content = ref
        ? execFileSync('git', ['show', `${ref}:${file}`], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
        : readFileSync(join(root, file));
      writeFileSync(join(dir, file), content);
    }
    return Object.fromEntries((await bundleDescriptions(dir)).map(({ name, document }) => [name, document]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A $ref followed, or an empty schema when there is nothing at the end of it. */
const deref = (/** @type {any} */ document, /** @type {any} */ node) => follow(document, node) ?? {};

/** @typedef {{ breaking: boolean, text: string }} Change */

/** @param {any} document */
function operationsOf(document) {
  /** @type {Map<string, { operation: any, parameters: any[] }>} */
  const operations = new Map();
  for (const [section, label] of /** @type {const} */ ([
    ['paths', ''],
    ['webhooks', 'webhook '],
  ])) {
    for (const { method, path, operation, parameters } of listOperations(document, section)) {
      operations.set(`${label}${method.toUpperCase()} ${path}`, { operation, parameters });
    }
  }
  return operations;
}

const types = (/** @type {any} */ schema) =>
  new Set(
    [schema.type ?? [], (schema.anyOf ?? schema.oneOf ?? []).map((/** @type {any} */ s) => s.type ?? [])].flat(2),
  );

/**
 * Compares two schemas. `direction` is 'request' (what users send) or 'response' (what
 * they read); both treat removals and narrowing as breaking, requests also new requirements.
 * @param {any} before
 * @param {any} after
 * @param {string} where
 * @param {'request' | 'response'} direction
 * @param {Change[]} changes
 * @param {{ before: any, after: any }} docs
 * @param {Set<string>} [seen]
 */
function compareSchemas(before, after, where, direction, changes, docs, seen = new Set()) {
  const [a, b] = [deref(docs.before, before), deref(docs.after, after)];
  const key = `${where}`;
  if (seen.has(key) || where.split('.').length > 12) return;
  seen.add(key);
  const [typesA, typesB] = [types(a), types(b)];
  const lost = [...typesA].filter(
    (t) => typesB.size > 0 && !typesB.has(t) && !(t === 'integer' && typesB.has('number')),
  );
  if (lost.length) changes.push({ breaking: true, text: `${where}: type narrowed (no longer ${lost.join(', ')})` });
  if (Array.isArray(a.enum) && Array.isArray(b.enum)) {
    const removed = a.enum.filter((/** @type {unknown} */ v) => !b.enum.includes(v));
    const added = b.enum.filter((/** @type {unknown} */ v) => !a.enum.includes(v));
    if (removed.length)
      changes.push({
        breaking: true,
        text: `${where}: enum value${removed.length > 1 ? 's' : ''} ${removed.join(', ')} removed`,
      });
    if (added.length)
      changes.push({
        breaking: false,
        text: `${where}: enum value${added.length > 1 ? 's' : ''} ${added.join(', ')} added`,
      });
  }
  const propsA = schemaProperties(docs.before, a);
  const propsB = schemaProperties(docs.after, b);
  const requiredB = new Set(requiredProperties(docs.after, b));
  const requiredA = new Set(requiredProperties(docs.before, a));
  for (const name of Object.keys(propsA)) {
    if (!(name in propsB)) changes.push({ breaking: true, text: `${where}: property ${name} removed` });
  }
  for (const name of Object.keys(propsB)) {
    if (name in propsA) continue;
    const required = requiredB.has(name);
    changes.push({
      breaking: required && direction === 'request',
      text: `${where}: ${required ? 'required' : 'optional'} property ${name} added`,
    });
  }
  if (direction === 'request') {
    for (const name of requiredB)
      if (name in propsA && !requiredA.has(name))
        changes.push({ breaking: true, text: `${where}: property ${name} became required` });
  }
  for (const name of Object.keys(propsA)) {
    if (name in propsB) compareSchemas(propsA[name], propsB[name], `${where}.${name}`, direction, changes, docs, seen);
  }
  if (a.items && b.items) compareSchemas(a.items, b.items, `${where}[]`, direction, changes, docs, seen);
}

/**
 * @param {any} document
 * @param {any} holder a request body or response
 */
function jsonSchema(document, holder) {
  const content = deref(document, holder)?.content ?? {};
  const mediaType = Object.keys(content).find((type) => type.includes('json')) ?? Object.keys(content)[0];
  return mediaType ? content[mediaType].schema : undefined;
}

/**
 * Every change between two versions of one description.
 * @param {any} before
 * @param {any} after
 * @returns {Change[]}
 */
export function diffDescriptions(before, after) {
  /** @type {Change[]} */
  const changes = [];
  const docs = { before, after };
  const [opsA, opsB] = [operationsOf(before), operationsOf(after)];
  for (const [key, { operation }] of opsA) {
    if (!opsB.has(key)) changes.push({ breaking: true, text: `${key} (${operation.operationId}) removed` });
  }
  for (const [key, { operation }] of opsB) {
    if (!opsA.has(key)) changes.push({ breaking: false, text: `${key} (${operation.operationId}) added` });
  }
  for (const [key, a] of opsA) {
    const b = opsB.get(key);
    if (!b) continue;
    if (a.operation.operationId !== b.operation.operationId) {
      changes.push({
        breaking: true,
        text: `${key}: operationId ${a.operation.operationId} renamed to ${b.operation.operationId}`,
      });
    }
    const id = (/** @type {any} */ p) => `${p.in} ${p.name}`;
    for (const p of a.parameters) {
      const match = b.parameters.find((q) => id(q) === id(p));
      if (!match) changes.push({ breaking: true, text: `${key}: ${id(p)} parameter removed` });
      else {
        if (match.required && !p.required)
          changes.push({ breaking: true, text: `${key}: ${id(p)} parameter became required` });
        compareSchemas(p.schema, match.schema, `${key}: ${id(p)} parameter`, 'request', changes, docs);
      }
    }
    for (const q of b.parameters.filter((q) => !a.parameters.some((p) => id(p) === id(q)))) {
      changes.push({
        breaking: Boolean(q.required),
        text: `${key}: ${q.required ? 'required' : 'optional'} ${id(q)} parameter added`,
      });
    }
    const [bodyA, bodyB] = [jsonSchema(before, a.operation.requestBody), jsonSchema(after, b.operation.requestBody)];
    if (bodyA && bodyB) compareSchemas(bodyA, bodyB, `${key}: request body`, 'request', changes, docs);
    for (const [status, response] of Object.entries(a.operation.responses ?? {})) {
      if (!status.startsWith('2')) continue;
      const [schemaA, schemaB] = [jsonSchema(before, response), jsonSchema(after, b.operation.responses?.[status])];
      if (schemaA && !b.operation.responses?.[status])
        changes.push({ breaking: true, text: `${key}: response ${status} removed` });
      else if (schemaA && schemaB)
        compareSchemas(schemaA, schemaB, `${key}: response ${status}`, 'response', changes, docs);
    }
  }
  return dedupe(changes);
}

/** @param {Change[]} changes */
function dedupe(changes) {
  const seen = new Set();
  return changes.filter((change) => !seen.has(change.text) && seen.add(change.text));
}

/**
 * Whether a pending changeset (.changeset/*.md) bumps the package a major version.
 * @param {string} name
 */
function hasMajorChangeset(name) {
  const dir = join(root, '.changeset');
  if (!existsSync(dir)) return false;
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .some((file) =>
      new RegExp(`^["']?${name.replace('/', '\\/')}["']?:\\s*major\\s*$`, 'm').test(
        readFileSync(join(dir, file), 'utf8').split('---')[1] ?? '',
      ),
    );
}

async function main() {
  const flag = process.argv.indexOf('--base');
  const base = flag === -1 ? undefined : process.argv[flag + 1];
  if (!base) {
    console.error('Usage: npm run spec:diff -- --base <git ref>   (a branch, tag or commit to compare the spec with)');
    process.exit(2);
  }
  // Both sides are bundled here, so the comparison never uses a stale build.
  const before = await bundlesAt(base);
  const after = await bundlesAt(undefined);
  let breaking = 0;
  for (const api of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!after[api]) {
      console.log(`${api}: BREAKING: the whole description was removed`);
      breaking++;
      continue;
    }
    const changes = before[api]
      ? diffDescriptions(before[api], after[api])
      : [{ breaking: false, text: 'new description' }];
    console.log(
      `${api}: ${changes.length ? `${changes.length} change${changes.length > 1 ? 's' : ''} since ${base}` : `no change since ${base}`}`,
    );
    for (const change of changes) console.log(`  ${change.breaking ? 'BREAKING' : 'ok      '}  ${change.text}`);
    breaking += changes.filter((change) => change.breaking).length;
  }
  if (breaking === 0) return console.log('\nNo breaking change.');
  if (hasMajorChangeset(GATED_PACKAGE))
    return console.log(
      `\n${breaking} breaking change(s), released as a major version of ${GATED_PACKAGE} by a pending changeset.`,
    );
  console.error(
    `\n${breaking} breaking change(s) without a major changeset for ${GATED_PACKAGE}. Undo them, or run \`npx changeset\`, choose a major bump for ${GATED_PACKAGE}, and say in it what users must change.`,
  );
  process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
