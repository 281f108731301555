// @ts-check
// Generates the client's TypeScript from the bundled API descriptions: for every
// `apis` entry in redocly.yaml with `x-openapi-ts.output`, the types that
// openapi-typescript derives from its bundle, and beside them a small metadata
// module with the values the client needs at run time (such as the servers).
//
//   node scripts/generate.js                 write into src/generated/
//   node scripts/generate.js --out-dir DIR   write the same files under DIR (drift check)
//   node scripts/generate.js --no-cache      make the types again even where they are known
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  deref,
  listOperations,
  openEnumValues,
  readApis,
  repoRoot as root,
  successResponse,
} from '@autocollect/spec/description';
import { readCached, writeCached } from '../../../scripts/disk-cache.js';

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

/** What the client needs to know of each operation at run time, keyed by "METHOD /path/{template}". */
/** @param {any} document */
export function operationMetadata(document) {
  /** @type {Record<string, { operationId: string, idempotencyKey?: string, successMediaType?: string, noContent?: true, pagination?: unknown, batch?: { type: string } }>} */
  const operations = {};
  for (const { method, path, operation, parameters } of listOperations(document)) {
    const idempotencyKey = parameters.find((p) => p.in === 'header' && /^idempotency-?key$/i.test(p.name))?.name;
    const success = successResponse(document, operation);
    const content = success?.content;
    const [successMediaType] = Object.keys(content ?? {});
    operations[`${method.toUpperCase()} ${path}`] = {
      operationId: operation.operationId,
      ...(idempotencyKey && { idempotencyKey }),
      // JSON is what the client reads when no media type is named: it goes unsaid.
      ...(successMediaType && successMediaType !== 'application/json' && { successMediaType }),
      // A success the spec gives no body: whatever body comes is not read as JSON.
      ...(success && !content && { noContent: true }),
      // Paging needs the token's parameter and where the next token and the items are.
      ...(operation['x-pagination'] && { pagination: pagingOf(operation['x-pagination']) }),
      // Of the batch a create makes, only its type is used at run time (to match a look-up).
      ...(operation['x-batch'] && { batch: { type: operation['x-batch'].type } }),
    };
  }
  return operations;
}

/**
 * Of each webhook's body: the property whose constant is the webhook's name, and the JSON type
 * of each required property.
 * @param {any} document
 */
function webhookShapes(document) {
  /** @type {Record<string, { nameIn: string, required: Record<string, string> }>} */
  const shapes = {};
  for (const [name, item] of Object.entries(document.webhooks ?? {})) {
    const body = deref(document, deref(document, item.post?.requestBody)?.content?.['application/json']?.schema);
    const properties = Object.fromEntries(
      Object.entries(body?.properties ?? {}).map(([key, schema]) => [key, deref(document, schema)]),
    );
    const nameIn = Object.keys(properties).find((key) => properties[key]?.const === name);
    if (!nameIn) throw new Error(`The ${name} webhook's body has no property whose const is "${name}".`);
    /** @type {Record<string, string>} */
    const required = {};
    for (const key of body.required ?? []) if (key !== nameIn) required[key] = jsonType(properties[key]);
    shapes[name] = { nameIn, required };
  }
  return shapes;
}

/**
 * The JSON type a schema gives its values: its `type`, or object for one made of others.
 * @param {any} schema
 */
function jsonType(schema) {
  if (typeof schema?.type === 'string') return schema.type === 'integer' ? 'number' : schema.type;
  if (schema?.properties || schema?.allOf) return 'object';
  if (schema?.const !== undefined) return typeof schema.const;
  throw new Error(`A required webhook property has no type the client can check: ${JSON.stringify(schema)}.`);
}

/** @param {{ tokenParameter: string, nextToken: string, items: string }} pagination */
const pagingOf = ({ tokenParameter, nextToken, items }) => ({ tokenParameter, nextToken, items });

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
    '/**',
    ' * Each webhook the spec describes: the body property that names it, and the JSON type of each property',
    ' * its body requires. A delivery is typed as the event only when its body has them.',
    ' */',
    `export const webhookEvents = ${json(webhookShapes(document))} as const;`,
    '',
  ].join('\n');
}

