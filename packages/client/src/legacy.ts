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

/** What every legacy path begins with (/webapi/api): the server is the host, not the API's root. */
const PATH_ROOT = Object.keys(operations)
  .map((id) => id.slice(id.indexOf(' ') + 1).split('/'))
  .reduce((common, segments) => common.filter((segment, i) => segments[i] === segment))
  .join('/');

export function createAutoCollectLegacyClient(options: LegacyClientOptions): LegacyClient {
  const resolved = resolveOptions(options, servers, 'createAutoCollectLegacyClient');
  if (PATH_ROOT && new URL(resolved.baseUrl).pathname.replace(/\/+$/, '').endsWith(PATH_ROOT)) {
    throw new TypeError(
      `createAutoCollectLegacyClient: baseUrl ${resolved.baseUrl} ends with ${PATH_ROOT}, which every path of the legacy API begins with, so calls would go to ${PATH_ROOT}${PATH_ROOT}; pass the server without it, such as ${servers.sandbox} for the sandbox.`,
    );
  }
  return createTypedClient<LegacyClient>(operations, resolved);
}
