import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, createAutoCollectClient, unwrap } from '../src/index.js';
import { parseWebhookEvent } from '../src/webhooks.js';
import { runClock, until } from './support/clock.js';
import { batchId, invoiceId, organizationId } from './support/fixtures.js';
import { type Handler, sendJson, startServer, type TestServer } from './support/server.js';

const ACCESS_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.access-token-never-shown';
const CLIENT_SECRET = 'client-secret-never-shown-Zq81';
const WEBHOOK_SECRET = 'webhook-secret-never-shown-Lp42';
const SECRETS = [ACCESS_TOKEN, CLIENT_SECRET, WEBHOOK_SECRET, 'Authorization', 'authorization'];

const errors: unknown[] = [];
const logLines: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => {
  // Every line the client can log, through the default logger (console).
  process.env.AUTOCOLLECT_LOG = 'debug';
  process.on('unhandledRejection', onUnhandled);
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logLines.push(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 10 }))).join(' '));
    });
  }
});
afterAll(() => {
  delete process.env.AUTOCOLLECT_LOG;
  process.off('unhandledRejection', onUnhandled);
  vi.restoreAllMocks();
});

let server: TestServer | undefined;

/** Runs a scenario that must fail, and keeps its error for the scan. */
async function failure(run: () => Promise<unknown>) {
  const error = await runClock(run()).then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  errors.push(error);
}

const tokenClient = (origin: string, options: object = {}) =>
  createAutoCollectClient({ baseUrl: origin, auth: { accessToken: ACCESS_TOKEN }, ...options });
const credentialsClient = (origin: string, options: object = {}) =>
  createAutoCollectClient({
    baseUrl: origin,
    auth: { clientId: 'client-1', clientSecret: CLIENT_SECRET, tokenUrl: `${origin}/token` },
    ...options,
  });
const getInvoice = (client: ReturnType<typeof createAutoCollectClient>, init: object = {}) =>
  client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
    params: { path: { organizationId, invoiceId } },
    ...init,
  });
const serve = async (handler: Handler) => {
  server = await startServer(handler);
  return server.origin;
};

