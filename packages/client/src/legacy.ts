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
  // In any letter case or escaping: a server that routes without case would take it too.
  const path = safeDecode(new URL(resolved.baseUrl).pathname).replace(/\/+$/, '').toLowerCase();
  if (PATH_ROOT && path.endsWith(PATH_ROOT.toLowerCase())) {
    throw new TypeError(
      `createAutoCollectLegacyClient: baseUrl ${resolved.baseUrl} ends with ${PATH_ROOT}, which every path of the legacy API begins with, so calls would go to ${PATH_ROOT}${PATH_ROOT}; pass the server without it, such as ${servers.sandbox} for the sandbox.`,
    );
  }
  return createTypedClient<LegacyClient>(operations, resolved);
}

/** A path with its percent-escapes undone, or as it is where they are not valid. */
function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
