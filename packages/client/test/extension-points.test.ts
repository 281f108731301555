// openapi-fetch's extension points, used as its own docs show: middleware that replaces the
// Request, answers in its place, throws, or replaces the response body; a fetch written to
// openapi-fetch's contract `(request) => …` and one written `(input, init) => …`. The
// client's guarantees (tokens, retries, create safety, typed errors) hold through each.
import type { Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { ApiError, ConnectionError, TimeoutError, unwrap } from '../src/index.js';
import { failureOf, runClock, until } from './support/clock.js';
import { invoiceId, organizationId, testClient } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/server.js';
import { specExample } from './support/spec.js';

let server: TestServer | undefined;

const invoice = specExample('InvoicePaymentReminderOpen');
const params = { path: { organizationId, invoiceId } };
const payment = specExample('CreatePaymentsDirectPayment');
const accepted = specExample('BatchReferenceAccepted');

/** Creates answered 503 the first time, after making the batch; the batch list filters by IdempotencyKey. */
async function flakyCreates() {
  const made = new Map<string, string>();
  server = await startServer((request, response) => {
    if (request.method === 'GET') {
      const key = new URL(request.url, 'http://localhost').searchParams.get('IdempotencyKey') ?? '';
      const data = made.has(key) ? [{ batchId: made.get(key), type: 'PAYMENT', status: 'QUEUED', organizationId }] : [];
      return sendJson(response, 200, { summary: { status: 'SUCCESS' }, data });
    }
    made.set(String(request.headers.idempotencykey), accepted.data.batchId);
    if (made.size === 1 && server!.requests.filter((r) => r.method === 'POST').length === 1)
      return response.writeHead(503).end();
    sendJson(response, 202, accepted);
  });
  return server;
}

/** Creates answered 202 after making the batch; the batch list filters by IdempotencyKey. */
function paymentsApi() {
  const made = new Set<string>();
  return startServer((request, response) => {
    if (request.method === 'POST') {
      made.add(String(request.headers.idempotencykey));
      return sendJson(response, 202, accepted);
    }
    const key = new URL(request.url, 'http://localhost').searchParams.get('IdempotencyKey') ?? '';
    const data = made.has(key) ? [{ batchId: accepted.data.batchId, type: 'PAYMENT', status: 'QUEUED' }] : [];
    sendJson(response, 200, { summary: { status: 'SUCCESS' }, data });
  });
}

/** A client whose fetch sends the request without its signal (nothing it sends can be aborted), timing out at 1 s, never retrying. */
const deafClient = (origin: string) =>
  testClient(origin, {
    retry: false,
    timeoutMs: 1_000,
    fetch: (request: Request) => globalThis.fetch(request.url, { method: request.method, headers: request.headers }),
  });

/** A server whose answer stalls after its first bytes (`api`), the connections it closed, and a deafClient of it. */
async function stallingBodyBehindDeafFetch() {
  const closed: string[] = [];
  server = await startServer((request, response) => {
    response.on('close', () => closed.push(request.url));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"data":');
  });
  return { client: deafClient(server.origin), closed, api: server };
}

const createPayment = (client: ReturnType<typeof testClient>) =>
  client.POST('/orgs/{organizationId}/payments', { params: { path: { organizationId } }, body: payment });

describe('middleware', () => {
  it('that replaces the Request, as openapi-fetch documents, keeps create safety: a 503 create is looked up, not returned', async () => {
    const api = await flakyCreates();
    const client = testClient(api.origin);
    client.use({
      onRequest({ request }) {
        const headers = new Headers(request.headers);
        headers.set('X-Trace', 'trace-1');
        return new Request(request, { headers });
      },
    });
    const result = await runClock(createPayment(client));
    expect(result.response.status).toBe(202);
    expect(unwrap(result).data.batchId).toBe(accepted.data.batchId);
    // Sent once, then found by its key: never sent twice.
    const posts = api.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers['x-trace']).toBe('trace-1');
    const lookup = api.requests.find((r) => r.method === 'GET');
    expect(lookup?.url).toContain(`IdempotencyKey=${posts[0]?.headers.idempotencykey}`);
  });

  it('that answers in place of the server is the answer: nothing is sent', async () => {
    server = await startServer((_request, response) => sendJson(response, 500, {}));
    const client = testClient(server.origin);
    client.use({ onRequest: () => Response.json(invoice) });
    expect(unwrap(await runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params })))).toEqual(
      invoice,
    );
    expect(server.requests).toEqual([]);
  });

  it('that throws fails the call with its error, and nothing is sent', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, invoice));
    const client = testClient(server.origin);
    const thrown = new Error('no tenant configured');
    client.use({
      onRequest() {
        throw thrown;
      },
    });
    expect(await failureOf(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }))).toBe(thrown);
    expect(server.requests).toEqual([]);
  });

  it('added after the first call runs from the next', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, invoice));
    const client = testClient(server.origin);
    await runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }));
    client.use({
      onRequest({ request }) {
        request.headers.set('X-Later', 'yes');
      },
    });
    await runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }));
    expect(server.requests.map((r) => r.headers['x-later'])).toEqual([undefined, 'yes']);
  });

  it('added with an argument openapi-fetch refuses still runs, and gets a Request', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, invoice));
    const client = testClient(server.origin);
    const good: Middleware = {
      onRequest: ({ request }) =>
        new Request(request.clone(), { headers: { 'X-Good': String(request instanceof Request) } }),
    };
    expect(() => client.use(good, { bad: 1 } as unknown as Middleware)).toThrow();
    await runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }));
    expect(server.requests.map((r) => r.headers['x-good'])).toEqual(['true']);
  });

  it("sends the whole request when the platform's Request is replaced after the client was made", async () => {
    server = await startServer((_request, response) => sendJson(response, 202, accepted));
    const client = testClient(server.origin);
    client.use({ onRequest: () => undefined });
    const Platform = globalThis.Request;
    globalThis.Request = class extends Platform {};
    try {
      await runClock(createPayment(client));
    } finally {
      globalThis.Request = Platform;
    }
    expect(server.requests.map((r) => [r.method, r.headers.authorization, r.body])).toEqual([
      ['POST', 'Bearer token-for-tests', JSON.stringify(payment)],
    ]);
  });

  it('whose onResponse replaces the body: the call reads the new body, and a body that is not JSON is an ApiError', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, invoice));
    const client = testClient(server.origin);
    const replaced: Middleware = {
      async onResponse({ response }) {
        const body = (await response.json()) as typeof invoice;
        return Response.json({ ...body, data: { ...body.data, invoiceNumber: 'replaced' } }, response);
      },
    };
    client.use(replaced);
    const { data } = unwrap(await runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params })));
    expect(data.invoiceNumber).toBe('replaced');

    client.eject(replaced);
    client.use({ onResponse: ({ response }) => new Response('<html>', response) });
    const error = await failureOf(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(/the 200 response body is not valid JSON/);
  });
  it('whose onResponse reads a clone of the response, as a logging middleware does, leaves the body to the call', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, invoice));
    const client = testClient(server.origin);
    const logged: string[] = [];
    client.use({
      async onResponse({ response }) {
        logged.push(await response.clone().text());
        return response;
      },
    });
    const { data } = unwrap(await runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params })));
    expect(data).toEqual(invoice.data);
    expect(logged.map((text) => JSON.parse(text))).toEqual([invoice]);
  });
});

