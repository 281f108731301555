import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap } from '../src/index.js';
import { createAutoCollectLegacyClient, legacyServers } from '../src/legacy.js';
import { runClock } from './support/clock.js';
import { sendJson, startServer, type TestServer } from './support/server.js';

const require = createRequire(import.meta.url);
const legacyBatch = JSON.parse(readFileSync(require.resolve('@autocollect/spec/legacy.json'), 'utf8')).components
  .examples.LegacyBatchWithCase.value;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createAutoCollectLegacyClient', () => {
  it('sends a typed legacy call with a token, retrying like the main client', async () => {
    let attempts = 0;
    server = await startServer((_request, response) =>
      ++attempts === 1 ? response.writeHead(503).end() : sendJson(response, 200, legacyBatch),
    );
    const client = createAutoCollectLegacyClient({ baseUrl: server.origin, auth: { accessToken: 'legacy-token' } });
    const batch = unwrap(
      await runClock(
        client.GET('/webapi/api/Batch', { params: { query: { senderid: 'erp-visma', includeclosed: false } } }),
      ),
    );
    expect(batch.creditor?.[0]?.fullname).toBe('Nordlys Eiendom AS');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]).toMatchObject({
      method: 'GET',
      url: '/webapi/api/Batch?senderid=erp-visma&includeclosed=false',
    });
    expect(server.requests[1]?.headers.authorization).toBe('Bearer legacy-token');
  });

  it('defaults to the legacy server the spec names and checks its options', () => {
    expect(legacyServers.production).toBe('https://api.amili.no');
    expect(() => createAutoCollectLegacyClient({ baseUrl: 'http://api.amili.no', auth: { accessToken: 't' } })).toThrow(
      /createAutoCollectLegacyClient: baseUrl must use https/,
    );
  });
});
