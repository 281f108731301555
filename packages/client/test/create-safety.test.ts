// A create is never sent twice unless it is known not to have landed: after a failure that
// leaves it open, the client looks the batch up by IdempotencyKey before sending again.

import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ApiError, ConnectionError, TimeoutError, unwrap } from '../src/index.js';
import { failureOf, runClock } from './support/clock.js';
import { organizationId, testClient } from './support/fixtures.js';
import { type RecordedRequest, sendJson, startServer, type TestServer } from './support/server.js';
import { specExample } from './support/spec.js';

let server: TestServer | undefined;

type Answer = 'made, then the connection is cut' | 'made, then no answer' | 500 | 503 | 429 | 202;

/**
 * An AutoCollect that keeps the batches it makes by IdempotencyKey (as GetBatchesByOrganization
 * filters them), and answers each create in turn as told, the last answer repeating.
 */
async function batchApi(answers: Answer[], lookup: 'works' | 'fails' = 'works') {
  const batches = new Map<string, string>();
  let creates = 0;
  server = await startServer((request: RecordedRequest, response: ServerResponse) => {
    const url = new URL(request.url, 'http://localhost');
    if (request.method === 'GET') {
      if (lookup === 'fails') return response.writeHead(500).end();
      const key = url.searchParams.get('IdempotencyKey') ?? '';
      const data = batches.has(key)
        ? [{ batchId: batches.get(key), type: 'INVOICE', status: 'QUEUED', organizationId }]
        : [];
      return sendJson(response, 200, { summary: { status: 'SUCCESS' }, data });
    }
    const answer = answers[Math.min(creates++, answers.length - 1)];
    const make = () => {
      const batchId = `00000000-0000-4000-8000-00000000000${creates}`;
      batches.set(String(request.headers.idempotencykey), batchId);
      return batchId;
    };
    if (answer === 'made, then the connection is cut') {
      make();
      return void response.socket?.destroy();
    }
    if (answer === 'made, then no answer') return void make();
    if (answer === 202) {
      const batchId = make();
      return sendJson(response, 202, {
        summary: { status: 'SUCCESS' },
        data: { batchId, batchUrl: `/batches/${batchId}` },
      });
    }
    response.writeHead(answer as number, answer === 429 ? { 'retry-after': '1' } : {}).end();
  });
  const { requests } = server;
  const posts = () => requests.filter((r) => r.method === 'POST');
  const lookups = () => requests.filter((r) => r.method === 'GET');
  return { origin: server.origin, posts, lookups };
}

type CreatePath =
  | '/orgs/{organizationId}/invoices'
  | '/orgs/{organizationId}/payments'
  | '/orgs/{organizationId}/corrections';
const INVOICES = { path: '/orgs/{organizationId}/invoices', body: 'CreateInvoicesTwoInvoices' } as const;

/** Sends a create (CreateInvoices unless told), and keeps what the client warns of. */
async function send(
  { path, body }: { path: CreatePath; body: string },
  origin: string,
  init: { signal?: AbortSignal } = {},
) {
  const warnings: string[] = [];
  const logger = { ...console, warn: (line: string) => warnings.push(line) };
  const client = testClient(origin, { logger, logLevel: 'warn' });
  const params = { path: { organizationId } };
  const result = await runClock(client.POST(path, { params, body: specExample(body), ...init })).catch(
    (e: unknown) => e,
  );
  return { result, warnings };
}

const createInvoices = (client: ReturnType<typeof testClient>) =>
  client.POST('/orgs/{organizationId}/invoices', {
    params: { path: { organizationId } },
    body: specExample('CreateInvoicesTwoInvoices'),
  });

