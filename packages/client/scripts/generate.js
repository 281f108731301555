// @ts-check
// Generates the client's TypeScript from the bundled API descriptions: for every
// `apis` entry in redocly.yaml with `x-openapi-ts.output`, the types that
// openapi-typescript derives from its bundle, and beside them a small metadata
// module with the values the client needs at run time (such as the servers).
//
//   node scripts/generate.js                 write into src/generated/
//   node scripts/generate.js --out-dir DIR   write the same files under DIR (drift check)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deref, listOperations, openEnumValues, readApis, repoRoot as root } from '@autocollect/spec/description';
import openapiTS, { astToString, STRING, tsIntersection, tsLiteral, tsUnion } from 'openapi-typescript';
import ts from 'typescript';

/** @param {string} apiName */
function header(apiName) {
  return [
    `// Generated from the "${apiName}" API description in spec/ by packages/client/scripts/generate.js.`,
    '// Do not edit: change the spec, then run `npm run generate`.',
    '',
  ].join('\n');
}

/** @param {any} document */
function serverNames(document) {
  /** @type {Record<string, string>} */
  const servers = {};
  for (const server of document.servers ?? []) {
    const key = (server.description ?? '').trim().toLowerCase();
    if (!/^[a-z][a-z0-9]*$/.test(key)) {
      throw new Error(
        `servers: "${server.url}" needs a one-word description (such as Production) to name it in the client.`,
      );
    }
    servers[key] = server.url;
  }
  return servers;
}

/** What the client needs to know of each operation, keyed by "METHOD /path/{template}". */
/** @param {any} document */
function operationMetadata(document) {
  /** @type {Record<string, { operationId: string, idempotencyKey?: string, successMediaType?: string, pagination?: unknown, batch?: unknown }>} */
  const operations = {};
  for (const { method, path, operation, parameters } of listOperations(document)) {
    const idempotencyKey = parameters.find((p) => p.in === 'header' && /^idempotency-?key$/i.test(p.name))?.name;
    const success = Object.entries(operation.responses ?? {}).find(([status]) => /^2\d\d$/.test(status))?.[1];
    const [successMediaType] = Object.keys(deref(document, success)?.content ?? {});
    operations[`${method.toUpperCase()} ${path}`] = {
      operationId: operation.operationId,
      ...(idempotencyKey && { idempotencyKey }),
      ...(successMediaType && { successMediaType }),
      ...(operation['x-pagination'] && { pagination: operation['x-pagination'] }),
      ...(operation['x-batch'] && { batch: operation['x-batch'] }),
    };
  }
  return operations;
}

/**
 * Values from the description that the client needs at run time, as a TypeScript module.
 * @param {any} document
 */
function metadataModule(document) {
  const operations = operationMetadata(document);
  const paginated = Object.entries(operations)
    .filter(([key, operation]) => operation.pagination && key.startsWith('GET '))
    .map(([key]) => key);
  const json = (/** @type {unknown} */ value) => JSON.stringify(value, null, 2);
  return [
    "/** The API's servers, by the name their description gives them. */",
    `export const servers = ${json(serverNames(document))} as const;`,
    '',
    '/** Each operation by "METHOD /path": its operationId and what the spec says of paging, batches and idempotency. */',
    `export const operations = ${json(operations)} as const;`,
    '',
    '/** The paths whose GET pages through results (`x-pagination`). */',
    `export type PaginatedPath = ${paginated.map((key) => JSON.stringify(key.slice(4))).join(' | ') || 'never'};`,
    '',
    '/** The names of the webhooks the spec describes. */',
    `export const webhookNames = ${JSON.stringify(Object.keys(document.webhooks ?? {}))} as const;`,
    '',
  ].join('\n');
}

/**
 * The TypeScript type of the schemas openapi-typescript's own rules get wrong for us:
 * open enums, and binary content (a Blob, as the client reads it; not a string).
 * @param {import('openapi-typescript').SchemaObject} schema
 */
function schemaType(schema) {
  return openEnumType(schema) ?? binaryType(schema);
}

/**
 * Bytes: a string whose `contentMediaType` is not text, or of `format: binary`.
 * @param {import('openapi-typescript').SchemaObject} schema
 */
function binaryType(schema) {
  const mediaType = 'contentMediaType' in schema ? String(schema.contentMediaType) : undefined;
  const binary =
    (mediaType !== undefined && !/^text\//.test(mediaType)) || ('format' in schema && schema.format === 'binary');
  return binary ? ts.factory.createTypeReferenceNode('Blob') : undefined;
}

/**
 * An open enum's type: its known values, for autocomplete, or any other string.
 * `'PRIVATE' | string` would collapse to `string`; `string & {}` keeps the literals.
 * @param {import('openapi-typescript').SchemaObject} schema
 */
function openEnumType(schema) {
  const known = openEnumValues(schema);
  if (!known) return undefined;
  const anyString = tsIntersection([STRING, ts.factory.createTypeLiteralNode([])]);
  return tsUnion([...known.map((value) => tsLiteral(value)), anyString]);
}

/**
 * The TypeScript types of a bundled description, as the client sees them.
 * @param {any} document
 */
export async function generateTypes(document) {
  return astToString(await openapiTS(document, { silent: true, transform: schemaType }));
}

/** @typedef {{ path: string, content: string }} GeneratedFile a file to write, its path relative to the repo root */

/**
 * @param {string[]} [names] only these descriptions
 * @returns {Promise<GeneratedFile[]>} the files to write
 */
export async function generate(names) {
  /** @type {GeneratedFile[]} */
  const files = [];
  for (const { name, output: bundleOutput, bundle, typesOutput: output } of readApis()) {
    if (!output || (names && !names.includes(name))) continue;
    let document;
    try {
      document = JSON.parse(readFileSync(bundle, 'utf8'));
    } catch (cause) {
      throw new Error(
        `Cannot read the bundle ${bundleOutput}: run \`npm run build\` (or \`turbo run bundle\`) first.`,
        { cause },
      );
    }
    files.push({ path: output, content: header(name) + (await generateTypes(document)) });
    files.push({ path: output.replace(/\.ts$/, '.meta.ts'), content: header(name) + metadataModule(document) });
  }
  return files;
}

/**
 * @param {GeneratedFile[]} files
 * @param {string} [baseDir]
 */
export function write(files, baseDir = root) {
  for (const file of files) {
    const target = resolve(baseDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDirFlag = process.argv.indexOf('--out-dir');
  const outDir = process.argv[outDirFlag + 1];
  if (outDirFlag !== -1 && !outDir) {
    console.error('Usage: node scripts/generate.js [--out-dir <folder>]');
    process.exit(2);
  }
  const baseDir = outDir && outDirFlag !== -1 ? resolve(outDir) : root;
  const files = await generate();
  write(files, baseDir);
  for (const file of files) console.log(`generated ${relative(process.cwd(), resolve(baseDir, file.path))}`);
}
