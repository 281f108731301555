// Webhook deliveries: the events a state change causes, their headers and signature
// (checked with @autocollect/client/webhooks), their order, and retries with back-off.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseWebhookEvent, verifyWebhookSignature } from '@autocollect/client/webhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newInvoice, sandboxWithToken } from './support/api.js';
import { until, useFakeClock } from './support/clock.js';
import { startReceiver } from './support/receiver.js';

const cleanup: (() => Promise<void>)[] = [];
beforeEach(useFakeClock);
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(cleanup.splice(0).map((close) => close()));
});

async function setUp(statuses: number[] = [], options = {}) {
  const receiver = await startReceiver(statuses);
  const started = await sandboxWithToken({ webhookUrls: [receiver.url], webhookSecret: 'whsec-test', ...options });
  cleanup.push(receiver.close, () => started.sandbox.close());
  return { receiver, ...started };
}

describe('webhook deliveries', () => {
  it('follow the state changes in order, with the headers the spec lists, signed as the client verifies', async () => {
    const { receiver, call, sandbox } = await setUp();
    await call('POST', '{org}/invoices', { invoices: [newInvoice({ originalInvoiceAmount: 100 }), newInvoice()] });
    const [invoice] = (await call('GET', '{org}/invoices')).body.data;
    await call('POST', '{org}/payments', {
      payments: [{ invoiceId: invoice.id, type: 'DIRECT_PAYMENT', amount: 100, currency: 'NOK' }],
    });
    const [, other] = (await call('GET', '{org}/invoices')).body.data;
    sandbox.collect({ invoiceId: other.id, amount: 10 });
    await sandbox.webhooksIdle();
    const events = [];
    for (const delivery of receiver.received) {
      expect(
        await verifyWebhookSignature({
          payload: delivery.body,
          signature: delivery.headers['x-webhook-signature'] as string,
          secret: 'whsec-test',
        }),
      ).toBe(true);
      expect(delivery.headers['x-webhook-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(delivery.headers['x-amili-request-id']).toEqual(expect.any(String));
      const event = await parseWebhookEvent({
        payload: delivery.body,
        headers: delivery.headers,
        secret: 'whsec-test',
      });
      expect(delivery.headers['x-amili-event']).toBe(event.type);
      expect(event.delivery.idempotencyKey).toBe(JSON.parse(delivery.body).id);
      events.push(event);
    }
    expect(events.map((event) => event.type)).toEqual([
      'CASE',
      'CASE',
      'BATCH_COMPLETED',
      'CASE_UPDATED',
      'BATCH_COMPLETED',
      'CASE_UPDATED',
      'SETTLEMENT_CREATED',
    ]);
    expect(events[3]).toMatchObject({
      payload: {
        eventType: 'CASE_UPDATED',
        data: { status: 'CLOSED', fields: ['amounts', 'status'], invoices: [invoice.id] },
      },
    });
    expect(events[6]).toMatchObject({
      payload: { type: 'SETTLEMENT_CREATED', data: { invoiceId: other.id, caseNumber: other.collectionCaseNumber } },
    });
    expect(
      await verifyWebhookSignature({
        payload: receiver.received[0]!.body,
        signature: receiver.received[0]!.headers['x-webhook-signature'] as string,
        secret: 'other',
      }),
    ).toBe(false);
    expect(sandbox.violations()).toEqual([]);
    expect(
      sandbox.deliveries().every((delivery) => delivery.state === 'delivered' && delivery.attempts.length === 1),
    ).toBe(true);
  });

  it('are retried with doubling back-off after a non-2xx answer, and every attempt is recorded', async () => {
    const { receiver, call, sandbox } = await setUp([500, 503, 404]);
    await call('POST', '{org}/invoices', { invoices: [newInvoice()] });
    await until(() => receiver.received.length === 1);
    const started = Date.now();
    await until(() => receiver.received.length === 2, 100);
    expect(Date.now() - started).toBe(1_000);
    await until(() => receiver.received.length === 3, 100);
    expect(Date.now() - started).toBe(3_000);
    await until(() => receiver.received.length === 4, 100);
    expect(Date.now() - started).toBe(7_000);
    await until(() => sandbox.deliveries().every((delivery) => delivery.state === 'delivered'), 100);
    const [first, second] = sandbox.deliveries();
    expect(first!.event).toBe('CASE');
    expect(first!.attempts.map((attempt) => attempt.status)).toEqual([500, 503, 404, 200]);
    // The same event keeps its IdempotencyKey on every attempt; each attempt has its own request id.
    const keys = new Set(receiver.received.slice(0, 4).map((delivery) => delivery.headers.idempotencykey));
    const requestIds = new Set(receiver.received.slice(0, 4).map((delivery) => delivery.headers['x-amili-request-id']));
    expect([keys.size, requestIds.size]).toEqual([1, 4]);
    // BATCH_COMPLETED waited for the CASE before it: a URL gets its events in order.
    expect(second!.event).toBe('BATCH_COMPLETED');
    expect(receiver.received.at(-1)!.headers['x-amili-event']).toBe('BATCH_COMPLETED');
  });

  it('a reset forgets the deliveries still queued or waiting to be retried: none is sent after it', async () => {
    const { receiver, call, sandbox } = await setUp([500, 500, 500]);
    await call('POST', '{org}/invoices', { invoices: [newInvoice()] });
    await until(() => receiver.received.length === 1);
    sandbox.reset();
    expect(sandbox.deliveries()).toEqual([]);
    await sandbox.webhooksIdle();
    // Long after every back-off would have ended, the receiver has had the first attempt only.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(receiver.received).toHaveLength(1);
    expect(sandbox.deliveries()).toEqual([]);
  });

  it('a reset while a delivery is about to start (its URL still being looked up) sends nothing of before', async () => {
    const { receiver, call, sandbox } = await setUp();
    await call('POST', '{org}/invoices', { invoices: [newInvoice({ originalInvoiceAmount: 100 })] });
    await sandbox.webhooksIdle();
    const [invoice] = (await call('GET', '{org}/invoices')).body.data;
    const before = receiver.received.length;
    // Events of before, whose first delivery is looking up whether its URL is the sandbox's own…
    sandbox.collect({ invoiceId: invoice.id, amount: 10 });
    // …when the sandbox is reset.
    sandbox.reset();
    await call('POST', '{org}/invoices', { invoices: [newInvoice()] });
    const since = () => receiver.received.slice(before);
    const completed = () => since().some((delivery) => delivery.headers['x-amili-event'] === 'BATCH_COMPLETED');
    await until(completed, 0, 'the events after the reset');
    // Each delivery received since is one the sandbox lists: none of before.
    const listed = new Set(sandbox.deliveries().map((delivery) => delivery.idempotencyKey));
    const after = since().map((delivery) => [
      delivery.headers['x-amili-event'],
      listed.has(delivery.headers.idempotencykey as string),
    ]);
    expect(after).toEqual([
      ['CASE', true],
      ['BATCH_COMPLETED', true],
    ]);
  });

  it('a reset aborts an attempt waiting for its answer: an event of before never reaches a receiver after it', async () => {
    const unanswering = await startReceiver(['never']);
    cleanup.push(unanswering.close);
    const { call, sandbox } = await sandboxWithToken({ webhookUrls: [unanswering.url] });
    cleanup.push(() => sandbox.close());
    await call('POST', '{org}/invoices', { invoices: [newInvoice()] });
    await until(() => unanswering.received.length === 1);
    sandbox.reset();
    // Aborted at once, not at the attempt's timeout.
    await until(() => unanswering.received[0]!.abandoned, 0, 'the attempt to be aborted');
    await sandbox.webhooksIdle();
    expect(sandbox.deliveries()).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(unanswering.received).toHaveLength(1);
  });

  it('stop when the sandbox closes: an attempt waiting for its answer is aborted, a retry is never sent', async () => {
    const unanswering = await startReceiver(['never']);
    const failing = await startReceiver([500]);
    cleanup.push(unanswering.close, failing.close);
    const { call, sandbox } = await sandboxWithToken({ webhookUrls: [unanswering.url, failing.url] });
    cleanup.push(() => sandbox.close());
    await call('POST', '{org}/invoices', { invoices: [newInvoice()] });
    const waiting = () => sandbox.deliveries().find((delivery) => delivery.url === failing.url);
    await until(() => unanswering.received.length === 1 && waiting()?.nextAttemptAt != null);
    await sandbox.close();
    // Aborted at once, not at the attempt's timeout: nothing keeps the process alive.
    await until(() => unanswering.received[0]!.abandoned, 0, 'the attempt to be aborted');
    const [aborted] = sandbox.deliveries().filter((delivery) => delivery.url === unanswering.url);
    expect(aborted).toMatchObject({ state: 'pending', attempts: [{ error: 'aborted: the sandbox was closed' }] });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(failing.received).toHaveLength(1);
  });

  it('wait at most as long as a timer takes before a retry, never a back-off doubled past it (which fires at once)', async () => {
    const { receiver, call, sandbox } = await setUp([500, 500, 500], {
      webhookRetry: { maxAttempts: 3, initialBackoffMs: 2 ** 30 },
    });
    await call('POST', '{org}/invoices', { invoices: [newInvoice()] });
    const nextAttemptAt = () => sandbox.deliveries()[0]!.nextAttemptAt;
    await until(() => nextAttemptAt() !== null);
    const first = nextAttemptAt();
    await vi.advanceTimersByTimeAsync(2 ** 30);
    // The next back-off, 2^31 ms, is one more than a timer takes.
    await until(() => nextAttemptAt() !== first, 0, 'the second back-off');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(receiver.received).toHaveLength(2);
    expect(Date.parse(sandbox.deliveries()[0]!.nextAttemptAt!) - Date.now()).toBeLessThan(2 ** 31);
  });

  it('are not sent on where an endpoint redirects them, and each attempt says where it pointed and what to register', async () => {
    // Such as a framework that adds a trailing slash: /webhooks answers 308 to /webhooks/.
    const redirecting = createServer((request, response) => {
      request.resume();
      response.writeHead(308, { location: '/webhooks/' }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    cleanup.push(async () => {
      redirecting.closeAllConnections();
      await new Promise((resolve) => redirecting.close(resolve));
    });
    const url = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/webhooks`;
    const { call, sandbox } = await sandboxWithToken({ webhookUrls: [url], webhookRetry: { maxAttempts: 2 } });
    cleanup.push(() => sandbox.close());
    await call('POST', '{org}/invoices', { invoices: [newInvoice()] });
    await until(() => sandbox.deliveries().every((delivery) => delivery.state === 'failed'), 100);
    expect(sandbox.deliveries()[0]!.attempts).toEqual([
      expect.objectContaining({
        status: 308,
        error: `redirected to ${url}/: deliveries do not follow redirects; register that URL instead`,
      }),
      expect.objectContaining({ status: 308 }),
    ]);
  });

  it('are logged beside the requests when they first fail and when they are given up, not at every retry, with what to do, never a secret or token', async () => {
    const lines: string[] = [];
    const closed = await startReceiver();
    await closed.close();
    // A receiver may take a token in its query: the log line leaves the query out.
    const url = `${closed.url}?token=receiver-token`;
    const { call, sandbox } = await sandboxWithToken({
      webhookUrls: [url],
      webhookSecret: 'whsec-test',
      webhookRetry: { maxAttempts: 4 },
      log: (line) => lines.push(line),
    });
    cleanup.push(() => sandbox.close());
    await call('POST', '{org}/invoices', { invoices: [newInvoice()] });
    await until(() => sandbox.deliveries().every((delivery) => delivery.state === 'failed'), 100);
    const logged = lines.filter((line) => line.startsWith('webhook '));
    // Two events, each tried 4 times: a line when each first failed, and one when each was given up.
    expect(logged).toHaveLength(4);
    const shown = `${closed.url}?…`;
    const told =
      'Is your webhook receiver running? Start it, or check the webhook URL (SANDBOX_WEBHOOK_URL, --webhook-url).';
    expect(logged[0]).toMatch(/^webhook CASE to \S+ failed: ECONNREFUSED: .+\. Is your/);
    expect(logged[0]).toContain(`webhook CASE to ${shown} failed: ECONNREFUSED`);
    expect(logged[0]).toContain(
      `${told} It is tried up to 3 more times over the next 7 s; GET /_sandbox/deliveries lists each attempt.`,
    );
    expect(logged[1]).toMatch(
      /^webhook CASE to \S+ was given up after 4 attempts: ECONNREFUSED: .+\. Is your webhook receiver running\? .+ It is not sent again; GET \/_sandbox\/deliveries lists it\.$/,
    );
    expect(logged[2]).toContain(`webhook BATCH_COMPLETED to ${shown} failed: ECONNREFUSED`);
    expect(logged[3]).toContain(`webhook BATCH_COMPLETED to ${shown} was given up after 4 attempts: ECONNREFUSED`);
    // The request lines are there too, and nothing a secret or token is.
    expect(lines.some((line) => /^POST \/collection\/v1\/orgs\/\S+\/invoices 202 /.test(line))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/whsec-test|receiver-token|eyJ|Bearer/);
  });

  it('that fail, then get through, are logged once failing and once through; one never failing is not logged', async () => {
    const lines: string[] = [];
    const { receiver, call, sandbox } = await setUp([500, 401], { log: (line: string) => lines.push(line) });
    await call('POST', '{org}/invoices', { invoices: [newInvoice()] });
    await until(() => sandbox.deliveries().every((delivery) => delivery.state === 'delivered'), 100);
    expect(receiver.received).toHaveLength(4);
    expect(lines.filter((line) => line.startsWith('webhook '))).toEqual([
      `webhook CASE to ${receiver.url} failed: the receiver answered 500. Its own output says why. It is tried up to 5 more times over the next 31 s; GET /_sandbox/deliveries lists each attempt.`,
      `webhook CASE to ${receiver.url} was delivered, at attempt 3.`,
    ]);
  });

  it('give up after the last attempt, and record an unreachable endpoint too', async () => {
    const { call, sandbox } = await setUp([], { webhookRetry: { maxAttempts: 3, initialBackoffMs: 10 } });
    const closed = await startReceiver();
    await closed.close();
    sandbox.addWebhookUrl(`${closed.url}/unreachable`);
    await call('POST', '{org}/invoices', { invoices: [newInvoice()] });
    await until(() => sandbox.deliveries().every((delivery) => delivery.state !== 'pending'), 10);
    const unreachable = sandbox.deliveries().filter((delivery) => delivery.url.endsWith('/unreachable'));
    expect(unreachable.map((delivery) => delivery.state)).toEqual(['failed', 'failed']);
    expect(unreachable[0]!.attempts).toHaveLength(3);
    expect(unreachable[0]!.attempts[0]!.error).toMatch(/ECONNREFUSED/);
    const listed = await (await fetch(`${sandbox.controlUrl}/deliveries`)).json();
    expect(listed.deliveries).toHaveLength(4);
    expect(JSON.stringify(listed)).not.toContain('whsec-test');
  });
});
