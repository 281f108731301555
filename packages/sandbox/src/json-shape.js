// @ts-check
/**
 * How deep a parsed JSON value nests and how many values it holds, counted without
 * recursion or spreading: a hostile body may nest thousands of levels deep, or hold an
 * array of a million items.
 * @param {unknown} value
 * @returns {{ depth: number, values: number }}
 */
export function shapeOf(value) {
  let depth = 0;
  let values = 0;
  // Two stacks, not one of pairs, and a value that holds none counted where it is met: a body
  // of a million values is walked with no more made than it holds.
  /** @type {object[]} */
  const nodes = [];
  /** @type {number[]} */
  const levels = [];
  const meet = (/** @type {unknown} */ node, /** @type {number} */ level) => {
    values++;
    if (node === null || typeof node !== 'object') return;
    nodes.push(node);
    levels.push(level);
  };
  meet(value, 1);
  while (nodes.length > 0) {
    const node = /** @type {Record<string, unknown>} */ (nodes.pop());
    const level = /** @type {number} */ (levels.pop());
    depth = Math.max(depth, level);
    if (Array.isArray(node)) for (const inner of node) meet(inner, level + 1);
    // Object.keys, not values or entries: several times faster on an object of a million keys.
    else for (const key of Object.keys(node)) meet(node[key], level + 1);
  }
  return { depth, values };
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
