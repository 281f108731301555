// Where credentials may go: only over https (plain http on loopback alone), and the
// client secret only to the token endpoint paired with the base URL.
import { operations as identityOperations, servers as identityServers } from './generated/identity.meta.js';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Whether a host name is this machine's loopback (localhost, 127.x.x.x, [::1]). */
export const isLoopback = (hostname: string): boolean => LOOPBACK.test(hostname);

/** Tokens and secrets travel only over https; plain http is allowed on this machine's loopback. */
export function assertSecureUrl(
  caller: string,
  name: string,
  value: unknown,
  servers: Record<string, string>,
): asserts value is string {
  const [example = 'https://api.amili.no/collection/v1'] = Object.values(servers);
  if (typeof value !== 'string' || !URL.canParse(value)) {
    throw new TypeError(
      `${caller}: ${name} must be an absolute URL, such as "${example}"; got ${JSON.stringify(value)}.`,
    );
  }
  const url = new URL(value);
  if (url.username || url.password) {
    throw new TypeError(
      `${caller}: ${name} must not hold a user name or password (fetch refuses them); authenticate with the auth option. Got ${url.origin}.`,
    );
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return;
  throw new TypeError(
    `${caller}: ${name} must use https (plain http only on localhost or 127.0.0.1), so tokens and secrets are never sent in the clear; got ${url.protocol}//${url.host}.`,
  );
}

/** The token endpoint's path, from the identity description ("POST /token"). */
const TOKEN_PATH =
  Object.entries(identityOperations)
    .find(([, op]) => op.operationId === 'RequestAccessToken')?.[0]
    .split(' ')[1] ?? '/token';

/** Whether `url` is `server` or below it: same origin, and the server's path as whole segments. */
function isUnder(url: URL, server: string): boolean {
  const base = new URL(server);
  const prefix = base.pathname.replace(/\/$/, '');
  return (
    url.origin === base.origin &&
    (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`) || url.pathname === `${prefix}/`)
  );
}

/**
 * The token endpoint paired with a base URL: a known server's identity service (production
 * with production, staging with staging), a loopback base URL's own origin (the sandbox,
 * or a test server), and otherwise none.
 */
export function pairedTokenUrl(apiBaseUrl: string, apiServers: Record<string, string>): string | undefined {
  const url = new URL(apiBaseUrl);
  if (isLoopback(url.hostname)) return `${url.origin}${TOKEN_PATH}`;
  const environment = Object.entries(apiServers).find(([, server]) => isUnder(url, server))?.[0];
  const identity = (identityServers as Record<string, string>)[environment ?? ''];
  return identity === undefined ? undefined : `${identity}${TOKEN_PATH}`;
}

/** Why no token URL is assumed for a base URL, and what to pass. */
export function missingTokenUrl(caller: string, apiBaseUrl: string, apiServers: Record<string, string>): TypeError {
  const known = Object.entries(apiServers)
    .filter(([, server]) => !isLoopback(new URL(server).hostname))
    .map(([name, server]) => `${name} (${server} → ${pairedTokenUrl(server, apiServers)})`)
    .join(', ');
  return new TypeError(
    `${caller}: no token endpoint is known for baseUrl ${new URL(apiBaseUrl).origin}, so the client secret is not sent anywhere. Pass auth.tokenUrl, the token endpoint that issues tokens for this API; the client pairs one itself only for ${known}, and for a loopback baseUrl (its own /token).`,
  );
}
