// @ts-check
// Reading a bundled description, without I/O: the HTTP methods, following local $refs,
// walking operations and merged properties. Browsers use it too (the docs' Try it).

/** The keys of a path item that are operations. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Escapes a key for a JSON pointer (RFC 6901).
 * @param {string | number} key
 */
export const escapePointerPart = (key) => String(key).replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Reads a key back from a JSON pointer's part.
 * @param {string} part
 */
export const unescapePointerPart = (part) => part.replaceAll('~1', '/').replaceAll('~0', '~');

/**
 * Follows local $refs (`#/components/...`) in a bundled document; a node without one is returned as it is.
 * @param {any} document
 * @param {any} node
 * @returns {any}
 */
export function deref(document, node) {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 50; hops++) {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((/** @type {any} */ n, /** @type {string} */ part) => n?.[unescapePointerPart(part)], document);
  }
  return current;
}

/**
 * A media type's example: its `example`, else the value of the first of its `examples`.
 * @param {any} document
 * @param {any} mediaType
 * @returns {unknown}
 */
export function mediaTypeExample(document, mediaType) {
  if (!mediaType) return undefined;
  if ('example' in mediaType) return mediaType.example;
  const [first] = Object.values(mediaType.examples ?? {});
  return deref(document, first)?.value;
}

/**
 * @typedef {object} OperationRef
 * @property {string} operationId
 * @property {string} method lower case, as the path item's key
 * @property {string} path the path template, or the webhook's name
 * @property {any} operation
 * @property {any[]} parameters the path item's and the operation's parameters, $refs followed
 */

/**
 * Every operation of a bundled document's paths (or, with `webhooks`, of its webhooks).
 * @param {any} document
 * @param {'paths' | 'webhooks'} [where]
 * @returns {OperationRef[]}
 */
export function listOperations(document, where = 'paths') {
  return Object.entries(document[where] ?? {}).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method];
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(document, p));
      return { operationId: operation.operationId, method, path, operation, parameters };
    }),
  );
}

/**
 * An operation's success response, its $ref followed; undefined when it has none: its first
 * 2xx code, else its 2XX range (a code takes precedence over the range that covers it, as
 * OpenAPI says).
 * @param {any} document
 * @param {any} operation
 * @returns {any}
 */
export function successResponse(document, operation) {
  const responses = Object.entries(operation.responses ?? {});
  const success =
    responses.find(([status]) => /^2\d\d$/.test(status)) ?? responses.find(([status]) => status === '2XX');
  return deref(document, success?.[1]);
}

/**
 * A schema's properties, with those of its `allOf` parts merged in (its own win).
 * @param {any} document
 * @param {any} schema
 * @returns {Record<string, any>}
 */
export function schemaProperties(document, schema) {
  const resolved = deref(document, schema) ?? {};
  return Object.assign(
    {},
    ...(resolved.allOf ?? []).map((/** @type {any} */ part) => schemaProperties(document, part)),
    resolved.properties,
  );
}

/**
 * The names a schema requires, its `allOf` parts' included.
 * @param {any} document
 * @param {any} schema
 * @returns {string[]}
 */
export function requiredProperties(document, schema) {
  const resolved = deref(document, schema) ?? {};
  return [
    ...(resolved.required ?? []),
    ...(resolved.allOf ?? []).flatMap((/** @type {any} */ part) => requiredProperties(document, part)),
  ];
}

/**
 * The known values of an open enum: a string schema whose `anyOf` is the values Amili
 * shows (an `enum`, or a `$ref` to the closed schema requests use) and any other string
 * (a branch with no constraint), because Amili publishes no complete list. Undefined for
 * any other schema.
 * @param {any} schema
 * @param {any} [document] the bundle, to follow a `$ref` to the known values
 * @returns {string[] | undefined}
 */
export function openEnumValues(schema, document) {
  if (schema?.type !== 'string' || !Array.isArray(schema.anyOf) || schema.anyOf.length !== 2) return undefined;
  const [listed, other] = schema.anyOf;
  const known = document ? deref(document, listed) : listed;
  const constraints = Object.keys(other ?? {}).filter((key) => key !== 'description' && key !== 'title');
  if (!Array.isArray(known?.enum) || !known.enum.every((/** @type {unknown} */ value) => typeof value === 'string'))
    return undefined;
  return constraints.length === 0 ? known.enum : undefined;
}

/**
 * The values a string schema names, and whether others may come: a closed `enum`, or an open one.
 * @param {any} schema
 * @param {any} [document] the bundle, to follow a `$ref` to an open enum's known values
 * @returns {{ values: string[], open: boolean } | undefined}
 */
export function enumOf(schema, document) {
  const open = openEnumValues(schema, document);
  if (open) return { values: open, open: true };
  return Array.isArray(schema?.enum) ? { values: schema.enum, open: false } : undefined;
}
