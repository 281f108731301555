export { createAutoCollectClient } from './client.js';
export type { AutoCollectClient, AutoCollectClientOptions } from './client.js';
export type { AccessTokenAuth, AccessTokenSource, AuthOptions } from './auth.js';
/** The API's servers, from the spec: `servers.production` and `servers.staging`. */
export { servers } from './generated/autocollect.meta.js';
export type { components, operations, paths } from './generated/autocollect.js';