describe('the fault suite leaks no secret', () => {
  it('redacts a secret a token endpoint echoes, in every encoding, before the message is cut short', async () => {
    const secret = 'p@ss w/rd+1&=never-shown';
    const forms = [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)];
    for (const [i, form] of forms.entries()) {
      // The first form straddles the 200th character, where the message is cut.
      const body = `${'x'.repeat(i === 0 ? 190 : 10)} ${form} trailing`;
      const origin = await serve((_request, response) =>
        response.writeHead(400, { 'content-type': 'text/plain' }).end(body),
      );
      const client = createAutoCollectClient({
        baseUrl: origin,
        auth: { clientId: 'client-1', clientSecret: secret, tokenUrl: `${origin}/token` },
      });
      const error = await runClock(getInvoice(client)).catch((e: unknown) => e);
      const text = `${String(error)} ${inspect(error)} ${JSON.stringify(error)}`;
      for (const leak of [...forms, secret.slice(0, 8), encodeURIComponent(secret).slice(0, 12)]) {
        expect(text, `form ${i}`).not.toContain(leak);
      }
      // Cut at 200 characters after redaction: the marker may be cut too, never the secret.
      expect((error as Error).message).toMatch(i === 0 ? /x \[redac/ : /\[redacted\] trailing/);
      await server!.close();
      server = undefined;
    }
  });

  it('runs every fault with a known token and secrets', async () => {
    // The token endpoint echoes the secret back in its error.
    let origin = await serve((request, response) =>
      response.writeHead(400, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          error: 'invalid_request',
          error_description: `bad secret ${CLIENT_SECRET} in ${request.body}`,
        }),
      ),
    );
    await failure(() => getInvoice(credentialsClient(origin)));
    await server!.close();
    // Unreachable token endpoint and API.
    await failure(() => getInvoice(credentialsClient(origin)));
    await failure(() => getInvoice(tokenClient(origin)));
    // Reset, stall, malformed JSON, error statuses, 401 twice, abort.
    origin = await serve((_request, response) => response.socket?.destroy());
    await failure(() => getInvoice(tokenClient(origin)));
    await server!.close();
    origin = await serve(() => undefined);
    await failure(() => getInvoice(tokenClient(origin)));
    const controller = new AbortController();
    const stalled = server!.requests.length;
    await failure(async () => {
      const call = getInvoice(tokenClient(origin), { signal: controller.signal });
      await until(() => server!.requests.length > stalled, 'the request to reach the server');
      controller.abort();
      return call;
    });
    await failure(() =>
      tokenClient(origin, { timeoutMs: 300 }).waitForBatch({ organizationId, batchId }, { timeoutMs: 100 }),
    );
    await server!.close();
    origin = await serve((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"data": '),
    );
    await failure(() => getInvoice(tokenClient(origin)));
    await server!.close();
    for (const status of [401, 403, 404, 429, 500, 503]) {
      origin = await serve((_request, response) =>
        response
          .writeHead(status, { 'content-type': 'application/problem+json' })
          .end(JSON.stringify({ title: 'Failed', status })),
      );
      await failure(async () => unwrap(await getInvoice(tokenFunctionClient(origin))));
      await failure(async () => unwrap(await getInvoice(tokenClient(origin))));
      await server!.close();
    }
    origin = await serve((_request, response) =>
      sendJson(response, 500, { title: 'Internal Server Error', status: 500 }),
    );
    await failure(async () => {
      for await (const _ of tokenClient(origin).paginate('/orgs/{organizationId}/invoices', {
        params: { path: { organizationId } },
      }));
    });
    // A server that echoes what it was sent as its request id: the token, the client secret.
    origin = await serve((request, response) => {
      const echoed = request.url === '/token' ? CLIENT_SECRET : ACCESS_TOKEN;
      response
        .writeHead(request.url === '/token' ? 503 : 400, { 'x-request-id': echoed, 'content-type': 'application/json' })
        .end('{"title":"Failed"}');
    });
    await failure(async () => unwrap(await getInvoice(tokenClient(origin))));
    await failure(() => getInvoice(credentialsClient(origin)));
    await server!.close();
    // A redirect that redirect: 'error' refuses, to a path that quotes the token.
    origin = await serve((request, response) =>
      response.writeHead(302, { location: `/to/${String(request.headers.authorization).slice(7)}/x` }).end(),
    );
    await failure(() => getInvoice(tokenClient(origin), { redirect: 'error' }));
    await server!.close();
    // A success whose body cannot be used, echoing the token: paging and batch waiting quote it.
    origin = await serve((_request, response) => sendJson(response, 200, { youSent: ACCESS_TOKEN }));
    await failure(async () => {
      for await (const _ of tokenClient(origin).paginate('/orgs/{organizationId}/invoices', {
        params: { path: { organizationId } },
      }));
    });
    await failure(() => tokenClient(origin).waitForBatch({ organizationId, batchId }));
    await server!.close();
    // One that says a batch's status is the token, until waiting for it times out.
    origin = await serve((_request, response) =>
      sendJson(response, 200, { summary: { status: 'SUCCESS' }, data: { batchId, status: ACCESS_TOKEN } }),
    );
    await failure(() => tokenClient(origin).waitForBatch({ organizationId, batchId }, { timeoutMs: 1_000 }));
    await server!.close();
    // One that hands the token back as the next page's token, again and again.
    origin = await serve((_request, response) =>
      sendJson(response, 200, { summary: { status: 'SUCCESS', nextPageToken: ACCESS_TOKEN }, data: [] }),
    );
    await failure(async () => {
      for await (const _ of tokenClient(origin).paginate('/orgs/{organizationId}/invoices', {
        params: { path: { organizationId } },
      }));
    });
    await server!.close();
    // A fetch of the caller's that fails quoting the request: the token request's body (the
    // secret), the API request's token, and, as an axios-like error does, all its headers.
    const quoting = async (request: Request) => {
      const body = await request.clone().text();
      const detail = body ? `body ${body}` : `token ${request.headers.get('authorization')}`;
      throw Object.assign(new TypeError(`No match for ${request.method} ${request.url} with ${detail}`), {
        code: 'ECONNRESET',
        config: { headers: Object.fromEntries(request.headers), body },
      });
    };
    await failure(() => getInvoice(credentialsClient('http://127.0.0.1:9', { fetch: quoting })));
    await failure(() => getInvoice(tokenClient('http://127.0.0.1:9', { fetch: quoting })));
    // A token endpoint that echoes the secret, and the token it issues, as the token's type.
    origin = await serve((request, response) =>
      request.url === '/token'
        ? sendJson(response, 200, { access_token: ACCESS_TOKEN, token_type: `MAC ${CLIENT_SECRET} ${ACCESS_TOKEN}` })
        : sendJson(response, 200, {}),
    );
    await runClock(getInvoice(credentialsClient(origin)));
    await server!.close();
    // A webhook with a wrong signature.
    await failure(() =>
      parseWebhookEvent({
        payload: '{"type":"BATCH_COMPLETED"}',
        secret: WEBHOOK_SECRET,
        headers: { 'x-webhook-signature': 'sha256=00ff' },
      }),
    );
    server = undefined;
    expect(errors.length).toBeGreaterThanOrEqual(20);
    expect(errors.every((error) => error instanceof Error)).toBe(true);
  });

  it('no error, however it is printed, contains a token, a secret or the Authorization header', () => {
    const renderings = errors.flatMap((error) => [
      String(error),
      (error as Error).message,
      (error as Error).stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
    ]);
    const leaks = renderings.filter((text) => SECRETS.some((secret) => text.includes(secret)));
    expect(leaks).toEqual([]);
  });

  it('no log line contains one either, and nothing was left unhandled', () => {
    // The client logged at 'debug' throughout: attempts, failures, retries, replays and token fetches.
    for (const said of [
      / → 200 in \d+ ms/,
      / → 401 in/,
      /failed in \d+ ms/,
      /retrying in \d+ ms/,
      /sending it once more/,
    ]) {
      expect(
        logLines.some((line) => said.test(line)),
        String(said),
      ).toBe(true);
    }
    expect(logLines.filter((line) => SECRETS.some((secret) => line.includes(secret)))).toEqual([]);
    expect(unhandled).toEqual([]);
  });
});