/**
 * The TypeScript types of a bundled description, as the client sees them. openapi-typescript
 * and TypeScript are loaded here, when types are made, not on import.
 * @param {any} document
 */
export async function generateTypes(document) {
  // Required, not imported: an import of TypeScript's 9 MB CommonJS file makes Node scan
  // it for its exports and its syntax first, which doubles the time it takes to load
  // (0.9 s instead of 0.4 s). openapi-typescript's CommonJS build requires it too.
  const {
    default: openapiTS,
    astToString,
    STRING,
    tsIntersection,
    tsLiteral,
    tsUnion,
  } = /** @type {typeof import('openapi-typescript')} */ (require('openapi-typescript'));
  const ts = /** @type {typeof import('typescript')} */ (require('typescript'));

  /**
   * Bytes: a string whose `contentMediaType` is not text, or of `format: binary`.
   * @param {import('openapi-typescript').SchemaObject} schema
   */
  const binaryType = (schema) => {
    const mediaType = 'contentMediaType' in schema ? String(schema.contentMediaType) : undefined;
    const binary =
      (mediaType !== undefined && !/^text\//.test(mediaType)) || ('format' in schema && schema.format === 'binary');
    return binary ? ts.factory.createTypeReferenceNode('Blob') : undefined;
  };

  /**
   * An open enum's type: its known values, for autocomplete, or any other string.
   * `'PRIVATE' | string` would collapse to `string`; `string & {}` keeps the literals.
   * @param {import('openapi-typescript').SchemaObject} schema
   */
  const openEnumType = (schema) => {
    const known = openEnumValues(schema, document);
    if (!known) return undefined;
    const anyString = tsIntersection([STRING, ts.factory.createTypeLiteralNode([])]);
    return tsUnion([...known.map((value) => tsLiteral(value)), anyString]);
  };

  /**
   * A list of an open enum written in its `items`: openapi-typescript adds the enum's two
   * `anyOf` branches to what `transform` makes of an item, and the bare branch is `unknown`.
   * @param {import('openapi-typescript').SchemaObject} schema
   */
  const openEnumListType = (schema) => {
    const { items } = /** @type {{ items?: import('openapi-typescript').SchemaObject }} */ (schema);
    const item = schema.type === 'array' && items ? openEnumType(items) : undefined;
    return item && ts.factory.createArrayTypeNode(item);
  };

  // The schemas openapi-typescript's own rules get wrong for us: open enums (alone or listed),
  // and binary content (a Blob, as the client reads it; not a string).
  /** @param {import('openapi-typescript').SchemaObject} schema */
  const transform = (schema) => openEnumType(schema) ?? openEnumListType(schema) ?? binaryType(schema);
  // A copy: openapi-typescript changes the document it is given (a discriminator's value is
  // written into the schemas it maps), and spec:diff reads the same document afterwards.
  return astToString(await openapiTS(structuredClone(document), { silent: true, transform }));
}

const sha256 = (/** @type {string} */ text) => createHash('sha256').update(text).digest('hex');

/**
 * Where generate() remembers the types it made: the types of a bundle are read back from
 * their file instead of made again when the bundle, this generator and the libraries it
 * runs are all the same, and the file still holds what was made. (A version bump, or a
 * cleared turbo cache, reruns generate with nothing changed: openapi-typescript takes seconds.)
 */
const TYPES_CACHE = resolve(root, 'node_modules/.cache/autocollect/generated-types.json');
const require = createRequire(import.meta.url);
/** This generator, what it imports of ours, and every library installed (the lockfile). */
const GENERATOR = sha256(
  JSON.stringify(
    [
      fileURLToPath(import.meta.url),
      require.resolve('@autocollect/spec/description'),
      resolve(root, 'package-lock.json'),
    ].map((file) => readFileSync(file, 'utf8')),
  ),
);

/**
 * The types of a bundle, kept on disk by what makes them (the bundle, this generator and
 * the libraries installed): spec:diff compares the same base again and again.
 * @param {any} document
 * @returns {Promise<string>}
 */
export function cachedTypes(document) {
  const dir = resolve(dirname(TYPES_CACHE), 'types');
  const key = `${sha256(JSON.stringify([GENERATOR, document]))}.ts`;
  const kept = readCached(dir, key);
  if (kept !== undefined) return Promise.resolve(kept);
  let making = typesBeingMade.get(key);
  if (!making) {
    making = generateTypes(document).then((types) => {
      writeCached(dir, key, types);
      return types;
    });
    typesBeingMade.set(key, making);
    making.finally(() => typesBeingMade.delete(key)).catch(() => undefined);
  }
  return making;
}

/** Types asked for again while they are made (spec:diff prepares a side before comparing it): made once. */
const typesBeingMade = new Map();

/** @returns {Record<string, { key: string, types: string }>} by API name: its inputs' key, and the hash of the types made */
function readTypesCache() {
  try {
    return JSON.parse(readFileSync(TYPES_CACHE, 'utf8'));
  } catch {
    return {};
  }
}

/** @param {Record<string, { key: string, types: string }>} cache */
function writeTypesCache(cache) {
  mkdirSync(dirname(TYPES_CACHE), { recursive: true });
  // Written whole, then renamed: a concurrent run reads the old cache or the new one.
  const temporary = `${TYPES_CACHE}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify(cache));
  renameSync(temporary, TYPES_CACHE);
}

/** @typedef {{ path: string, content: string }} GeneratedFile a file to write, its path relative to the repo root */

/**
 * @param {string[]} [names] only these descriptions
 * @param {{ cache?: boolean }} [options] cache: false makes every description's types again
 * @returns {Promise<GeneratedFile[]>} the files to write
 */
export async function generate(names, { cache: useCache = true } = {}) {
  /** @type {GeneratedFile[]} */
  const files = [];
  const cache = readTypesCache();
  for (const { name, output: bundleOutput, bundle, typesOutput: output } of readApis()) {
    if (!output || (names && !names.includes(name))) continue;
    let text;
    try {
      text = readFileSync(bundle, 'utf8');
    } catch (cause) {
      throw new Error(
        `Cannot read the bundle ${bundleOutput}: run \`npm run build\` (or \`turbo run bundle\`) first.`,
        { cause },
      );
    }
    const document = JSON.parse(text);
    const key = sha256(JSON.stringify([GENERATOR, name, text]));
    const target = resolve(root, output);
    const onDisk = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    const known = useCache && cache[name]?.key === key && onDisk !== undefined && sha256(onDisk) === cache[name]?.types;
    // Made types are also kept where spec:diff looks for them: its first comparison with the
    // working tree finds them made.
    const types =
      known && onDisk !== undefined
        ? onDisk
        : header(name) + (await (useCache ? cachedTypes(document) : generateTypes(document)));
    cache[name] = { key, types: sha256(types) };
    files.push({ path: output, content: types });
    files.push({ path: output.replace(/\.ts$/, '.meta.ts'), content: header(name) + metadataModule(document) });
  }
  writeTypesCache(cache);
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
    console.error('Usage: node scripts/generate.js [--out-dir <folder>] [--no-cache]');
    process.exit(2);
  }
  const baseDir = outDir && outDirFlag !== -1 ? resolve(outDir) : root;
  // No top-level await: it would make the module graph of everything importing this file
  // async, and on Node 22 and 24 a worker ended while such a graph is still being evaluated
  // (spec:diff's judge, when a side does not bundle) aborts the whole process.
  generate(undefined, { cache: !process.argv.includes('--no-cache') }).then((files) => {
    write(files, baseDir);
    for (const file of files) console.log(`generated ${relative(process.cwd(), resolve(baseDir, file.path))}`);
  });
}
