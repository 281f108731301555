export type { AccessTokenAuth, AccessTokenSource, AuthOptions, ClientCredentialsAuth } from './auth.js';
export type { BatchRef, FinishedBatch, WaitForBatch, WaitForBatchOptions } from './batches.js';
export type { AutoCollectClient, AutoCollectClientOptions } from './client.js';
export { createAutoCollectClient } from './client.js';
export { ApiError, AuthenticationError, AutoCollectError, ConnectionError, TimeoutError } from './errors.js';
export type { components, operations, paths, webhooks } from './generated/autocollect.js';
/** The API's servers, from the spec: `servers.production`, `servers.staging` and `servers.sandbox` (the local sandbox). */
export { servers } from './generated/autocollect.meta.js';
export type { Logger, LogLevel } from './log.js';
export type { PageItem, Paginate } from './paginate.js';
export type { RetryOptions } from './retry.js';
export { unwrap } from './unwrap.js';
