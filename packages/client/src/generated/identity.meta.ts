// Generated from the "identity@v1" API description in spec/ by packages/client/scripts/generate.js.
// Do not edit: change the spec, then run `npm run generate`.
/** The API's servers, by the name their description gives them. */
export const servers = {
  "production": "https://auth.amili.no",
  "staging": "https://auth.staging.amili.no",
  "sandbox": "http://127.0.0.1:4010"
} as const;

/** Each operation by "METHOD /path": its operationId and what the spec says of paging, batches and idempotency. */
export const operations = {
  "POST /token": {
    "operationId": "RequestAccessToken"
  }
} as const;

/** The paths whose GET pages through results (`x-pagination`). */
export type PaginatedPath = never;

/**
 * Each webhook the spec describes: the body property that names it, and the JSON type of each property
 * its body requires. A delivery is typed as the event only when its body has them.
 */
export const webhookEvents = {} as const;
