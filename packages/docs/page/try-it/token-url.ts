// Where the panel asks for a token: where the client itself would (Amili's identity service
// for Amili's servers, a loopback server's own /token), else the chosen server's own /token,
// so that the credentials go to no other host.
import { pairedTokenUrl } from '../../../client/src/endpoints.js';
import { servers } from '../../../client/src/generated/autocollect.meta.js';
import { servers as legacyServers } from '../../../client/src/generated/legacy.meta.js';

export function tokenUrlFor(api: string, server: string): string {
  const known = api === 'legacy@v1' ? legacyServers : servers;
  // The legacy API names no staging server: one on an AutoCollect server's host is that environment's.
  const { origin } = new URL(server);
  const sameHost = Object.values(servers).find((url) => new URL(url).origin === origin);
  return pairedTokenUrl(server, known) ?? (sameHost && pairedTokenUrl(sameHost, servers)) ?? `${origin}/token`;
}