describe('a create after a failure that leaves open whether it landed', () => {
  it('cut connection after the batch was made: answers with that batch, and sends nothing more', async () => {
    const api = await batchApi(['made, then the connection is cut']);
    const { data } = unwrap(await runClock(createInvoices(testClient(api.origin))));
    expect(data.batchId).toBe('00000000-0000-4000-8000-000000000001');
    expect(data.batchUrl).toBe(`${api.origin}/collection/v1/orgs/${organizationId}/batches/${data.batchId}`);
    expect(api.posts()).toHaveLength(1);
    expect(api.lookups().map((r) => new URL(r.url, 'http://x').searchParams.get('IdempotencyKey'))).toEqual([
      api.posts()[0]!.headers.idempotencykey,
    ]);
  });

  it('a timeout after the batch was made: the same', async () => {
    const api = await batchApi(['made, then no answer']);
    const { data } = unwrap(await runClock(createInvoices(testClient(api.origin))));
    expect(data.batchId).toBe('00000000-0000-4000-8000-000000000001');
    expect(api.posts()).toHaveLength(1);
  });

  it('a 500 with no batch made: looks, finds none, sends again with the same key', async () => {
    const api = await batchApi([500, 202]);
    const { data } = unwrap(await runClock(createInvoices(testClient(api.origin))));
    expect(data.batchId).toBe('00000000-0000-4000-8000-000000000002');
    expect(api.posts()).toHaveLength(2);
    expect(new Set(api.posts().map((r) => r.headers.idempotencykey)).size).toBe(1);
    expect(api.lookups()).toHaveLength(1);
  });

  it('a 429 says it was not carried out: sent again after Retry-After, with no lookup', async () => {
    const api = await batchApi([429, 202]);
    unwrap(await runClock(createInvoices(testClient(api.origin))));
    expect(api.posts()).toHaveLength(2);
    expect(api.lookups()).toHaveLength(0);
  });

  it('when the lookup itself fails, the create is not sent again', async () => {
    const api = await batchApi(['made, then the connection is cut', 202], 'fails');
    const error = await failureOf(createInvoices(testClient(api.origin)));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(api.posts()).toHaveLength(1);
  });

  it('its retries spent, it looks once more: a batch its last attempt made is the answer, not the failure', async () => {
    const api = await batchApi([500, 500, 'made, then the connection is cut']);
    const { data } = unwrap(await runClock(createInvoices(testClient(api.origin))));
    expect(data.batchId).toBe('00000000-0000-4000-8000-000000000003');
    expect(api.posts()).toHaveLength(3);
    expect(api.lookups()).toHaveLength(3);
  });

  it('its retries spent with no batch made, it looks once more, then answers with the last failure', async () => {
    const api = await batchApi([503]);
    const result = await runClock(createInvoices(testClient(api.origin)));
    expect(result.response.status).toBe(503);
    expect(() => unwrap(result)).toThrow(ApiError);
    expect(api.posts()).toHaveLength(3);
    expect(api.lookups()).toHaveLength(3);
  });

  it('retry: { verifyCreates: false } sends again without looking', async () => {
    const api = await batchApi([503, 202]);
    unwrap(await runClock(createInvoices(testClient(api.origin, { retry: { verifyCreates: false } }))));
    expect(api.posts()).toHaveLength(2);
    expect(api.lookups()).toHaveLength(0);
  });

  it('retry: { retryCreates: false } sends a create once, and reports the failure', async () => {
    const cut = await batchApi(['made, then no answer']);
    const error = await failureOf(createInvoices(testClient(cut.origin, { retry: { retryCreates: false } })));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(cut.posts()).toHaveLength(1);
    expect(cut.lookups()).toHaveLength(0);
    await server!.close();
    const failing = await batchApi([503]);
    const result = await runClock(createInvoices(testClient(failing.origin, { retry: { retryCreates: false } })));
    expect(() => unwrap(result)).toThrow(ApiError);
    expect(failing.posts()).toHaveLength(1);
  });
});