describe('middleware and the call, as the call runs', () => {
  it('that sends the request on over plain http to another host fails the call before the token is sent', async () => {
    const sent: string[] = [];
    const client = testClient('http://127.0.0.1:9', {
      fetch: (request: Request) => {
        sent.push(request.url);
        return globalThis.fetch(request);
      },
    });
    client.use({
      onRequest: ({ request }) =>
        new Request(request.url.replace('http://127.0.0.1:9', 'http://proxy.example:8080'), request),
    });
    const error = await failureOf(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(
      /the URL it is sent to must use https .*never sent in the clear; got http:\/\/proxy\.example:8080\./,
    );
    expect(sent).toEqual([]);
  });

  it('never sees the token on the Request after it is sent', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, invoice));
    const client = testClient(server.origin);
    const seen: (string | null)[] = [];
    client.use({
      onResponse({ request, response }) {
        seen.push(request.headers.get('authorization'));
        return response;
      },
    });
    await runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }));
    expect(seen).toEqual([null]);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer token-for-tests');
  });

  it("gets a Request whose signal aborts when the caller's does", async () => {
    server = await startServer((_request, response) => sendJson(response, 200, invoice));
    const client = testClient(server.origin);
    let waiting = false;
    client.use({
      async onRequest({ request }) {
        waiting = true;
        await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
      },
    });
    const controller = new AbortController();
    const call = client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params, signal: controller.signal });
    await until(() => waiting, 'the middleware');
    controller.abort();
    expect(((await failureOf(call)) as Error).name).toBe('AbortError');
    expect(server.requests).toEqual([]);
  });

  it('that looks at response.body leaves the body to the call', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, invoice));
    const client = testClient(server.origin);
    client.use({
      onResponse({ response }) {
        if (!response.body) throw new Error('no body');
      },
    });
    expect(unwrap(await runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params })))).toEqual(
      invoice,
    );
  });

  it('that builds a new Request from scratch still has the call given up, connection and all, at its timeout, with a fetch of your own', async () => {
    const closed: string[] = [];
    server = await startServer((request, response) => response.on('close', () => closed.push(request.url)));
    const client = testClient(server.origin, {
      retry: false,
      timeoutMs: 1_000,
      fetch: (request: Request) => globalThis.fetch(request),
    });
    client.use({
      onRequest: ({ request }) => new Request(request.url, { method: request.method, headers: request.headers }),
    });
    expect(await failureOf(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }))).toBeInstanceOf(
      TimeoutError,
    );
    await until(() => closed.length === 1, 'the connection to close');
  });
});

