import { describe, expect, it, vi } from 'vitest';
import { ApiError, AuthenticationError, createAutoCollectClient, servers, TimeoutError, unwrap } from '../src/index.js';
import { runClock, until } from './support/clock.js';
import { invoiceId, organizationId } from './support/fixtures.js';
import { type RecordedRequest, sendJson, startServer, type TestServer } from './support/server.js';
import { specExample } from './support/spec.js';

const clientId = '5e2d8c1a-9b7f-4a36-8d20-c4e1f0a9b372';
const clientSecret = 'client-secret-for-tests-7Hq2L';
const invoice = specExample('InvoicePaymentReminderOpen');

let server: TestServer | undefined;

interface IdentityOptions {
  /** Seconds each token lives. */
  lifetime?: number;
  /** Which tokens the API accepts; default all. */
  accepts?: (token: string) => boolean;
  /** How the token endpoint answers, instead of issuing a token. */
  tokenFailure?: { status: number; body: string };
  /** Seconds the token endpoint's clock is behind ours (it dates expires_on by its own clock). */
  skew?: number;
}

/** A server that is both Amili's token endpoint (/token) and the API. */
async function identityAndApi({ lifetime = 3600, accepts = () => true, tokenFailure, skew = 0 }: IdentityOptions = {}) {
  let issued = 0;
  server = await startServer(async (request, response) => {
    if (request.url === '/token') {
      if (tokenFailure)
        return response.writeHead(tokenFailure.status, { 'content-type': 'application/json' }).end(tokenFailure.body);
      const now = Math.floor(Date.now() / 1000) - skew;
      const token = `token-${++issued}`;
      return sendJson(response, 200, {
        access_token: token,
        token_type: 'Bearer',
        not_before: String(now),
        expires_in: String(lifetime),
        expires_on: String(now + lifetime),
        resource: '80f1aa79-c7f8-481f-94af-4f87ef78153d',
      });
    }
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!accepts(token))
      return response
        .writeHead(401, { 'content-type': 'application/problem+json' })
        .end('{"title":"Unauthorized","status":401}');
    sendJson(response, 200, invoice);
  });
  const client = (refreshMarginMs?: number) =>
    createAutoCollectClient({
      baseUrl: `${server!.origin}/collection/v1`,
      auth: {
        clientId,
        clientSecret,
        tokenUrl: `${server!.origin}/token`,
        ...(refreshMarginMs !== undefined && { refreshMarginMs }),
      },
    });
  const tokenRequests = () => server!.requests.filter((r) => r.url === '/token');
  const apiRequests = () => server!.requests.filter((r) => r.url !== '/token');
  return { client, tokenRequests, apiRequests };
}

const callInvoice = (client: ReturnType<typeof createAutoCollectClient>) =>
  client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params: { path: { organizationId, invoiceId } } });
/** GetInvoiceById, with the fake clock run until it settles. */
const getInvoice = (client: ReturnType<typeof createAutoCollectClient>) => runClock(callInvoice(client));

