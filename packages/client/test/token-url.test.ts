// Where the client secret goes: the token endpoint paired with the base URL, and nowhere
// else. Known servers map to their identity service, a loopback base URL to its own
// /token (the sandbox), and any other base URL needs auth.tokenUrl.
import { describe, expect, it } from 'vitest';
import { pairedTokenUrl } from '../src/endpoints.js';
import { servers as legacyServers } from '../src/generated/legacy.meta.js';
import { createAutoCollectClient, servers } from '../src/index.js';
import { createAutoCollectLegacyClient } from '../src/legacy.js';
import { runClock } from './support/clock.js';
import { invoiceId, organizationId } from './support/fixtures.js';

const credentials = { clientId: 'client-1', clientSecret: 'secret-1' };

describe('the token endpoint paired with a base URL', () => {
  it.each([
    ['production', servers.production, 'https://auth.amili.no/token'],
    ['staging', servers.staging, 'https://auth.staging.amili.no/token'],
    ['production, with a trailing slash', `${servers.production}/`, 'https://auth.amili.no/token'],
    ["the sandbox's usual address", servers.sandbox, 'http://127.0.0.1:4010/token'],
    ['a sandbox on another port', 'http://127.0.0.1:53123/collection/v1', 'http://127.0.0.1:53123/token'],
    ['localhost', 'http://localhost:8080/collection/v1', 'http://localhost:8080/token'],
    ['IPv6 loopback', 'http://[::1]:8080/collection/v1', 'http://[::1]:8080/token'],
    ['loopback over https', 'https://127.0.0.1:8443', 'https://127.0.0.1:8443/token'],
  ])('%s', (_, baseUrl, tokenUrl) => {
    expect(pairedTokenUrl(baseUrl, servers)).toBe(tokenUrl);
  });

  it.each([
    ['another host', 'https://collect.example.com/collection/v1'],
    ["a look-alike of Amili's host", 'https://api.amili.no.example.com/collection/v1'],
    ["Amili's host under another path", 'https://api.amili.no/collection/v2'],
    ['a path that only starts like the server', 'https://api.amili.no/collection/v1beta'],
    ['another port of the same host', 'https://api.amili.no:8443/collection/v1'],
  ])('none for %s', (_, baseUrl) => {
    expect(pairedTokenUrl(baseUrl, servers)).toBeUndefined();
  });

  it("pairs the legacy API's servers the same way", () => {
    expect(pairedTokenUrl(legacyServers.production, legacyServers)).toBe('https://auth.amili.no/token');
    expect(pairedTokenUrl(legacyServers.sandbox, legacyServers)).toBe('http://127.0.0.1:4010/token');
  });
});

describe('at construction', () => {
  it('refuses client credentials with a base URL it cannot pair, naming tokenUrl', () => {
    for (const create of [createAutoCollectClient, createAutoCollectLegacyClient]) {
      expect(() => create({ baseUrl: 'https://collect.example.com/collection/v1', auth: credentials })).toThrow(
        expect.objectContaining({
          name: 'TypeError',
          message: expect.stringMatching(
            /no token endpoint is known for baseUrl https:\/\/collect\.example\.com.*auth\.tokenUrl/,
          ),
        }),
      );
    }
  });

  it('takes that base URL with an explicit tokenUrl, or with a token instead of credentials', () => {
    const baseUrl = 'https://collect.example.com/collection/v1';
    expect(() =>
      createAutoCollectClient({ baseUrl, auth: { ...credentials, tokenUrl: 'https://login.example.com/token' } }),
    ).not.toThrow();
    expect(() => createAutoCollectClient({ baseUrl, auth: { accessToken: 'token' } })).not.toThrow();
  });

  it('sends the credentials where it paired them, and nowhere else', async () => {
    const asked: string[] = [];
    const fetch = async (input: string | URL | Request) => {
      asked.push(String(input instanceof Request ? input.url : input));
      throw new TypeError('offline');
    };
    for (const baseUrl of [servers.production, servers.staging, servers.sandbox, 'http://localhost:9/collection/v1']) {
      const client = createAutoCollectClient({ baseUrl, auth: credentials, fetch, retry: false });
      await runClock(
        client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params: { path: { organizationId, invoiceId } } }),
      ).catch(() => undefined);
    }
    expect(asked).toEqual([
      'https://auth.amili.no/token',
      'https://auth.staging.amili.no/token',
      'http://127.0.0.1:4010/token',
      'http://localhost:9/token',
    ]);
  });
});