describe('the fetch option', () => {
  it("written to openapi-fetch's contract, (request) => …, sends the request whole: method, body, token and key", async () => {
    server = await startServer((request, response) =>
      request.method === 'POST' ? sendJson(response, 202, accepted) : response.writeHead(405).end(),
    );
    const seen: string[] = [];
    const client = testClient(server.origin, {
      fetch: (request: Request) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return globalThis.fetch(request);
      },
    });
    const result = await runClock(createPayment(client));
    expect(result.response.status).toBe(202);
    expect(seen).toEqual([`POST /collection/v1/orgs/${organizationId}/payments`]);
    const [post] = server.requests;
    expect(post).toMatchObject({ method: 'POST', body: JSON.stringify(payment) });
    expect(post?.headers.authorization).toBe('Bearer token-for-tests');
    expect(post?.headers.idempotencykey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('written (input, init) => …, gets the same as init: a wrapper that adds a header keeps the rest', async () => {
    server = await startServer((_request, response) => sendJson(response, 202, accepted));
    const client = testClient(server.origin, {
      fetch: (input, init) =>
        globalThis.fetch(input, {
          ...init,
          headers: { ...Object.fromEntries(new Headers(init?.headers)), 'X-App': 'erp' },
        }),
    });
    await runClock(createPayment(client));
    const [post] = server.requests;
    expect(post).toMatchObject({ method: 'POST', body: JSON.stringify(payment) });
    expect(post?.headers).toMatchObject({ authorization: 'Bearer token-for-tests', 'x-app': 'erp' });
  });

  it('written (input, init) => …, gets headers it can spread and a body it can read: a wrapper that adds a header keeps the token and key', async () => {
    server = await startServer((_request, response) => sendJson(response, 202, accepted));
    const bodies: string[] = [];
    const client = testClient(server.origin, {
      fetch: async (input, init) => {
        bodies.push(await new Response(init?.body).text());
        return globalThis.fetch(input, { ...init, headers: { ...init?.headers, 'X-App': 'erp' } });
      },
    });
    await runClock(createPayment(client));
    const [post] = server.requests;
    expect(post?.headers).toMatchObject({ authorization: 'Bearer token-for-tests', 'x-app': 'erp' });
    expect(post?.headers.idempotencykey).toMatch(/^[0-9a-f-]{36}$/);
    expect(bodies).toEqual([JSON.stringify(payment)]);
  });

  it('that throws a mistake of its own (a ReferenceError) fails the call with it, at once: nothing was sent, and it is no lost connection', async () => {
    let calls = 0;
    const mistake = new ReferenceError('undefinedLogger is not defined');
    const client = testClient('http://127.0.0.1:9', {
      fetch: () => {
        calls++;
        throw mistake;
      },
    });
    expect(await failureOf(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }))).toBe(mistake);
    expect(await failureOf(runClock(createPayment(client)))).toBe(mistake);
    expect(calls).toBe(2);
  });

  it('that fails with the token in its message: the ConnectionError and the log lines have it redacted', async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const client = testClient('http://127.0.0.1:9', {
      auth: { accessToken: 'secret-token-XYZ' },
      logger: { ...console, info: log, warn: log, debug: log },
      logLevel: 'debug',
      fetch: (request: Request) => {
        throw new TypeError('fetch failed', {
          cause: { code: 'ECONNRESET', message: `reset while sending ${request.headers.get('authorization')}` },
        });
      },
    });
    const error = await failureOf(runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params })));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('Bearer [redacted]');
    expect(lines.length).toBeGreaterThan(2);
    expect(`${(error as Error).message}\n${lines.join('\n')}`).not.toContain('secret-token-XYZ');
    // Its cause says what failed, as the fetch said it, its code and where it was thrown too.
    const cause = (error as Error).cause as Error & { code?: string };
    expect(cause).toMatchObject({ name: 'TypeError', code: 'ECONNRESET' });
    expect(cause.stack).toMatch(/extension-points\.test\.ts/);
    expect(cause.stack).not.toContain('secret-token-XYZ');
  });

  it('that makes a TypeError of its own (no cause: not a failed connection) fails the call at once with it', async () => {
    let calls = 0;
    const client = testClient('http://127.0.0.1:9', {
      fetch: (_input, init) => {
        calls++;
        (init as { headers: Headers }).headers.set('X-App', 'erp');
        return globalThis.fetch(_input, init);
      },
    });
    const error = await failureOf(runClock(createPayment(client)));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/set is not a function/);
    expect(calls).toBe(1);
  });

  it.each([
    'Failed to fetch',
    'NetworkError when attempting to fetch resource.',
    'Load failed',
    'error sending request for url (http://127.0.0.1/)',
  ])(
    "that fails as a browser's, Bun's or Deno's fetch fails a lost connection (TypeError: %s, no cause) is retried, and a create looked up",
    async (message) => {
      server = await paymentsApi();
      let failed = 0;
      const client = testClient(server.origin, {
        // The README's fetch of your own, in a browser whose connection is reset once the create is sent.
        fetch: async (request: Request) => {
          const response = await globalThis.fetch(request);
          if (request.method !== 'POST' || failed++ > 0) return response;
          await response.body?.cancel();
          throw new TypeError(message);
        },
      });
      const result = await runClock(createPayment(client));
      expect(unwrap(result).data.batchId).toBe(accepted.data.batchId);
      expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    },
  );

  it("whose answer's body fails as a browser's or Deno's fetch fails it (a TypeError with no cause) is no mistake of its code: a create is looked up, not failed with that TypeError", async () => {
    // The create lands and is answered 202, but its body is cut off on the way.
    server = await paymentsApi();
    const client = testClient(server.origin, {
      fetch: async (request: Request) => {
        const response = await globalThis.fetch(request);
        if (request.method !== 'POST') return response;
        await response.body?.cancel();
        const cut = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"summary":'));
            controller.error(new TypeError('network error'));
          },
        });
        return new Response(cut, response);
      },
    });
    const result = await runClock(createPayment(client));
    expect(unwrap(result).data.batchId).toBe(accepted.data.batchId);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it("of one call only, openapi-fetch's per-request fetch, sends that call, with the client's token and retries", async () => {
    let attempts = 0;
    server = await startServer((_request, response) =>
      ++attempts === 1 ? response.writeHead(503).end() : sendJson(response, 200, invoice),
    );
    const client = testClient(server.origin);
    const seen: string[] = [];
    const fetch = (request: Request) => {
      seen.push(request.headers.get('authorization') ?? '');
      return globalThis.fetch(request);
    };
    const result = await runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params, fetch }));
    expect(unwrap(result)).toEqual(invoice);
    expect(seen).toEqual(['Bearer token-for-tests', 'Bearer token-for-tests']);
  });

  it('that answers at once, without a promise, is answered as one that returns a promise', async () => {
    const client = testClient('http://127.0.0.1:9', { fetch: (() => Response.json(invoice)) as never });
    expect(unwrap(await runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params })))).toEqual(
      invoice,
    );
  });

  it('that answers status 0 (an opaque redirect, in a browser) is answered with it, once', async () => {
    let calls = 0;
    const client = testClient('http://127.0.0.1:9', {
      fetch: async () => {
        calls++;
        return Response.error();
      },
    });
    const result = await runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }));
    expect(result.response.status).toBe(0);
    expect(calls).toBe(1);
  });

  it('that answers something other than a Response fails the call with a TypeError that says so, and is not retried', async () => {
    let calls = 0;
    const client = testClient('http://127.0.0.1:9', {
      fetch: (async () => {
        calls++;
        return { status: 200, ok: true };
      }) as never,
    });
    const error = await failureOf(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/the fetch option answered an object \(Object\) instead of a Response/);
    expect(calls).toBe(1);
  });

  it("that answers a Response of another fetch implementation than the platform's says so, not that it is no Response", async () => {
    // As the undici and node-fetch packages' Responses are: named Response, not the platform's.
    const Foreign = class Response {
      status = 200;
      ok = true;
      headers = new Headers({ 'content-type': 'application/json' });
    };
    const client = testClient('http://127.0.0.1:9', { fetch: (async () => new Foreign()) as never });
    const error = await failureOf(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(
      /the fetch option answered a Response of another fetch implementation \(such as the undici or node-fetch package's\) instead of the platform's;/,
    );
  });

  it('that does not heed the signal has a body that stalls cut off at the timeout, connection and all', async () => {
    const { client, closed } = await stallingBodyBehindDeafFetch();
    expect(await failureOf(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }))).toBeInstanceOf(
      TimeoutError,
    );
    await until(() => closed.length === 1, 'the connection to close');
  });

  it('that does not heed the signal has a streamed body that stalls cut off at the timeout too, connection and all', async () => {
    const { client, closed, api } = await stallingBodyBehindDeafFetch();
    const { data, response } = await runClock(
      client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params, parseAs: 'stream' }),
    );
    expect(response).toMatchObject({ status: 200, url: `${api.origin}${api.requests[0]?.url}` });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await failureOf(new Response(data).text())).toBeInstanceOf(TimeoutError);
    await until(() => closed.length === 1, 'the connection to close');
  });

  it('gives a streamed body as the byte stream fetch gives, which a BYOB reader reads', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, invoice));
    const client = testClient(server.origin, { fetch: (request: Request) => globalThis.fetch(request) });
    const { data } = await runClock(
      client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params, parseAs: 'stream' }),
    );
    const reader = (data as ReadableStream<Uint8Array>).getReader({ mode: 'byob' });
    let text = '';
    for (let read = await reader.read(new Uint8Array(64)); !read.done; read = await reader.read(new Uint8Array(64)))
      text += Buffer.from(read.value).toString();
    expect(JSON.parse(text)).toEqual(invoice);
  });

  it('that does not heed the signal is still given up at the timeout, with TimeoutError', async () => {
    server = await startServer(() => undefined);
    const client = deafClient(server.origin);
    const started = Date.now();
    const error = await failureOf(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/took longer than 1000 ms/);
    expect(Date.now() - started).toBeLessThan(1_000 + 100);
  });
});
