import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ApiError, ConnectionError, TimeoutError, unwrap } from '../src/index.js';
import { failureOf, runClock, until } from './support/clock.js';
import { batchId, caseId, invoiceId, organizationId, testClient, unwrapFailure } from './support/fixtures.js';
import { type Handler, sendJson, startServer, type TestServer } from './support/server.js';
import { specExample } from './support/spec.js';

let server: TestServer | undefined;

async function serve(handler: Handler) {
  server = await startServer(handler);
  return server;
}

/** Answers each attempt in turn with the next handler; the last one repeats. */
function inTurn(...handlers: Handler[]): Handler {
  let attempt = 0;
  return (request, response) => handlers[Math.min(attempt++, handlers.length - 1)]!(request, response);
}

const invoice = specExample('InvoicePaymentReminderOpen');
/** GetInvoiceById, with the fake clock run until it settles. */
const getInvoice = (client: ReturnType<typeof testClient>, init: { signal?: AbortSignal; parseAs?: 'stream' } = {}) =>
  runClock(
    client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
      params: { path: { organizationId, invoiceId } },
      ...init,
    }),
  );
/** When each request reached the server, on the fake clock. */
const arrivals = (handler: Handler) => {
  const times: number[] = [];
  const recording: Handler = (request, response) => {
    times.push(Date.now());
    return handler(request, response);
  };
  return { times, handler: recording, gaps: () => times.slice(1).map((time, i) => time - times[i]!) };
};
/** Runs V8's garbage collector now (exposed at run time: vitest's workers start without --expose-gc). */
function collectGarbage() {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
const fail = (status: number, body = '') => ((_request, response) => response.writeHead(status).end(body)) as Handler;

describe('retries', () => {
  it('retries a GET after 503 twice, backing off exponentially with jitter, and returns the third answer', async () => {
    const clock = arrivals(inTurn(fail(503), fail(503), (_q, r) => sendJson(r, 200, invoice)));
    const { origin, requests } = await serve(clock.handler);
    const { data } = await getInvoice(testClient(origin));
    expect(data).toEqual(invoice);
    expect(requests).toHaveLength(3);
    // The default policy: about 500 ms, then about 1 000 ms, each between half and all of it.
    const [first, second] = clock.gaps() as [number, number];
    expect(first).toBeGreaterThanOrEqual(250);
    expect(first).toBeLessThan(500 + 100);
    expect(second).toBeGreaterThanOrEqual(500);
    expect(second).toBeLessThan(1_000 + 100);
  });

  /** A Retry-After date 3 s ahead, with the Date a server sends beside it, on a clock `skewMs` off from this one. */
  const onServerClock = (skewMs: number) => ({
    Date: new Date(Date.now() + skewMs).toUTCString(),
    'Retry-After': new Date(Date.now() + skewMs + 3_000).toUTCString(),
  });

  it('waits as long as Retry-After says on 429, in seconds or as an HTTP date', async () => {
    for (const retryAfter of ['3', () => onServerClock(0)]) {
      const clock = arrivals(
        inTurn(
          (_q, r) =>
            r.writeHead(429, typeof retryAfter === 'string' ? { 'Retry-After': retryAfter } : retryAfter()).end(),
          (_q, r) => sendJson(r, 200, invoice),
        ),
      );
      const { origin, requests } = await serve(clock.handler);
      const { data } = await getInvoice(testClient(origin));
      expect(data).toEqual(invoice);
      expect(requests).toHaveLength(2);
      // An HTTP date has whole seconds: up to one second of it may already have passed.
      expect(clock.gaps()[0]).toBeGreaterThanOrEqual(typeof retryAfter === 'string' ? 3_000 : 2_000);
      expect(clock.gaps()[0]).toBeLessThan(3_000 + 100);
      await server!.close();
      server = undefined;
    }
  });

  it("waits as long as a Retry-After date says on the server's clock, when the server's clock is off from this one", async () => {
    for (const skewMs of [-3_600_000, 3_600_000, Number.NaN]) {
      const clock = arrivals(
        inTurn(
          // NaN: a Date header that is no date (hour 25), which is then read as no Date at all.
          (_q, r) =>
            r
              .writeHead(
                429,
                Number.isNaN(skewMs)
                  ? { ...onServerClock(0), Date: 'Mon, 07 Dec 2026 25:00:00 GMT' }
                  : onServerClock(skewMs),
              )
              .end(),
          (_q, r) => sendJson(r, 200, invoice),
        ),
      );
      const { origin } = await serve(clock.handler);
      await getInvoice(testClient(origin));
      // An HTTP date has whole seconds: up to one second of it may already have passed.
      expect(clock.gaps()[0], `server clock off by ${skewMs} ms`).toBeGreaterThanOrEqual(2_000);
      expect(clock.gaps()[0], `server clock off by ${skewMs} ms`).toBeLessThan(3_000 + 100);
      await server!.close();
      server = undefined;
    }
  });

  it('caps a Retry-After longer than maxRetryAfterMs', async () => {
    const clock = arrivals(
      inTurn(
        (_q, r) => r.writeHead(503, { 'Retry-After': '86400' }).end(),
        (_q, r) => sendJson(r, 200, invoice),
      ),
    );
    const { origin } = await serve(clock.handler);
    await getInvoice(testClient(origin, { retry: { maxRetryAfterMs: 5_000 } }));
    expect(clock.gaps()[0]).toBeGreaterThanOrEqual(5_000);
    expect(clock.gaps()[0]).toBeLessThan(5_000 + 100);
  });

  it('gives up after maxRetries and returns the last error response', async () => {
    const { origin, requests } = await serve(fail(500, '{"title":"Internal Server Error","status":500}'));
    const result = await getInvoice(testClient(origin));
    expect(requests).toHaveLength(3);
    expect(() => unwrap(result)).toThrow(ApiError);
  });

  it('does not retry other 4xx statuses', async () => {
    const { origin, requests } = await serve(fail(400, '{"title":"Bad Request","status":400}'));
    const result = await getInvoice(testClient(origin));
    expect(result.response.status).toBe(400);
    expect(requests).toHaveLength(1);
  });

  it('does not retry at all with retry: false', async () => {
    const { origin, requests } = await serve(fail(503));
    await getInvoice(testClient(origin, { retry: false }));
    expect(requests).toHaveLength(1);
  });

  it('retries a POST whose operation declares IdempotencyKey, with one key on every attempt', async () => {
    const accepted = specExample('BatchReferenceAccepted');
    // Each 503 leaves open whether the batch was made: the client looks it up (none) before sending again.
    const creates = inTurn(fail(503), fail(503), (_q, r) => sendJson(r, 202, accepted));
    const { origin, requests } = await serve((request, response) =>
      request.method === 'GET'
        ? sendJson(response, 200, { summary: { status: 'SUCCESS' }, data: [] })
        : creates(request, response),
    );
    const { data } = await runClock(
      testClient(origin).POST('/orgs/{organizationId}/invoices', {
        params: { path: { organizationId } },
        body: specExample('CreateInvoicesTwoInvoices'),
      }),
    );
    expect(data).toEqual(accepted);
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(3);
    expect(requests.map((r) => r.method)).toEqual(['POST', 'GET', 'POST', 'GET', 'POST']);
    const keys = posts.map((r) => r.headers.idempotencykey);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    expect(new Set(posts.map((r) => r.body)).size).toBe(1);
  });

  it('keeps an IdempotencyKey the caller chose', async () => {
    const { origin, requests } = await serve((_q, r) => sendJson(r, 202, specExample('BatchReferenceAccepted')));
    await testClient(origin).POST('/orgs/{organizationId}/payments', {
      params: { path: { organizationId }, header: { IdempotencyKey: 'payment-run-2025-03-12' } },
      body: specExample('CreatePaymentsDirectPayment'),
    });
    expect(requests[0]?.headers.idempotencykey).toBe('payment-run-2025-03-12');
  });

  it('does not retry a POST without an idempotency key', async () => {
    const { origin, requests } = await serve(fail(503));
    const result = await testClient(origin).POST('/orgs/{organizationId}/cases/{caseId}/pause', {
      params: { path: { organizationId, caseId } },
    });
    expect(result.response.status).toBe(503);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.idempotencykey).toBeUndefined();
  });
});

