// Aborts and deadlines around the token: a caller's abort and waitForBatch's deadline end
// waiting for a token, an aborted call sends nothing, the token's time is not the call's,
// a token a header cannot carry fails cleanly, and one signal for many calls keeps no listener.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, createAutoCollectClient, TimeoutError } from '../src/index.js';
import { failureOf, runClock, until } from './support/clock.js';
import { batchId, invoiceId, organizationId } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/server.js';
import { specExample } from './support/spec.js';

let server: TestServer | undefined;

/** Token endpoint at /token answering after `tokenDelayMs` (never, if undefined), and the API after `apiDelayMs`. */
async function slowIdentity(tokenDelayMs: number | undefined, apiDelayMs = 0) {
  server = await startServer(async (request, response) => {
    if (request.url === '/token') {
      if (tokenDelayMs === undefined) return;
      await new Promise((resolve) => setTimeout(resolve, tokenDelayMs));
      return sendJson(response, 200, { access_token: 'token-1', token_type: 'Bearer', expires_in: '3600' });
    }
    await new Promise((resolve) => setTimeout(resolve, apiDelayMs));
    sendJson(
      response,
      200,
      request.url.includes('/batches/')
        ? specExample('InvoiceBatchSucceeded')
        : specExample('InvoicePaymentReminderOpen'),
    );
  });
  const client = createAutoCollectClient({
    baseUrl: `${server.origin}/collection/v1`,
    auth: { clientId: 'client-1', clientSecret: 'secret-1', tokenUrl: `${server.origin}/token` },
    timeoutMs: 30_000,
  });
  const tokenRequests = () => server!.requests.filter((r) => r.url === '/token');
  const apiRequests = () => server!.requests.filter((r) => r.url !== '/token');
  return { client, tokenRequests, apiRequests };
}

const getInvoice = (client: ReturnType<typeof createAutoCollectClient>, signal?: AbortSignal) =>
  client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
    params: { path: { organizationId, invoiceId } },
    ...(signal && { signal }),
  });

describe('the token and the call', () => {
  it("the caller's abort ends waiting for a token at once", async () => {
    const { client, tokenRequests, apiRequests } = await slowIdentity(undefined);
    const controller = new AbortController();
    const call = getInvoice(client, controller.signal);
    await until(() => tokenRequests().length === 1, 'the token request');
    const abortedAt = Date.now();
    controller.abort();
    const error = await failureOf(call);
    expect((error as Error).name).toBe('AbortError');
    expect(Date.now()).toBe(abortedAt);
    expect(apiRequests()).toHaveLength(0);
  });

  it('an already-aborted signal sends nothing, not even a token request', async () => {
    const { client } = await slowIdentity(0);
    const controller = new AbortController();
    controller.abort();
    const error = await failureOf(getInvoice(client, controller.signal));
    expect((error as Error).name).toBe('AbortError');
    expect(server!.requests).toHaveLength(0);
  });

  it("waitForBatch's timeout ends waiting for a token", async () => {
    const { client, apiRequests } = await slowIdentity(undefined);
    const started = Date.now();
    const error = await failureOf(client.waitForBatch({ organizationId, batchId }, { timeoutMs: 5_000 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(5_100);
    expect(apiRequests()).toHaveLength(0);
  });

  it("the token's time does not count against the call's timeout", async () => {
    // 25 s for the token, then 10 s for the API: 35 s in all, within 30 s for the call itself.
    const { client, apiRequests } = await slowIdentity(25_000, 10_000);
    const started = Date.now();
    const { response } = await runClock(getInvoice(client));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35_000);
    expect(apiRequests()).toHaveLength(1);
  });

  it('a token a header cannot carry fails with AuthenticationError, without the token in it', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, {}));
    const token = 'eyJhbGciOiJSUzI1NiJ9.line\nbreak';
    const client = createAutoCollectClient({ baseUrl: server.origin, auth: { accessToken: token } });
    const error = await failureOf(getInvoice(client));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(String(error)).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['the platform fetch', undefined],
    ['a fetch of your own', (request: Request) => globalThis.fetch(request)],
  ])(
    "calls whose token cannot be had, and streamed calls once their time is up, keep no listener on the caller's signal, with %s",
    async (_, fetch) => {
      server = await startServer((_request, response) =>
        sendJson(response, 200, specExample('InvoicePaymentReminderOpen')),
      );
      const controller = new AbortController();
      const failing = createAutoCollectClient({
        baseUrl: server.origin,
        auth: {
          accessToken: async () => {
            throw new Error('the token service is down');
          },
        },
        ...(fetch && { fetch }),
      });
      for (let i = 0; i < 5; i++) await failureOf(getInvoice(failing, controller.signal));
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);

      const client = createAutoCollectClient({
        baseUrl: server.origin,
        auth: { accessToken: 'token-1' },
        timeoutMs: 1_000,
        ...(fetch && { fetch }),
      });
      for (let i = 0; i < 5; i++) {
        const { data } = await runClock(
          client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
            params: { path: { organizationId, invoiceId } },
            signal: controller.signal,
            parseAs: 'stream',
          }),
        );
        await new Response(data).text();
      }
      // A streamed answer's deadline bounds its body, and lets the caller's signal go at its time.
      await runClock(new Promise((resolve) => setTimeout(resolve, 1_000)));
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    },
  );

  it.each([
    ['the platform fetch', undefined],
    ['a fetch of your own', (request: Request) => globalThis.fetch(request)],
  ])('one signal passed to many calls keeps no listener once they end, with %s', async (_, fetch) => {
    server = await startServer((_request, response) => response.writeHead(400).end('{"title":"Bad Request"}'));
    const client = createAutoCollectClient({
      baseUrl: server.origin,
      auth: { accessToken: 'token-1' },
      ...(fetch && { fetch }),
    });
    const controller = new AbortController();
    for (let i = 0; i < 20; i++) await runClock(getInvoice(client, controller.signal));
    // Nor calls that middleware answers, or fails, before anything is sent.
    const answered = { onRequest: () => Response.json({}) };
    client.use(answered);
    await runClock(getInvoice(client, controller.signal));
    client.eject(answered);
    client.use({
      onRequest() {
        throw new Error('no tenant configured');
      },
    });
    await failureOf(getInvoice(client, controller.signal));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
