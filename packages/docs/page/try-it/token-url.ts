// Where the panel asks for a token: where the client itself would (Amili's identity service
// for Amili's servers, a loopback server's own /token), else the chosen server's own /token,
// so that the credentials go to no other host.
import { pairedTokenUrl } from '../../../client/src/endpoints.js';
import { servers } from '../../../client/src/generated/autocollect.meta.js';
import { servers as legacyServers } from '../../../client/src/generated/legacy.meta.js';

export function tokenUrlFor(api: string, server: string): string {
  const known = api === 'legacy@v1' ? legacyServers : servers;
  return pairedTokenUrl(server, known) ?? `${new URL(server).origin}/token`;
}
