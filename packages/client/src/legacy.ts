// A client for the legacy /webapi/api API (`@autocollect/client/legacy`), with the
// same tokens, retries, timeouts and errors as the AutoCollect client.
import { createTypedClient } from './call.js';
import type { paths } from './generated/legacy.js';
import { operations, servers } from './generated/legacy.meta.js';
import { type ClientOptions, resolveOptions } from './options.js';
import type { StrictClient } from './strict-methods.js';

export type LegacyClientOptions = ClientOptions;
export type LegacyClient = StrictClient<paths>;
export type { components as LegacyComponents, paths as LegacyPaths } from './generated/legacy.js';
export { servers as legacyServers };

export function createAutoCollectLegacyClient(options: LegacyClientOptions): LegacyClient {
  const resolved = resolveOptions(options, servers, 'createAutoCollectLegacyClient');
  return createTypedClient<LegacyClient>(operations, resolved);
}
