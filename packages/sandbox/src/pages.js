// @ts-check
// Cursor pagination over a list kept in creation order. The token names the first item
// of the next page by its sequence number, so items created while a client pages through
// a list neither repeat nor push others out of it, and the list it belongs to (operation
// and filters), so that it is refused by any other.
import { createHash } from 'node:crypto';

/** A page size when the request names none, and the most one page holds. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

export class PageTokenError extends Error {}

/**
 * One page of the items that pass the filter, from the token's position on.
 * @template {{ seq: number }} T
 * @param {readonly T[]} list in ascending `seq`
 * @param {(item: T) => boolean} keep
 * @param {{ token?: string | undefined, size?: number | undefined, descending?: boolean, of: string }} request
 *   `of` names the list: its operation and filters, as `listName` gives them
 * @returns {{ items: T[], next: string | null }}
 */
export function page(list, keep, { token, size = DEFAULT_PAGE_SIZE, descending = false, of }) {
  const limit = Math.min(size, MAX_PAGE_SIZE);
  const listId = createHash('sha256').update(of).digest('base64url').slice(0, 16);
  let index = descending ? list.length - 1 : 0;
  if (token !== undefined && token !== '') {
    const seq = decode(token, listId);
    index = descending ? lastAtOrBefore(list, seq) : firstAtOrAfter(list, seq);
  }
  const step = descending ? -1 : 1;
  /** @type {T[]} */
  const items = [];
  for (; index >= 0 && index < list.length; index += step) {
    const item = /** @type {T} */ (list[index]);
    if (!keep(item)) continue;
    if (items.length === limit) return { items, next: encode(item.seq, listId) };
    items.push(item);
  }
  return { items, next: null };
}

/**
 * The name of a list: its operation and the filters of its query, without the page token
 * and size, which move within it.
 * @param {string} operationId @param {Record<string, unknown>} query @param {string[]} paging the query's token and size parameters
 */
export const listName = (operationId, query, paging) =>
  JSON.stringify([
    operationId,
    Object.entries(query)
      .filter(([name]) => !paging.includes(name))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  ]);

const encode = (/** @type {number} */ seq, /** @type {string} */ list) =>
  Buffer.from(JSON.stringify({ after: seq, list })).toString('base64url');

function decode(/** @type {string} */ token, /** @type {string} */ listId) {
  let decoded;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {}
  const { after, list } = decoded ?? {};
  if (!Number.isSafeInteger(after) || after < 0)
    throw new PageTokenError(
      'is not a page token this sandbox gave out; pass the nextPageToken of the previous page, or none for the first page',
    );
  if (list !== listId)
    throw new PageTokenError(
      'is a page token of another list (another operation, or other filters); pass the nextPageToken this list gave, with the same filters',
    );
  return after;
}

/** @param {readonly { seq: number }[]} list @param {number} seq */
function firstAtOrAfter(list, seq) {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (/** @type {{ seq: number }} */ (list[middle]).seq < seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** @param {readonly { seq: number }[]} list @param {number} seq */
const lastAtOrBefore = (list, seq) => {
  const index = firstAtOrAfter(list, seq);
  return index < list.length && /** @type {{ seq: number }} */ (list[index]).seq === seq ? index : index - 1;
};