describe('connection faults and timeouts', () => {
  it('a reset connection is retried, then gives ConnectionError', async () => {
    const { origin, requests } = await serve((_request, response) => response.socket?.destroy());
    const error = await getInvoice(testClient(origin)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(new RegExp(`GET ${origin}/collection/v1/orgs/`));
    expect(requests).toHaveLength(3);
  });

  it('a refused connection gives ConnectionError', async () => {
    const { origin } = await serve(fail(200));
    await server!.close();
    server = undefined;
    const error = await getInvoice(testClient(origin, { retry: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('a response stalled past the default 30 s timeout gives TimeoutError after the retries', async () => {
    const { origin, requests } = await serve(() => undefined);
    // When each attempt was sent and when it was given up, on the client's side: the time a
    // connection takes to reach the server is no part of the attempt's 30 s.
    const attempts: { sent: number; abandoned?: number }[] = [];
    const fetch = (request: Request) => {
      const attempt: { sent: number; abandoned?: number } = { sent: Date.now() };
      attempts.push(attempt);
      request.signal.addEventListener('abort', () => {
        attempt.abandoned = Date.now();
      });
      return globalThis.fetch(request);
    };
    const error = await getInvoice(testClient(origin, { fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/took longer than 30000 ms/);
    expect(requests).toHaveLength(3);
    // Each attempt waited its 30 s, and a backoff came between attempts.
    expect(attempts).toHaveLength(3);
    for (const { sent, abandoned = Number.NaN } of attempts) {
      expect(abandoned - sent).toBeGreaterThanOrEqual(30_000);
      expect(abandoned - sent).toBeLessThan(30_000 + 100);
    }
    for (const [index, { abandoned = Number.NaN }] of attempts.slice(0, -1).entries())
      expect(attempts[index + 1]!.sent - abandoned).toBeGreaterThanOrEqual(250);
  });

  it.each([
    ['the platform fetch', undefined],
    ['a fetch of your own', (request: Request) => globalThis.fetch(request)],
  ])(
    'a timeout aborts the connection even when the Requests it was sent with are collected mid-flight, with %s',
    async (_, fetch) => {
      const closed: string[] = [];
      const { origin, requests } = await serve((request, response) =>
        response.on('close', () => closed.push(request.url)),
      );
      const call = getInvoice(testClient(origin, { retry: false, timeoutMs: 1_000, ...(fetch && { fetch }) }));
      // Once the request is on its way, nothing but the client should hold the Requests it was made of.
      await until(() => requests.length === 1, 'the request');
      collectGarbage();
      const error = await runClock(call, 60_000).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      // The connection itself was given up, not left to undici's own 300 s timeout.
      await until(() => closed.length === 1, 'the connection to close');
    },
  );

  it("a streamed answer's body is cut off at the timeout, even when the Requests are collected while it streams", async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":');
    });
    const client = testClient(origin, { retry: false, timeoutMs: 1_000 });
    const { data } = await runClock(
      client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
        params: { path: { organizationId, invoiceId } },
        parseAs: 'stream',
      }),
    );
    collectGarbage();
    const error = await runClock(new Response(data).text(), 60_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('a body cut off mid-way is a ConnectionError, retried like a reset connection', async () => {
    const cut: Handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      response.write('{"summary":{"status":"SUC');
      setImmediate(() => response.socket?.destroy());
    };
    const once = await serve(inTurn(cut, (_q, r) => sendJson(r, 200, invoice)));
    const { data } = await getInvoice(testClient(once.origin));
    expect(data).toEqual(invoice);
    expect(once.requests).toHaveLength(2);
    await server!.close();

    const always = await serve(cut);
    const error = await getInvoice(testClient(always.origin)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(new RegExp(`GET ${always.origin}/collection/v1/orgs/.* failed`));
    expect(always.requests).toHaveLength(3);
  });

  it('an error body cut off mid-way is a ConnectionError too, not a raw TypeError', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(500, { 'content-type': 'application/json', 'content-length': '5000' });
      response.write('{"title":"Inter');
      setImmediate(() => response.socket?.destroy());
    });
    const error = await getInvoice(testClient(origin, { retry: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it('a body that stalls after the headers also times out', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"summary":');
    });
    const started = Date.now();
    const error = await getInvoice(testClient(origin, { timeoutMs: 5_000, retry: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
  });

  it('a request body stream that stalls is given up at timeoutMs, or at once when the caller aborts; nothing is sent', async () => {
    const { origin, requests } = await serve((_request, response) => sendJson(response, 202, {}));
    const stalled = () =>
      new ReadableStream({
        start: (controller) => controller.enqueue(new TextEncoder().encode('{"reason":')),
      });
    const pause = (client: ReturnType<typeof testClient>, signal?: AbortSignal) =>
      client.POST('/orgs/{organizationId}/cases/{caseId}/pause', {
        params: { path: { organizationId, caseId } },
        body: stalled() as never,
        bodySerializer: (body: unknown) => body as never,
        duplex: 'half',
        ...(signal && { signal }),
      } as never);
    const started = Date.now();
    const timedOut = await failureOf(pause(testClient(origin, { timeoutMs: 5_000 })));
    expect(timedOut).toBeInstanceOf(TimeoutError);
    expect((timedOut as Error).message).toMatch(/its body took longer than 5000 ms to read/);
    expect(Date.now() - started).toBe(5_000);

    const controller = new AbortController();
    const reason = new Error('cancelled');
    const call = pause(testClient(origin), controller.signal);
    await runClock(new Promise((resolve) => setTimeout(resolve, 1_000)));
    controller.abort(reason);
    expect(await failureOf(call)).toBe(reason);
    expect(requests).toHaveLength(0);
  });

  it.each([
    ['the platform fetch', undefined],
    ['a fetch of your own', (request: Request) => globalThis.fetch(request)],
  ])("the caller's abort stops the call at once, without retry, with %s", async (_, fetch) => {
    const { origin, requests } = await serve(() => undefined);
    const controller = new AbortController();
    const call = testClient(origin, { ...(fetch && { fetch }) }).GET('/orgs/{organizationId}/invoices/{invoiceId}', {
      params: { path: { organizationId, invoiceId } },
      signal: controller.signal,
    });
    await until(() => requests.length === 1, 'the request to reach the server');
    const abortedAt = Date.now();
    controller.abort();
    const error = await failureOf(call);
    expect((error as Error).name).toBe('AbortError');
    expect(Date.now()).toBe(abortedAt);
    expect(requests).toHaveLength(1);
  });
});

describe("the caller's signal", () => {
  it('shared by many calls at once, in flight or waiting to retry, gets one listener, and no warning of a leak', async () => {
    const warnings: Error[] = [];
    const warned = (warning: Error) => warnings.push(warning);
    process.on('warning', warned);
    try {
      // Every call is answered 503 once, so that each waits to retry as well as sends.
      const seen = new Set<string>();
      await serve((request, response) => {
        if (seen.has(String(request.headers['x-call']))) return sendJson(response, 200, invoice);
        seen.add(String(request.headers['x-call']));
        response.writeHead(503).end();
      });
      const client = testClient(server!.origin);
      const { signal } = new AbortController();
      const calls = Array.from({ length: 25 }, (_, i) =>
        client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
          params: { path: { organizationId, invoiceId } },
          headers: { 'X-Call': String(i) },
          signal,
        }),
      );
      const results = await runClock(Promise.all(calls));
      expect(results.map((result) => result.response.status)).toEqual(Array(25).fill(200));
      // A warning is emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', warned);
    }
  });
});

describe('bodies', () => {
  it('malformed JSON in a success response becomes an ApiError, not a crash', async () => {
    const { origin } = await serve((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"summary": {"status": "SUCCESS"}, "data": {');
    });
    const error = await getInvoice(testClient(origin)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 200,
      method: 'GET',
      path: '/orgs/{organizationId}/invoices/{invoiceId}',
      operationId: 'GetInvoiceById',
    });
    expect((error as Error).message).toMatch(/not valid JSON/);
  });

  it('a body longer than 64 MiB, sent without end, is an ApiError saying to stream it, read no further and not sent again', async () => {
    const chunk = Buffer.alloc(1 << 20, 0x20);
    const { origin, requests } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
      };
      response.on('drain', pump);
      pump();
    });
    const error = await failureOf(getInvoice(testClient(origin)));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, operationId: 'GetInvoiceById' });
    expect((error as Error).message).toMatch(/longer than 64 MiB.*parseAs: 'stream'/);
    expect(requests).toHaveLength(1);
  });

  it('an error body longer than 64 MiB is an ApiError too, without advice to stream it (an error body is always read)', async () => {
    const chunk = Buffer.alloc(1 << 20, 0x20);
    const { origin } = await serve((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/problem+json' });
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
      };
      response.on('drain', pump);
      pump();
    });
    const error = await failureOf(getInvoice(testClient(origin), { parseAs: 'stream' }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(
      /failed with 400: its body is longer than 64 MiB, more than the client reads into memory$/,
    );
  });

  it('an HTML 502 page is retried, then surfaces as an ApiError with the page as its body', async () => {
    const page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const { origin, requests } = await serve((_request, response) =>
      response.writeHead(502, { 'content-type': 'text/html' }).end(page),
    );
    const result = await getInvoice(testClient(origin));
    expect(requests).toHaveLength(3);
    const error = unwrapFailure(result);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, body: page });
    expect((error as Error).message).toBe(
      'GET /orgs/{organizationId}/invoices/{invoiceId} (GetInvoiceById) failed with 502',
    );
  });

  it('a create redirected with 307 is sent on with its body, on Node 20 too', async () => {
    const { origin, requests } = await serve((request, response) => {
      if (request.url.startsWith('/moved')) return sendJson(response, 202, specExample('BatchReferenceAccepted'));
      response.writeHead(307, { location: `/moved${request.url}` }).end();
    });
    const payment = specExample('CreatePaymentsDirectPayment');
    const result = await runClock(
      testClient(origin).POST('/orgs/{organizationId}/payments', {
        params: { path: { organizationId } },
        body: payment,
      }),
    );
    expect(result.response.status).toBe(202);
    expect(requests.map((r) => [r.method, r.body])).toEqual([
      ['POST', JSON.stringify(payment)],
      ['POST', JSON.stringify(payment)],
    ]);
    // The answer, its body read, says what fetch's did: where it came from, and how.
    const { response } = result;
    expect([response.redirected, response.url, response.type]).toEqual([
      true,
      `${origin}/moved/collection/v1/orgs/${organizationId}/payments`,
      'basic',
    ]);
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it.each([
    ['the platform fetch', undefined],
    ['a fetch of your own, (request) => …', (request: Request) => globalThis.fetch(request)],
    [
      'a fetch of your own, (input, init) => …',
      (input: Request, init?: RequestInit) => globalThis.fetch(input.url, init),
    ],
  ])(
    "a redirect refused with redirect: 'error' fails at once, says so, and is not followed or sent again, with %s",
    async (_, fetch) => {
      const { origin, requests } = await serve((request, response) => {
        if (request.url.startsWith('/elsewhere')) return sendJson(response, 200, invoice);
        response.writeHead(301, { location: `/elsewhere${request.url}?token=secret` }).end();
      });
      const client = testClient(origin, { ...(fetch && { fetch }) });
      const get = client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
        params: { path: { organizationId, invoiceId } },
        redirect: 'error',
      });
      const error = await failureOf(get);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe(
        `GET ${origin}/collection/v1/orgs/${organizationId}/invoices/${invoiceId} answered 301 a redirect to /elsewhere/collection/v1/orgs/${organizationId}/invoices/${invoiceId}, which redirect: 'error' refuses.`,
      );
      // A create with a body, too.
      const payment = specExample('CreatePaymentsDirectPayment');
      const post = client.POST('/orgs/{organizationId}/payments', {
        params: { path: { organizationId } },
        body: payment,
        redirect: 'error',
      });
      expect(await failureOf(post)).toBeInstanceOf(TypeError);
      expect(requests.map((r) => r.method)).toEqual(['GET', 'POST']);
      // Without it, the redirect is followed.
      const followed = await runClock(
        client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params: { path: { organizationId, invoiceId } } }),
      );
      expect(followed.data).toEqual(invoice);
    },
  );

  it('a RequestInit a Request refuses fails at once, as a TypeError, and nothing is sent', async () => {
    const { origin, requests } = await serve((_request, response) => sendJson(response, 200, invoice));
    const client = testClient(origin);
    for (const init of [{ mode: 'navigate' }, { redirect: 'nowhere' }, { body: '{}' }] as const) {
      const get = client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
        params: { path: { organizationId, invoiceId } },
        ...(init as object),
      });
      expect(await failureOf(get)).toBeInstanceOf(TypeError);
    }
    // TRACE, which a Request refuses, is refused so too.
    const request = client.request as (method: string, path: string, init: object) => Promise<unknown>;
    const trace = request('trace', '/orgs/{organizationId}/invoices/{invoiceId}', {
      params: { path: { organizationId, invoiceId } },
    });
    expect(await failureOf(trace)).toBeInstanceOf(TypeError);
    expect(requests).toHaveLength(0);
  });

  it.each([
    ['a reason phrase that is not ASCII', 'HTTP/1.1 200 OK \xe2\x9c\x93', 200],
    ['a status above 599', 'HTTP/1.1 600 Weird', 600],
  ])(
    'a status line fetch takes, with %s, is answered as fetch answers it, once, read whole or streamed, through any fetch',
    async (_, statusLine, status) => {
      const body = JSON.stringify(invoice);
      let received = 0;
      const raw = createNetServer((socket) =>
        socket.once('data', () => {
          received++;
          const head = `\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n`;
          socket.end(Buffer.concat([Buffer.from(statusLine, 'latin1'), Buffer.from(head + body)]));
        }),
      );
      await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
      try {
        const origin = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
        const expected = await fetch(`${origin}/x`);
        for (const own of [undefined, (request: Request) => globalThis.fetch(request)])
          for (const parseAs of [undefined, 'stream'] as const) {
            received = 0;
            const result = await getInvoice(testClient(origin, { ...(own && { fetch: own }) }), parseAs && { parseAs });
            expect(result.response.status).toBe(status);
            expect(result.response.statusText).toBe(expected.statusText);
            expect(result.response.ok).toBe(expected.ok);
            const data = parseAs && result.data && JSON.parse(await new Response(result.data as BodyInit).text());
            expect(data ?? result.data ?? result.error).toEqual(invoice);
            expect(received).toBe(1);
          }
      } finally {
        raw.close();
      }
    },
  );

  it('an empty 202 answers with no data', async () => {
    const { origin } = await serve((_request, response) => response.writeHead(202).end());
    const result = await testClient(origin).POST('/orgs/{organizationId}/cases/{caseId}/resume', {
      params: { path: { organizationId, caseId } },
    });
    expect(result.response.status).toBe(202);
    expect(unwrap(result)).toBeUndefined();
  });

  it('a 202 with a body where the spec gives none is a success with no data, whatever the body (a case action is not sent again)', async () => {
    for (const [type, body] of [
      ['text/plain', 'Accepted'],
      ['application/json', '{"summary":{"status":"SUCCESS"}}'],
    ]) {
      const { origin } = await serve((_request, response) =>
        response.writeHead(202, { 'content-type': type }).end(body),
      );
      const result = await testClient(origin).POST('/orgs/{organizationId}/cases/{caseId}/pause', {
        params: { path: { organizationId, caseId } },
      });
      expect(result.response.status).toBe(202);
      expect(unwrap(result)).toBeUndefined();
      // Asked for, the body is read as asked.
      const asked = await testClient(origin).POST('/orgs/{organizationId}/cases/{caseId}/pause', {
        params: { path: { organizationId, caseId } },
        parseAs: 'text',
      });
      expect(asked.data).toBe(body);
    }
  });

  it('an empty 204 answers with no data', async () => {
    const { origin } = await serve((_request, response) => response.writeHead(204).end());
    const result = await testClient(origin).POST('/orgs/{organizationId}/cases/{caseId}/withdraw', {
      params: { path: { organizationId, caseId } },
    });
    expect(result.response.status).toBe(204);
    expect(unwrap(result)).toBeUndefined();
  });
});

