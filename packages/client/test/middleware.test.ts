import type { Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../src/index.js';
import { runClock } from './support/clock.js';
import { invoiceId, organizationId, testClient } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/server.js';
import { specExample } from './support/spec.js';

let server: TestServer | undefined;

const invoice = specExample('InvoicePaymentReminderOpen');
const params = { path: { organizationId, invoiceId } };

describe("openapi-fetch's middleware", () => {
  it('runs on calls made after use(), with tokens and retries as usual, and stops after eject()', async () => {
    let attempts = 0;
    server = await startServer((_request, response) =>
      ++attempts === 1 ? response.writeHead(503).end() : sendJson(response, 200, invoice),
    );
    const client = testClient(server.origin);
    const seen: string[] = [];
    const middleware: Middleware = {
      onRequest({ request, schemaPath }) {
        seen.push(`request ${request.method} ${schemaPath}`);
        request.headers.set('X-Trace', 'trace-1');
        return request;
      },
      onResponse({ response }) {
        seen.push(`response ${response.status}`);
      },
    };
    client.use(middleware);
    expect(unwrap(await runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params })))).toEqual(
      invoice,
    );
    expect(seen).toEqual(['request GET /orgs/{organizationId}/invoices/{invoiceId}', 'response 200']);
    expect(server.requests).toHaveLength(2);
    expect(
      server.requests.every(
        (r) => r.headers['x-trace'] === 'trace-1' && r.headers.authorization === 'Bearer token-for-tests',
      ),
    ).toBe(true);

    client.eject(middleware);
    await client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params });
    expect(server.requests[2]?.headers['x-trace']).toBeUndefined();
    expect(seen).toHaveLength(2);
  });

  it('runs per-call middleware, and keeps the idempotency key on retried creates', async () => {
    let attempts = 0;
    const accepted = specExample('BatchReferenceAccepted');
    server = await startServer((request, response) => {
      if (request.method === 'GET') return sendJson(response, 200, { summary: { status: 'SUCCESS' }, data: [] });
      return ++attempts === 1 ? response.writeHead(503).end() : sendJson(response, 202, accepted);
    });
    const onRequest: Middleware['onRequest'] = ({ request }) => {
      request.headers.set('X-Per-Call', 'yes');
      return request;
    };
    const result = await runClock(
      testClient(server.origin).POST('/orgs/{organizationId}/payments', {
        params: { path: { organizationId } },
        body: specExample('CreatePaymentsDirectPayment'),
        middleware: [{ onRequest }],
      }),
    );
    expect(unwrap(result)).toEqual(accepted);
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts.map((r) => r.headers['x-per-call'])).toEqual(['yes', 'yes']);
    expect(new Set(posts.map((r) => r.headers.idempotencykey)).size).toBe(1);
    expect(posts[1]?.body).toBe(JSON.stringify(specExample('CreatePaymentsDirectPayment')));
  });

  it('eject of a middleware never added leaves the others running', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, invoice));
    const client = testClient(server.origin);
    const seen: string[] = [];
    const added: Middleware = { onRequest: () => void seen.push('added') };
    client.use(added);
    client.eject({ onRequest: () => undefined });
    await runClock(client.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params }));
    expect(seen).toEqual(['added']);
  });

  it("keeps a call's own fetch options, and one slash between a baseUrl ending in / and the path", async () => {
    const sent: { request: Request; init: RequestInit | undefined }[] = [];
    const fetch = async (request: Request, init?: RequestInit) => {
      sent.push({ request, init });
      return new Response(JSON.stringify(invoice), { headers: { 'content-type': 'application/json' } });
    };
    const client = testClient('https://api.example.com', { fetch, baseUrl: 'https://api.example.com/collection/v1/' });
    await runClock(
      client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
        params,
        cache: 'no-store',
        keepalive: true,
      }),
    );
    expect(sent[0]?.request.url).toBe(
      `https://api.example.com/collection/v1/orgs/${organizationId}/invoices/${invoiceId}`,
    );
    expect(sent[0]?.request).toMatchObject({ method: 'GET', cache: 'no-store', keepalive: true });
    expect(sent[0]?.init).toMatchObject({ method: 'GET', cache: 'no-store', keepalive: true });
  });
});