describe('client credentials', () => {
  it('posts the grant as a form and sends the token it gets', async () => {
    const { client, tokenRequests, apiRequests } = await identityAndApi();
    expect(unwrap(await getInvoice(client()))).toEqual(invoice);
    const [tokenRequest] = tokenRequests() as [RecordedRequest];
    expect(tokenRequest.method).toBe('POST');
    expect(tokenRequest.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenRequest.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect(apiRequests()[0]?.headers.authorization).toBe('Bearer token-1');
  });

  it('50 concurrent calls with an expired token make exactly one token request', async () => {
    const { client, tokenRequests, apiRequests } = await identityAndApi({ lifetime: 1 });
    const shared = client(0);
    await getInvoice(shared);
    vi.advanceTimersByTime(1_000);
    const results = await runClock(Promise.all(Array.from({ length: 50 }, () => callInvoice(shared))));
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(tokenRequests()).toHaveLength(2);
    expect(
      apiRequests()
        .slice(1)
        .map((r) => r.headers.authorization),
    ).toEqual(Array(50).fill('Bearer token-2'));
  });

  it('reuses the token until it nears expiry, then fetches a new one while the call goes on with the old', async () => {
    const { client, tokenRequests, apiRequests } = await identityAndApi({ lifetime: 3600 });
    const shared = client(); // the default margin: a new token 60 s before expiry
    await getInvoice(shared);
    vi.advanceTimersByTime((3600 - 60) * 1_000 - 1_000);
    await getInvoice(shared);
    expect(tokenRequests()).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    await getInvoice(shared);
    // The new token is used from the call after it arrives.
    const used = () => apiRequests().map((r) => r.headers.authorization);
    for (let calls = 0; calls < 100 && used().at(-1) === 'Bearer token-1'; calls++) await getInvoice(shared);
    expect(tokenRequests()).toHaveLength(2);
    expect(used().slice(0, 3)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1']);
    expect(used().at(-1)).toBe('Bearer token-2');
  });

  it('a new token that cannot be had before the old one expires: the calls go on with the old one, the log warns, and it is asked for again a while later', async () => {
    let issued = 0;
    server = await startServer((request, response) => {
      if (request.url !== '/token') return sendJson(response, 200, invoice);
      // The first token, then an identity service that is down for a while: a renewal asks it once.
      if (issued++ === 0) return sendJson(response, 200, { access_token: 'token-1', expires_in: 3600 });
      response.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"temporarily_unavailable"}');
    });
    const warnings: string[] = [];
    const client = createAutoCollectClient({
      baseUrl: `${server.origin}/collection/v1`,
      auth: { clientId, clientSecret, tokenUrl: `${server.origin}/token` },
      logger: { ...console, info: () => undefined, warn: (line: string) => warnings.push(line) },
    });
    const tokenRequests = () => server!.requests.filter((r) => r.url === '/token');
    await getInvoice(client);
    vi.advanceTimersByTime((3600 - 60) * 1_000);
    for (let i = 0; i < 5; i++) unwrap(await getInvoice(client));
    await until(() => warnings.length === 1, 'the warning');
    expect(tokenRequests()).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /could not be renewed .*temporarily_unavailable.*the current one is used until it expires in 60 s/,
    );
    vi.advanceTimersByTime(10_000);
    unwrap(await getInvoice(client));
    await until(() => warnings.length === 2, 'the second warning');
    expect(tokenRequests()).toHaveLength(3);
    expect(
      server.requests.filter((r) => r.url !== '/token').every((r) => r.headers.authorization === 'Bearer token-1'),
    ).toBe(true);
    expect(warnings.join('\n')).not.toContain(clientSecret);
  });

  it("counts a token's life from expires_in, so a skewed clock does not fetch one per call", async () => {
    const { client, tokenRequests } = await identityAndApi({ lifetime: 3600, skew: 7200 });
    const shared = client();
    for (let i = 0; i < 3; i++) await getInvoice(shared);
    expect(tokenRequests()).toHaveLength(1);
    vi.advanceTimersByTime((3600 - 60) * 1_000);
    await getInvoice(shared);
    await until(() => tokenRequests().length === 2, 'the new token to be asked for');
    expect(tokenRequests()).toHaveLength(2);
  });

  it('a token that lives shorter than twice the margin is renewed halfway through its life', async () => {
    const { client, tokenRequests } = await identityAndApi({ lifetime: 60 });
    const shared = client();
    await getInvoice(shared);
    vi.advanceTimersByTime(29_000);
    await getInvoice(shared);
    expect(tokenRequests()).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    await getInvoice(shared);
    await until(() => tokenRequests().length === 2, 'the new token to be asked for');
    expect(tokenRequests()).toHaveLength(2);
  });

  it('a 401 to a token held a while refreshes the token and replays the request once', async () => {
    let revoked = false;
    const { client, tokenRequests, apiRequests } = await identityAndApi({
      accepts: (token) => token !== 'token-1' || !revoked,
    });
    const shared = client();
    unwrap(await getInvoice(shared));
    vi.advanceTimersByTime(60_000);
    revoked = true;
    expect(unwrap(await getInvoice(shared))).toEqual(invoice);
    expect(tokenRequests()).toHaveLength(2);
    expect(apiRequests().map((r) => r.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  it('a 401 to a token just fetched is answered, not replayed with another: the API refusing every token costs no token request per call', async () => {
    const { client, tokenRequests, apiRequests } = await identityAndApi({ accepts: () => false });
    const shared = client();
    for (let i = 0; i < 5; i++) expect((await getInvoice(shared)).response.status).toBe(401);
    expect(tokenRequests()).toHaveLength(1);
    expect(apiRequests()).toHaveLength(5);
  });

  it('a second 401 is returned, not replayed again', async () => {
    let revoked = false;
    const { client, tokenRequests, apiRequests } = await identityAndApi({ accepts: () => !revoked });
    const shared = client();
    unwrap(await getInvoice(shared));
    vi.advanceTimersByTime(60_000);
    revoked = true;
    const result = await getInvoice(shared);
    expect(() => unwrap(result)).toThrow(ApiError);
    expect(result.response.status).toBe(401);
    expect(apiRequests().map((r) => r.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
    ]);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('an unusual token response: a token of another type is sent as Bearer with a warning, and a page that is not JSON says to check auth.tokenUrl', async () => {
    server = await startServer((request, response) => {
      if (request.url === '/token') return sendJson(response, 200, { access_token: 'mac-token', token_type: 'MAC' });
      if (request.url === '/html/token') return response.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
      sendJson(response, 200, invoice);
    });
    const warnings: string[] = [];
    const logger = { ...console, info: () => undefined, warn: (line: string) => warnings.push(line) };
    const make = (tokenUrl: string) =>
      createAutoCollectClient({ baseUrl: server!.origin, auth: { clientId, clientSecret, tokenUrl }, logger });
    unwrap(await getInvoice(make(`${server.origin}/token`)));
    expect(warnings).toEqual([expect.stringMatching(/token_type "MAC", not Bearer: it is sent as a Bearer token/)]);
    const error = await getInvoice(make(`${server.origin}/html/token`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(
      /answered 200 with a body that is not JSON \(an HTML page\); check auth.tokenUrl/,
    );
  });

  it('a failing token endpoint gives AuthenticationError with its status and message', async () => {
    const { client, apiRequests } = await identityAndApi({
      tokenFailure: {
        status: 401,
        body: '{"error":"invalid_client","error_description":"Client authentication failed."}',
      },
    });
    const error = await getInvoice(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401 });
    expect((error as Error).message).toContain('invalid_client: Client authentication failed.');
    expect(apiRequests()).toHaveLength(0);
  });

  it('a token endpoint that is down is retried, then answered as an ApiError of RequestAccessToken, not as refused credentials', async () => {
    const { client, tokenRequests, apiRequests } = await identityAndApi({
      tokenFailure: {
        status: 503,
        body: `{"error":"temporarily_unavailable","error_description":"Down for ${clientSecret}."}`,
      },
    });
    const error = await getInvoice(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 503, method: 'POST', path: '/token', operationId: 'RequestAccessToken' });
    const { message, body } = error as ApiError;
    expect(message).toBe(
      'POST /token (RequestAccessToken) failed with 503: no token could be had, so the call was not sent (temporarily_unavailable: Down for [redacted].)',
    );
    expect(JSON.stringify(body)).not.toContain(clientSecret);
    expect(tokenRequests()).toHaveLength(3);
    expect(apiRequests()).toHaveLength(0);
  });

  it('a token response too long to read is an ApiError of RequestAccessToken, without advice to stream what the caller does not read', async () => {
    const chunk = Buffer.alloc(1 << 20, 0x20);
    server = await startServer((request, response) => {
      if (request.url !== '/token') return sendJson(response, 200, invoice);
      response.writeHead(200, { 'content-type': 'application/json' });
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
      };
      response.on('drain', pump);
      pump();
    });
    const client = createAutoCollectClient({
      baseUrl: `${server.origin}/collection/v1`,
      auth: { clientId, clientSecret, tokenUrl: `${server.origin}/token` },
    });
    const error = await getInvoice(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toBe(
      'POST /token (RequestAccessToken) failed with 200: its body is longer than 64 MiB, more than the client reads into memory',
    );
    expect(server.requests.map((r) => r.url)).toEqual(['/token']);
  });

  it('a redirect from the token endpoint is refused: the secret is never sent on', async () => {
    server = await startServer((request, response) => {
      if (request.url === '/token') return response.writeHead(307, { location: '/collect-secrets' }).end();
      return sendJson(response, 200, { access_token: 'stolen', token_type: 'Bearer' });
    });
    const client = createAutoCollectClient({
      baseUrl: `${server.origin}/collection/v1`,
      auth: { clientId, clientSecret, tokenUrl: `${server.origin}/token` },
    });
    const error = await runClock(callInvoice(client)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/redirect \(307\).*Set auth.tokenUrl/);
    expect((error as Error).message).not.toContain(clientSecret);
    expect(server.requests.map((r) => r.url)).toEqual(['/token']);
  });

  it('reads the token response as it came, even when the secret occurs in it, and redacts only its messages', async () => {
    // A one-character secret occurs in any token response.
    const secret = 'e';
    let refusal: object | undefined;
    server = await startServer((request, response) => {
      if (request.url !== '/token') return sendJson(response, 200, invoice);
      if (refusal) return sendJson(response, 401, refusal);
      expect(new URLSearchParams(request.body).get('client_secret')).toBe(secret);
      sendJson(response, 200, { access_token: 'token-e', token_type: 'Bearer', expires_in: '3600' });
    });
    const client = createAutoCollectClient({
      baseUrl: `${server.origin}/collection/v1`,
      auth: { clientId, clientSecret: secret, tokenUrl: `${server.origin}/token` },
    });
    expect(unwrap(await runClock(callInvoice(client))).data).toEqual(invoice.data);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer token-e');

    // A refusal that echoes the secret says what was wrong, without it.
    const echoing = 'client-secret-echoed-9Kd2';
    refusal = { error: 'invalid_client', error_description: `Unknown secret ${echoing}.` };
    const refused = createAutoCollectClient({
      baseUrl: `${server.origin}/collection/v1`,
      auth: { clientId, clientSecret: echoing, tokenUrl: `${server.origin}/token` },
    });
    const error = await runClock(callInvoice(refused)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('invalid_client: Unknown secret [redacted].');
  });

  it('a secret echoed in JSON with escapes (as .NET writes + and ") is redacted from the error, its body and its message', async () => {
    const secret = 'Ab+cd/ef"gh';
    // Every form the secret may take in what a caller sees of an error.
    const forms = [secret, JSON.stringify(secret).slice(1, -1), 'Ab\\u002Bcd/ef\\"gh', encodeURIComponent(secret)];
    for (const [status, shape] of [
      [500, 'message'],
      [400, 'message'],
      [400, 'error_description'],
      [400, 'nested'],
    ] as const) {
      server = await startServer((request, response) => {
        const sent = new URLSearchParams(request.body).get('client_secret');
        // Nested: a JSON text quoted in the description, which keeps its escapes once the body is parsed.
        const echoed =
          shape === 'nested'
            ? JSON.stringify({ error_description: `bad ${JSON.stringify({ sent }).replaceAll('+', '\\u002B')}` })
            : JSON.stringify({ [shape]: `bad ${sent}` });
        response.writeHead(status, { 'content-type': 'application/json' }).end(echoed.replaceAll('+', '\\u002B'));
      });
      const client = createAutoCollectClient({
        baseUrl: `${server.origin}/collection/v1`,
        auth: { clientId, clientSecret: secret, tokenUrl: `${server.origin}/token` },
        retry: false,
      });
      const error = await runClock(callInvoice(client)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(status === 500 ? ApiError : AuthenticationError);
      const seen = `${(error as Error).message}\n${JSON.stringify(error)}`;
      expect(seen).toContain(shape === 'nested' ? '[redacted]' : 'bad [redacted]');
      for (const form of forms) expect(seen, `${status} ${shape}`).not.toContain(form);
      await server.close();
    }
  });

  it('a token response without access_token gives AuthenticationError', async () => {
    const { client } = await identityAndApi({ tokenFailure: { status: 200, body: '{"token_type":"Bearer"}' } });
    const error = await getInvoice(client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/without an access_token/);
  });
});

describe('token functions', () => {
  it('a 401 asks the function again and replays once', async () => {
    server = await startServer((request, response) =>
      request.headers.authorization === 'Bearer fresh'
        ? sendJson(response, 200, invoice)
        : response.writeHead(401).end(),
    );
    const tokens = ['stale', 'fresh'];
    const client = createAutoCollectClient({ baseUrl: server.origin, auth: { accessToken: () => tokens.shift()! } });
    expect(unwrap(await getInvoice(client))).toEqual(invoice);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('a function that never answers is given up at timeoutMs, with TimeoutError, and nothing is sent', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, invoice));
    const client = createAutoCollectClient({
      baseUrl: server.origin,
      timeoutMs: 5_000,
      auth: { accessToken: () => new Promise<string>(() => undefined) },
    });
    const error = await getInvoice(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/auth.accessToken function gave no token within 5000 ms/);
    expect(server.requests).toHaveLength(0);
  });

  it('a function that fails is an AuthenticationError that says so, with its error as the cause', async () => {
    const vault = new Error('vault sealed');
    for (const accessToken of [
      () => {
        throw vault;
      },
      () => Promise.reject(vault),
    ]) {
      const client = createAutoCollectClient({ baseUrl: 'http://127.0.0.1:9', auth: { accessToken } });
      const error = await getInvoice(client).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as Error).message).toBe('The auth.accessToken function failed: vault sealed');
      expect((error as Error).cause).toBe(vault);
    }
  });

  it('a fixed token is not replayed on 401', async () => {
    server = await startServer((_request, response) => response.writeHead(401).end());
    const client = createAutoCollectClient({ baseUrl: server.origin, auth: { accessToken: 'fixed' } });
    expect((await getInvoice(client)).response.status).toBe(401);
    expect(server.requests).toHaveLength(1);
  });
});

describe('safety at construction', () => {
  it('refuses a non-https baseUrl or tokenUrl unless the host is loopback', () => {
    const auth = { clientId, clientSecret };
    expect(() => createAutoCollectClient({ baseUrl: 'http://api.amili.no/collection/v1', auth })).toThrow(
      /must use https/,
    );
    expect(() =>
      createAutoCollectClient({
        baseUrl: servers.staging,
        auth: { ...auth, tokenUrl: 'http://auth.example.com/token' },
      }),
    ).toThrow(/auth.tokenUrl must use https/);
    expect(() => createAutoCollectClient({ baseUrl: 'http://127.0.0.1:8080', auth })).not.toThrow();
    expect(() => createAutoCollectClient({ baseUrl: 'http://localhost:8080', auth })).not.toThrow();
    expect(() => createAutoCollectClient({ baseUrl: 'http://[::1]:8080', auth })).not.toThrow();
  });

  it('refuses a refreshMarginMs that is not a number of milliseconds', () => {
    for (const refreshMarginMs of ['60s', -1, Number.NaN]) {
      expect(() =>
        createAutoCollectClient({ auth: { clientId, clientSecret, refreshMarginMs: refreshMarginMs as number } }),
      ).toThrow(/auth.refreshMarginMs must be a number of milliseconds, at least 0; got/);
    }
  });

  it('refuses bad options with what to pass instead', () => {
    expect(() => createAutoCollectClient({ auth: { clientId, clientSecret: '' } })).toThrow(
      /auth.clientSecret must be a non-empty string/,
    );
    expect(() => createAutoCollectClient({ auth: { clientId, clientSecret }, timeoutMs: 0 })).toThrow(
      /timeoutMs must be a positive number/,
    );
    expect(() => createAutoCollectClient({ auth: { clientId, clientSecret }, retry: { maxRetries: -1 } })).toThrow(
      /retry.maxRetries/,
    );
    // @ts-expect-error fetch must be a function
    expect(() => createAutoCollectClient({ auth: { clientId, clientSecret }, fetch: 'node-fetch' })).toThrow(
      /fetch must be a function/,
    );
  });
});
