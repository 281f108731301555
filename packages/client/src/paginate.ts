// Walks a list operation page by page, following the spec's `x-pagination`.
import type { MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from './generated/autocollect.js';
import { operations, type PaginatedPath } from './generated/autocollect.meta.js';
import { apiError, unwrap } from './unwrap.js';

type ListBody<P extends PaginatedPath> = paths[P]['get']['responses'][200]['content']['application/json'];
/** The type of one item of a list operation. */
export type PageItem<P extends PaginatedPath> = ListBody<P>['data'][number];
export type PaginateInit<P extends PaginatedPath> = MaybeOptionalInit<paths[P], 'get'>;
export type Paginate = <P extends PaginatedPath>(
  path: P,
  init: PaginateInit<P>,
) => AsyncGenerator<PageItem<P>, void, undefined>;

interface Pagination {
  tokenParameter: string;
  nextToken: string;
  items: string;
}

/** Empty pages in a row, each naming a next one, after which a walk is given up. */
const MAX_EMPTY_PAGES = 20;

type Getter = (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Yields the items one at a time; only the current page is held. Throws ApiError when a page fails. */
export async function* paginate<P extends PaginatedPath>(
  client: { GET: unknown },
  path: P,
  init: PaginateInit<P>,
): AsyncGenerator<PageItem<P>, void, undefined> {
  const pagination = (operations as Record<string, { pagination?: Pagination }>)[`GET ${path}`]?.pagination;
  if (!pagination)
    throw new TypeError(`paginate: GET ${path} is not a list operation (it has no x-pagination in the spec).`);
  const get = client.GET as Getter;
  const params = (init as { params?: { query?: object } }).params ?? {};
  let token: unknown;
  // Every token followed so far, the caller's own first: an API that hands one back again
  // (A, B, A) would loop forever.
  const start = (params.query as Record<string, unknown> | undefined)?.[pagination.tokenParameter];
  const followed = new Set<unknown>(start === undefined ? [] : [start]);
  let emptyInARow = 0;
  do {
    const query = { ...params.query, ...(token !== undefined && { [pagination.tokenParameter]: token }) };
    const result = await get(path, { ...init, params: { ...params, query } });
    const body = unwrap(result);
    const items = pointer(body, pagination.items);
    if (!Array.isArray(items)) throw apiError(result.response, body, `the page has no list at ${pagination.items}`);
    yield* items as PageItem<P>[];
    const next = pointer(body, pagination.nextToken);
    // Empty pages that each name a new next page yield nothing the caller could stop on: an
    // API that does so without end would be fetched without end.
    emptyInARow = items.length === 0 && next != null && next !== '' ? emptyInARow + 1 : 0;
    if (emptyInARow === MAX_EMPTY_PAGES) {
      throw apiError(
        result.response,
        body,
        `${MAX_EMPTY_PAGES} pages in a row were empty yet named a next page; stopped, as it may never end`,
      );
    }
    if (token !== undefined) followed.add(token);
    token = next === null || next === '' ? undefined : next;
    // A token that is not a string cannot be told from the last one, nor sent as the API expects.
    if (token !== undefined && typeof token !== 'string') {
      throw apiError(result.response, body, `the page's ${pagination.nextToken} is ${typeof token}, not a string`);
    }
    if (followed.has(token)) {
      throw apiError(
        result.response,
        body,
        `the API returned ${pagination.tokenParameter} ${JSON.stringify(token)} again, which would loop forever`,
      );
    }
  } while (token !== undefined);
}

/** Reads a JSON pointer (RFC 6901) such as `/summary/nextPageToken`. */
function pointer(value: unknown, path: string): unknown {
  return path
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part.replaceAll('~1', '/').replaceAll('~0', '~')],
      value,
    );
}
