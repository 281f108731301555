// Faults injected on purpose, on the wire and through @autocollect/client: 429 with
// Retry-After, 503, a connection cut after the request was carried out, and latency.
import { createAutoCollectClient } from '@autocollect/client';
import { startSandbox } from '@autocollect/sandbox';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newInvoice, sandboxWithToken } from './support/api.js';
import { settle, useFakeClock } from './support/clock.js';

const cleanup: (() => Promise<void>)[] = [];
beforeEach(useFakeClock);
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(cleanup.splice(0).map((close) => close()));
});

async function open() {
  const started = await sandboxWithToken();
  cleanup.push(() => started.sandbox.close());
  return started;
}

describe('--faults on the wire', () => {
  it('answers 429 with Retry-After and 503, doing nothing', async () => {
    const { sandbox, call } = await open();
    sandbox.setFaults('429=100%,retry-after=3');
    const limited = await call('POST', '{org}/invoices', { invoices: [newInvoice()] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    sandbox.setFaults('503=100%');
    expect((await call('POST', '{org}/invoices', { invoices: [newInvoice()] })).status).toBe(503);
    sandbox.setFaults('');
    expect((await call('GET', '{org}/batches')).body.data).toEqual([]);
  });

  it('cuts the connection after carrying the request out', async () => {
    const { sandbox, call } = await open();
    sandbox.setFaults('reset=100%');
    const cut = await call('POST', '{org}/invoices', { invoices: [newInvoice()] }, { IdempotencyKey: 'cut' }).catch(
      (error) => error,
    );
    expect(cut).toBeInstanceOf(TypeError);
    expect(String(cut.cause?.code ?? cut.cause?.message)).toMatch(/ECONNRESET|UND_ERR_SOCKET|other side closed/);
    sandbox.setFaults('');
    expect((await call('GET', '{org}/batches?IdempotencyKey=cut')).body.data).toHaveLength(1);
  });

  it('delays answers by the latency, on the clock', async () => {
    const { sandbox, call } = await open();
    sandbox.setFaults('latency=750ms');
    const started = Date.now();
    const answer = await settle(call('GET', '{org}/invoices'));
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
    expect(Date.now() - started).toBeLessThan(800);
  });

  it('repeats the same faults for the same seed, and never touches /_sandbox', async () => {
    const { sandbox, call } = await open();
    const run = async () => {
      sandbox.setFaults('429=30%,503=30%,seed=7');
      const statuses = [];
      for (let i = 0; i < 20; i++) statuses.push((await call('GET', '{org}/invoices')).status);
      expect((await fetch(`${sandbox.controlUrl}/deliveries`)).status).toBe(200);
      return statuses;
    };
    const first = await run();
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
    expect(await run()).toEqual(first);
    expect(sandbox.faults()).toBe('429 30% (Retry-After 1 s), 503 30%; seed 7');
  });

  it('refuses a wait longer than a timer takes (about 24 days), which would be cut to 1 ms', async () => {
    // A batch held QUEUED "for ever", to be processed by hand, would be processed at once.
    await expect(startSandbox({ port: 0, batchDelayMs: 2 ** 31 })).rejects.toThrow(
      'batchDelayMs must be a whole number from 0 to 2147483647 (about 24 days, the longest a timer waits); got 2147483648.',
    );
    await expect(startSandbox({ port: 0, webhookRetry: { timeoutMs: 2 ** 31 } })).rejects.toThrow(
      /^webhookRetry\.timeoutMs must be a whole number from 1 to 2147483647/,
    );
    const { sandbox } = await open();
    expect(() => sandbox.setFaults('latency=2147483648ms')).toThrow(
      'faults: "latency=2147483648ms" needs at most 2147483647 ms (about 24 days, the longest a timer waits).',
    );
    sandbox.setFaults('latency=2147483647ms');
    expect(sandbox.faults()).toMatch(/^latency 2147483647 ms at 100%/);
  });

  it('refuses a faults spec it cannot read, saying which entry', async () => {
    const { sandbox } = await open();
    const answer = await fetch(`${sandbox.controlUrl}/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ faults: '429=150%' }),
    });
    expect(answer.status).toBe(422);
    expect((await answer.json()).detail).toBe(
      'faults: "429=150%" needs a rate between 0 and 100%, such as 10% or 0.1.',
    );
  });
});

describe("the client's create safety against the sandbox", () => {
  /** A client whose fetch turns the faults off after the first failed attempt, so that only the create meets them. */
  async function clientMeeting(faults: string) {
    const { sandbox, call } = await open();
    const client = createAutoCollectClient({
      baseUrl: sandbox.baseUrl,
      auth: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, tokenUrl: sandbox.tokenUrl },
      fetch: async (input, init) => {
        try {
          const response = await fetch(input, init);
          if (response.status === 429 || response.status >= 500) sandbox.setFaults('');
          return response;
        } catch (error) {
          sandbox.setFaults('');
          throw error;
        }
      },
    });
    const organizationId = sandbox.organizationId;
    await client.GET('/orgs/{organizationId}/invoices', { params: { path: { organizationId } } }); // the token, before the faults
    sandbox.setFaults(faults);
    const create = () =>
      client.POST('/orgs/{organizationId}/invoices', {
        params: { path: { organizationId } },
        body: { invoices: [newInvoice()] },
      });
    return { call, create };
  }

  it('finds the batch by IdempotencyKey when the connection was cut after the create landed', async () => {
    const { call, create } = await clientMeeting('reset=100%');
    const result = await settle(create());
    expect(result.response.status).toBe(202);
    const batches = (await call('GET', '{org}/batches')).body.data;
    expect(batches).toHaveLength(1);
    expect(result.data?.data.batchId).toBe(batches[0].batchId);
    expect((await call('GET', '{org}/invoices')).body.data).toHaveLength(1);
  });

  it('sends the create again when a 503 shows it did not land, and creates it once', async () => {
    const { call, create } = await clientMeeting('503=100%');
    const result = await settle(create());
    expect(result.response.status).toBe(202);
    expect((await call('GET', '{org}/batches')).body.data).toHaveLength(1);
  });

  it('waits out a 429 for its Retry-After before sending again', async () => {
    const { call, create } = await clientMeeting('429=100%,retry-after=2');
    const started = Date.now();
    const result = await settle(create());
    expect(result.response.status).toBe(202);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect((await call('GET', '{org}/invoices')).body.data).toHaveLength(1);
  });
});