describe("a look-up counts a batch only when it is plausibly this create's", () => {
  const creates = [
    { path: '/orgs/{organizationId}/invoices', body: 'CreateInvoicesTwoInvoices', type: 'INVOICE' },
    { path: '/orgs/{organizationId}/payments', body: 'CreatePaymentsDirectPayment', type: 'PAYMENT' },
    { path: '/orgs/{organizationId}/corrections', body: 'CreateCorrectionsCreditNote', type: 'CORRECTION' },
  ] as const;
  const batchId = '00000000-0000-4000-8000-000000000009';
  const batch = (type: string) => ({ batchId, type, status: 'QUEUED', organizationId });

  /**
   * Each create is answered 503 after making its batch; the batch list answers with what `list`
   * gives, told whether the key asked for is the create's.
   */
  async function listing(list: (ownKey: boolean) => unknown[]) {
    let posted: unknown;
    server = await startServer((request, response) => {
      if (request.method === 'POST') {
        posted = request.headers.idempotencykey;
        return response.writeHead(503).end();
      }
      const key = new URL(request.url, 'http://localhost').searchParams.get('IdempotencyKey');
      return sendJson(response, 200, { summary: { status: 'SUCCESS' }, data: list(key === posted) });
    });
    return server;
  }

  it.each(creates)('$type: the one batch listed under its key, of that type, is its batch', async (create) => {
    const api = await listing((ownKey) => (ownKey ? [batch(create.type)] : []));
    const { result } = await send(create, api.origin);
    expect(result).toMatchObject({ data: { data: { batchId } }, response: { status: 202 } });
    expect(api.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it.each(creates)(
    '$type: a batch of another type under its key is not: whether it landed is unknown, so it is not sent again',
    async (create) => {
      const api = await listing(() => [batch(create.type === 'INVOICE' ? 'PAYMENT' : 'INVOICE')]);
      const { result, warnings } = await send(create, api.origin);
      expect(result).toBeInstanceOf(ConnectionError);
      expect((result as Error).message).toMatch(/answered 503, and whether it was carried out could not be checked/);
      expect(warnings).toEqual([expect.stringContaining('the batch list does not fit its IdempotencyKey filter')]);
      expect(api.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    },
  );

  it.each(creates)(
    "$type: Prism's mock, which ignores the filter and lists its example batches (one INVOICE, under another key), does not make it look landed",
    async (create) => {
      const api = await listing(() => specExample('BatchListPage').data);
      const { result, warnings } = await send(create, api.origin);
      expect(result).toBeInstanceOf(ConnectionError);
      expect(warnings).toHaveLength(1);
      expect(api.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    },
  );
});

describe("a create's look-up goes where the create went, and ends as the call does", () => {
  it('an empty IdempotencyKey of the caller fails at once, nothing sent: it could not make a repeat harmless', async () => {
    const api = await batchApi([500, 202]);
    const client = testClient(api.origin);
    const body = specExample('CreateInvoicesTwoInvoices');
    for (const given of [
      { params: { path: { organizationId }, header: { IdempotencyKey: '' } }, body },
      { params: { path: { organizationId } }, headers: { IdempotencyKey: ' ' }, body },
    ]) {
      const error = await failureOf(client.POST('/orgs/{organizationId}/invoices', given));
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/IdempotencyKey is empty/);
    }
    expect(server!.requests).toHaveLength(0);
  });

  it("a call's own baseUrl: the look-up asks that server, which made the batch, and nothing is sent twice", async () => {
    const other = await batchApi([500]);
    const api = await batchApi(['made, then the connection is cut']);
    const client = testClient(other.origin);
    const result = await runClock(
      client.POST('/orgs/{organizationId}/invoices', {
        baseUrl: `${api.origin}/collection/v1`,
        params: { path: { organizationId } },
        body: specExample('CreateInvoicesTwoInvoices'),
      }),
    );
    expect(unwrap(result).data.batchId).toBe('00000000-0000-4000-8000-000000000001');
    expect(api.posts()).toHaveLength(1);
    expect(api.lookups()).toHaveLength(1);
    expect(other.posts()).toHaveLength(0);
    expect(other.lookups()).toHaveLength(0);
  });

  it("a call's own fetch sends the look-up too", async () => {
    const api = await batchApi(['made, then the connection is cut']);
    const sent: string[] = [];
    const fetch = (request: Request) => {
      sent.push(`${request.method} ${new URL(request.url).pathname}`);
      return globalThis.fetch(request);
    };
    const result = await runClock(
      testClient(api.origin).POST('/orgs/{organizationId}/invoices', {
        fetch,
        params: { path: { organizationId } },
        body: specExample('CreateInvoicesTwoInvoices'),
      }),
    );
    expect(unwrap(result).data.batchId).toBe('00000000-0000-4000-8000-000000000001');
    expect(sent).toEqual([
      `POST /collection/v1/orgs/${organizationId}/invoices`,
      `GET /collection/v1/orgs/${organizationId}/batches`,
    ]);
  });

  it("aborted during the look-up, it rejects with the signal's reason, as any aborted call does", async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled by the caller');
    server = await startServer((request, response) => {
      if (request.method === 'POST') return response.writeHead(500).end();
      controller.abort(reason); // while the look-up waits for its answer
      setTimeout(() => sendJson(response, 200, { summary: { status: 'SUCCESS' }, data: [] }), 60_000);
    });
    const { result: error, warnings } = await send(INVOICES, server.origin, { signal: controller.signal });
    expect(error).toBe(reason);
    expect(warnings).toEqual([]);
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it.each([
    [
      'drops the IdempotencyKey (an allow-list of headers, as a signing or proxy middleware may keep)',
      (request: Request) =>
        new Request(request.url, {
          method: request.method,
          headers: new Headers({ 'content-type': request.headers.get('content-type') ?? '' }),
          body: request.body,
          duplex: 'half',
        } as RequestInit),
    ],
    ['sets an empty IdempotencyKey', (request: Request) => void request.headers.set('IdempotencyKey', '')],
    [
      'sets one of spaces, which Headers trims to empty',
      (request: Request) => void request.headers.set('IdempotencyKey', '   '),
    ],
  ])('a middleware that %s: the create goes once, is not sent again, and the log says why', async (_, onRequest) => {
    const api = await batchApi([503, 202]);
    const warnings: string[] = [];
    const client = testClient(api.origin, { logger: { ...console, warn: (line: string) => warnings.push(line) } });
    client.use({ onRequest: ({ request }) => onRequest(request) });
    const result = await runClock(
      client.POST('/orgs/{organizationId}/invoices', {
        params: { path: { organizationId } },
        body: specExample('CreateInvoicesTwoInvoices'),
      }),
    );
    expect(result.response.status).toBe(503);
    expect(api.posts()).toHaveLength(1);
    expect(api.lookups()).toHaveLength(0);
    expect(warnings).toEqual([expect.stringMatching(/went without its IdempotencyKey.*not sent again/)]);
  });

  it('a middleware that sets a key of its own: the look-up asks for the key that was sent', async () => {
    const api = await batchApi(['made, then the connection is cut']);
    const client = testClient(api.origin);
    client.use({
      onRequest: ({ request }) => {
        if (request.method === 'POST') request.headers.set('IdempotencyKey', 'order-100235');
      },
    });
    const result = await runClock(
      client.POST('/orgs/{organizationId}/invoices', {
        params: { path: { organizationId } },
        body: specExample('CreateInvoicesTwoInvoices'),
      }),
    );
    expect(unwrap(result).data.batchId).toBe('00000000-0000-4000-8000-000000000001');
    expect(api.posts()).toHaveLength(1);
    expect(api.lookups().map((r) => new URL(r.url, 'http://x').searchParams.get('IdempotencyKey'))).toEqual([
      'order-100235',
    ]);
  });

  it("the look-up carries the call's own headers, not its middleware (written for the create), and names the batch by the URL it asked, whatever Response a fetch rebuilt", async () => {
    const api = await batchApi(['made, then the connection is cut']);
    const seen: string[] = [];
    // A fetch that rebuilds each Response (as a logging or caching fetch does): its url is empty.
    const fetch = async (request: Request) => {
      const response = await globalThis.fetch(request);
      return new Response(response.body, response);
    };
    const result = await runClock(
      testClient(api.origin, { fetch }).POST('/orgs/{organizationId}/invoices', {
        params: { path: { organizationId } },
        headers: { 'X-Gateway-Key': 'gateway' },
        middleware: [{ onRequest: ({ request }) => void seen.push(request.method) }],
        body: specExample('CreateInvoicesTwoInvoices'),
      }),
    );
    const { batchId, batchUrl } = unwrap(result).data;
    expect(batchUrl).toBe(`${api.origin}/collection/v1/orgs/${organizationId}/batches/${batchId}`);
    expect(api.lookups().map((r) => r.headers['x-gateway-key'])).toEqual(['gateway']);
    expect(seen).toEqual(['POST']);
  });

  it('a look-up that fails says so in the log by its status, never with its body', async () => {
    server = await startServer((request, response) => {
      if (request.method === 'POST') return response.writeHead(500).end();
      response.writeHead(400, { 'content-type': 'text/plain' }).end('debtor Kari Nordmann, 01019912345');
    });
    const { result: error, warnings } = await send(INVOICES, server.origin);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(warnings).toEqual([
      expect.stringContaining('could not be checked (GetBatchesByOrganization answered 400); it is not sent again'),
    ]);
    expect(warnings.join('\n')).not.toContain('Kari');
  });
});
