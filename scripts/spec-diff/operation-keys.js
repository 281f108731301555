// @ts-check
// What each operation of a bundled description is, as text: the operation with every
// `$ref` it reaches written out, its path's parameters, and what applies to every operation
// (security and its schemes, and every discriminator). Two operations with the same key generate the same types and
// accept the same values: spec:diff's judges pass them by.
import { createHash } from 'node:crypto';
import { deref, HTTP_METHODS } from '../../spec/scripts/description.js';

/**
 * @param {any} document a bundled description
 * @returns {Map<string, string>} by `<section> <method> <path>`, a hash of what the operation is
 */
export function operationKeys(document) {
  // What every operation's types depend on: security, and the discriminators wherever they
  // are (openapi-typescript gives a mapped schema its discriminator value everywhere).
  const shared = JSON.stringify([document.security, document.components?.securitySchemes, discriminators(document)]);
  const write = resolvedWriter(document);
  /** @type {Map<string, string>} */
  const keys = new Map();
  for (const section of ['paths', 'webhooks']) {
    for (const [path, item] of Object.entries(document[section] ?? {})) {
      for (const method of HTTP_METHODS) {
        if (!item?.[method]) continue;
        const text = `${shared}${write(item.parameters)}${write(item[method])}`;
        keys.set(`${section} ${method} ${path}`, createHash('sha256').update(text).digest('base64'));
      }
    }
  }
  return keys;
}

/**
 * Writes a value with the `$ref`s it reaches written out (a discriminator's mapping too).
 * A `$ref` met again within itself is written as the reference: a recursive schema ends.
 * What a `$ref` points to is written once and kept, unless it met such a reference: what it
 * reads then depends on where it was reached from.
 * @param {any} document
 */
function resolvedWriter(document) {
  /** @type {Map<string, string>} */
  const kept = new Map();
  /** @type {Set<string>} */
  const open = new Set();
  let cycles = 0;
  /** @param {string} ref @returns {string} */
  const target = (ref) => {
    const done = kept.get(ref);
    if (done !== undefined) return done;
    if (open.has(ref) || !ref.startsWith('#/')) {
      cycles++;
      return JSON.stringify({ $ref: ref });
    }
    const before = cycles;
    open.add(ref);
    const text = `{"$ref":${JSON.stringify(ref)},"is":${write(deref(document, { $ref: ref }))}}`;
    open.delete(ref);
    if (cycles === before) kept.set(ref, text);
    return text;
  };
  /** @param {any} value @returns {string} */
  const write = (value) => {
    if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
    if (!value || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
    // What stands beside a $ref counts too (a default, readOnly, a format): written after it.
    const entries = Object.entries(value).map(([key, item]) => {
      const written =
        key === '$ref' && typeof item === 'string'
          ? target(item)
          : key === 'mapping' && item && typeof item === 'object'
            ? `{${Object.entries(item)
                .map(([name, ref]) => `${JSON.stringify(name)}:${typeof ref === 'string' ? target(ref) : write(ref)}`)
                .join(',')}}`
            : write(item);
      return `${JSON.stringify(key)}:${written}`;
    });
    return `{${entries.join(',')}}`;
  };
  return write;
}

/**
 * Every discriminator in a document, with where it is.
 * @param {any} document
 * @returns {[string, unknown][]}
 */
function discriminators(document) {
  /** @type {[string, unknown][]} */
  const found = [];
  /** @param {any} node @param {string} at */
  const visit = (node, at) => {
    if (!node || typeof node !== 'object') return;
    if (!Array.isArray(node) && node.discriminator) found.push([at, node.discriminator]);
    for (const [key, child] of Object.entries(node)) visit(child, `${at}/${key}`);
  };
  visit(document, '#');
  return found;
}
