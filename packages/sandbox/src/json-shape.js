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
  /** @type {[unknown, number][]} */
  const pending = [[value, 1]];
  while (pending.length > 0) {
    const [node, level] = /** @type {[unknown, number]} */ (pending.pop());
    values++;
    if (node === null || typeof node !== 'object') continue;
    depth = Math.max(depth, level);
    for (const inner of Object.values(node)) pending.push([inner, level + 1]);
  }
  return { depth, values };
}
