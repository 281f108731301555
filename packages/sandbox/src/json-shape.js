// @ts-check
/**
 * How many values a parsed JSON value holds, counted without recursion or spreading: a
 * hostile body may hold an array of a million items.
 * @param {unknown} value
 */
export function valueCount(value) {
  let values = 0;
  // A value that holds none is counted where it is met: a body of a million values is walked
  // with no more made than it holds.
  /** @type {object[]} */
  const nodes = [];
  const meet = (/** @type {unknown} */ node) => {
    values++;
    if (node !== null && typeof node === 'object') nodes.push(node);
  };
  meet(value);
  while (nodes.length > 0) {
    const node = /** @type {Record<string, unknown>} */ (nodes.pop());
    if (Array.isArray(node)) for (const inner of node) meet(inner);
    // Object.keys, not values or entries: several times faster on an object of a million keys.
    else for (const key of Object.keys(node)) meet(node[key]);
  }
  return values;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Follows a JSON text as its bytes come, and stops at the first object or array nested more
 * than `maxDepth` deep, the first property past `maxProperties` in one object, or the first
 * value past `maxValues` in all (objects, arrays, and what they hold): what JSON.parse would
 * take seconds over (a million `[`, an object of a million keys, a million `{}`) is refused
 * from one pass over the bytes, before the rest is read. It does not check that the text is
 * JSON; JSON.parse does, after. UTF-8 puts no byte below 0x80 inside a character, so the
 * bytes it looks for are never part of one.
 * @param {{ maxDepth: number, maxProperties: number, maxValues: number }} limits
 */
export function jsonShapeWatch({ maxDepth, maxProperties, maxValues }) {
  let depth = 0;
  let inString = false;
  let escaped = false;
  // The text itself is a value; each other value is the first in its object or array, or follows a comma.
  let values = 1;
  let awaitingFirst = false;
  // For each open object or array, outermost first: whether it is an object, and its commas so far.
  const isObject = new Uint8Array(maxDepth);
  const commas = new Uint32Array(maxDepth);
  const watch = {
    /** @type {'depth' | 'properties' | 'values' | undefined} what the text has too much of, once found */
    over: undefined,
    /** Looks at the next bytes; false once the text is refused. @param {Buffer} bytes @returns {boolean} */
    feed(bytes) {
      for (let index = 0; index < bytes.length; index++) {
        const byte = /** @type {number} */ (bytes[index]);
        if (inString) {
          if (escaped) escaped = false;
          else if (byte === BACKSLASH) escaped = true;
          else if (byte === QUOTE) inString = false;
          continue;
        }
        if (byte === SPACE || byte === LINE_FEED || byte === CARRIAGE_RETURN || byte === TAB) continue;
        if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
          if (depth > 0) depth--;
          awaitingFirst = false;
          continue;
        }
        if (awaitingFirst) {
          awaitingFirst = false;
          if (++values > maxValues) return watch.refuse('values');
        }
        if (byte === QUOTE) {
          inString = true;
        } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
          if (depth === maxDepth) return watch.refuse('depth');
          isObject[depth] = byte === OPEN_OBJECT ? 1 : 0;
          commas[depth] = 0;
          depth++;
          awaitingFirst = true;
        } else if (byte === COMMA && depth > 0) {
          if (++values > maxValues) return watch.refuse('values');
          const open = depth - 1;
          if (isObject[open] === 1) {
            // n commas part n + 1 properties.
            const count = (commas[open] ?? 0) + 1;
            commas[open] = count;
            if (count >= maxProperties) return watch.refuse('properties');
          }
        }
      }
      return true;
    },
    /** @param {'depth' | 'properties' | 'values'} over */
    refuse(over) {
      watch.over = over;
      return false;
    },
  };
  return watch;
}

/**
 * A JSON value as text in which only the value shows: object keys in one order, so that
 * `{"a":1,"b":2}` and `{"b":2,"a":1}` read the same; arrays keep theirs, which is part of
 * the value.
 * @param {unknown} value
 */
export const canonicalJson = (value) =>
  JSON.stringify(value, (_, inner) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.keys(inner)
            .sort()
            .map((key) => [key, inner[key]]),
        )
      : inner,
  );
