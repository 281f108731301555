import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { operations } from '../src/generated/legacy.meta.js';
import { unwrap } from '../src/index.js';
import { createAutoCollectLegacyClient, legacyServers } from '../src/legacy.js';
import { runClock } from './support/clock.js';
import { sendJson, startServer, type TestServer } from './support/server.js';

const require = createRequire(import.meta.url);
const legacyBatch = JSON.parse(readFileSync(require.resolve('@autocollect/spec/legacy.json'), 'utf8')).components
  .examples.LegacyBatchWithCase.value;

let server: TestServer | undefined;

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

  it('reads each body as its media type in the spec says: text for Ping, a Blob for an attachment', async () => {
    const pdf = Buffer.from('%PDF-1.7\n\u00e5\u00f8\u00e6 binary \u0000\u00ff', 'latin1');
    server = await startServer((request, response) =>
      request.url.startsWith('/webapi/api/Ping')
        ? response.writeHead(200, { 'content-type': 'text/plain' }).end('pong')
        : response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(pdf),
    );
    const client = createAutoCollectLegacyClient({ baseUrl: server.origin, auth: { accessToken: 'legacy-token' } });

    // The generated metadata records each success media type.
    expect(operations['GET /webapi/api/Ping'].successMediaType).toBe('text/plain');
    expect(operations['GET /webapi/api/Attachment'].successMediaType).toBe('application/octet-stream');
    const ping = unwrap(await client.GET('/webapi/api/Ping'));
    expectTypeOf(ping).toEqualTypeOf<string>();
    expect(ping).toBe('pong');

    const params = { query: { attachmentid: '5521907' } };
    const file = unwrap(await client.GET('/webapi/api/Attachment', { params }));
    expectTypeOf(file).toEqualTypeOf<Blob>();
    expect(file).toBeInstanceOf(Blob);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(pdf);

    // The caller's parseAs still wins.
    const bytes = unwrap(await client.GET('/webapi/api/Attachment', { params, parseAs: 'arrayBuffer' }));
    expect(Buffer.from(bytes)).toEqual(pdf);
    const text = unwrap(await client.GET('/webapi/api/Ping', { parseAs: 'stream' }));
    expect(await new Response(text).text()).toBe('pong');
  });

  it('an empty body is an empty Blob, string or ArrayBuffer, as typed, whether or not Content-Length says 0', async () => {
    for (const length of [{ 'content-length': '0' }, {}]) {
      server = await startServer((request, response) =>
        response
          .writeHead(200, {
            'content-type': request.url.startsWith('/webapi/api/Ping') ? 'text/plain' : 'application/octet-stream',
            ...length,
          })
          .end(),
      );
      const client = createAutoCollectLegacyClient({ baseUrl: server.origin, auth: { accessToken: 't' } });
      const params = { query: { attachmentid: '1' } };
      const file = unwrap(await client.GET('/webapi/api/Attachment', { params }));
      expect(file).toBeInstanceOf(Blob);
      expect(file.size).toBe(0);
      expect(unwrap(await client.GET('/webapi/api/Ping'))).toBe('');
      const bytes = unwrap(await client.GET('/webapi/api/Attachment', { params, parseAs: 'arrayBuffer' }));
      expect(bytes).toBeInstanceOf(ArrayBuffer);
      expect(bytes.byteLength).toBe(0);
      await server.close();
    }
    server = undefined;
  });

  it('a batch posted and answered 200 with a body the spec does not give is a success with no data', async () => {
    server = await startServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/plain' }).end('OK'),
    );
    const client = createAutoCollectLegacyClient({ baseUrl: server.origin, auth: { accessToken: 'legacy-token' } });
    const result = await runClock(client.POST('/webapi/api/Batch', { body: legacyBatch }));
    expect(result.response.status).toBe(200);
    expect(unwrap(result)).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it('defaults to the legacy server the spec names and checks its options', () => {
    expect(legacyServers.production).toBe('https://api.amili.no');
    expect(() => createAutoCollectLegacyClient({ baseUrl: 'http://api.amili.no', auth: { accessToken: 't' } })).toThrow(
      /createAutoCollectLegacyClient: baseUrl must use https/,
    );
  });

  it('refuses a base URL that ends with /webapi/api, which every legacy path begins with, saying to leave it off', () => {
    for (const baseUrl of [
      'http://127.0.0.1:4010/webapi/api',
      'https://api.amili.no/webapi/api/',
      'https://api.amili.no/WebApi/API',
      'https://api.amili.no/webapi%2Fapi',
    ]) {
      expect(() => createAutoCollectLegacyClient({ baseUrl, auth: { accessToken: 't' } })).toThrow(
        /baseUrl .* ends with \/webapi\/api, which every path of the legacy API begins with.*pass the server without it, such as http:\/\/127\.0\.0\.1:4010/,
      );
    }
    expect(() =>
      createAutoCollectLegacyClient({ baseUrl: legacyServers.sandbox, auth: { accessToken: 't' } }),
    ).not.toThrow();
  });
});