describe('ApiError', () => {
  it.each([
    ['', undefined],
    [', also on a call that streams its answer', 'stream'],
  ] as const)(
    'an error body that echoes the bearer token, as it is or JSON-escaped, has it redacted%s',
    async (_, parseAs) => {
      const token = 'eyJ0eXAi.a+b/c.sig';
      const { origin } = await serve((request, response) => {
        const sent = String(request.headers.authorization).replace('Bearer ', '');
        const body = JSON.stringify({ title: 'Unauthorized', detail: `Token ${sent} expired`, echo: sent })
          .replaceAll('+', '\\u002B')
          .replaceAll('/', '\\/');
        response.writeHead(401, { 'content-type': 'application/problem+json' }).end(body);
      });
      const client = testClient(origin, { auth: { accessToken: token } });
      const result = await getInvoice(client, parseAs ? { parseAs } : {});
      const error = unwrapFailure(result);
      expect(error).toBeInstanceOf(ApiError);
      expect(error?.message).toContain('Token [redacted] expired');
      const printed = `${error?.message} ${JSON.stringify(error)} ${JSON.stringify(result.error)}`;
      for (const form of [token, 'a\\u002Bb', 'b\\/c', 'a+b/c']) expect(printed).not.toContain(form);
    },
  );

  it('takes the request id from the first header that has one: an empty one is none', async () => {
    const { origin } = await serve((_request, response) =>
      response
        .writeHead(404, { 'content-type': 'application/json', 'x-amili-request-id': '', 'x-request-id': 'req-42' })
        .end('{"title":"Not Found"}'),
    );
    const result = await getInvoice(testClient(origin));
    expect(() => unwrap(result)).toThrow(expect.objectContaining({ requestId: 'req-42' }));
  });

  it('carries status, method, path template, operationId, parsed body and request id', async () => {
    const problem = specExample('InvoicePaymentReminderOpen') && {
      title: 'Not Found',
      status: 404,
      detail: `Batch ${batchId} was not found.`,
    };
    const { origin } = await serve((_request, response) => {
      response
        .writeHead(404, { 'content-type': 'application/problem+json', 'x-request-id': 'req-7f3a' })
        .end(JSON.stringify(problem));
    });
    const result = await testClient(origin).GET('/orgs/{organizationId}/batches/{batchId}', {
      params: { path: { organizationId, batchId } },
    });
    const error = unwrapFailure(result);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      method: 'GET',
      path: '/orgs/{organizationId}/batches/{batchId}',
      operationId: 'GetBatchById',
      body: problem,
      requestId: 'req-7f3a',
    });
    expect((error as Error).message).toBe(
      `GET /orgs/{organizationId}/batches/{batchId} (GetBatchById) failed with 404: Batch ${batchId} was not found. [request id req-7f3a]`,
    );
  });
});