/** A client whose token comes from a function. */
function tokenFunctionClient(origin: string) {
  return createAutoCollectClient({ baseUrl: origin, auth: { accessToken: () => ACCESS_TOKEN } });
}

describe('redaction, against what a hostile server may echo', () => {
  /** The error of a call whose API answers 400 quoting `echo(token)`, with a fixed token. */
  async function echoed(token: string, echo: (token: string) => string) {
    const origin = await serve((_request, response) =>
      response.writeHead(400, { 'content-type': 'text/plain' }).end(echo(token)),
    );
    try {
      const client = createAutoCollectClient({ baseUrl: origin, auth: { accessToken: token }, retry: false });
      return await runClock(getInvoice(client))
        .then(unwrap)
        .catch((error: unknown) => error);
    } finally {
      await server!.close();
      server = undefined;
    }
  }

  it('finds a secret escaped once or twice over, a character beyond U+FFFF as its surrogate pair', async () => {
    const secret = 'Zk9~q\u{1F511}Lm2+x';
    // As .NET writes JSON: every character that is not plain ASCII, and +, as \uXXXX.
    const asDotNet = (text: string) =>
      JSON.stringify(text)
        .slice(1, -1)
        .replace(/[^\x20-\x7e]|\+/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    for (const echo of [asDotNet, (text: string) => asDotNet(`{"sent":"${asDotNet(text)}"}`)]) {
      const origin = await serve((request, response) => {
        const sent = new URLSearchParams(request.body).get('client_secret') ?? '';
        const refusal = JSON.stringify({ error: 'invalid_client', error_description: `bad ${echo(sent)}` });
        response.writeHead(401, { 'content-type': 'application/json' }).end(refusal);
      });
      const client = createAutoCollectClient({
        baseUrl: origin,
        auth: { clientId: 'client-1', clientSecret: secret, tokenUrl: `${origin}/token` },
      });
      const error = await runClock(getInvoice(client)).catch((e: unknown) => e);
      await server!.close();
      server = undefined;
      expect((error as Error).message).toContain('[redacted]');
      expect(`${inspect(error)} ${JSON.stringify(error)}`).not.toMatch(/Zk9~q|Lm2/);
    }
  });

  it('answers at once whatever the secret: a run of backslashes, or one too long for a pattern, is no harder', async () => {
    for (const token of [`${'\\'.repeat(40)}Q`, 'A'.repeat(40_000)]) {
      const error = await echoed(token, (t) => `${'\\'.repeat(2 * t.length)} and ${t}`);
      expect(error).toBeInstanceOf(ApiError);
      expect(JSON.stringify(error)).not.toContain(token);
    }
  });

  it('replaces each place once: a secret found in the marker itself is left alone', async () => {
    const error = await echoed('a', () => 'amount');
    expect((error as ApiError).body).toBe('[redacted]mount');
  });
});
