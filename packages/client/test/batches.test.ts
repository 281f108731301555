import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { components } from '../src/generated/autocollect.js';
import { operations } from '../src/generated/autocollect.meta.js';
import { ApiError, TimeoutError } from '../src/index.js';
import { failureOf, runClock, until } from './support/clock.js';
import { batchId, organizationId, testClient } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/server.js';
import { loadSpec, specExample } from './support/spec.js';

let server: TestServer | undefined;

const finished = specExample('InvoiceBatchSucceeded');
const queued = { ...finished, data: { ...finished.data, status: 'QUEUED', finishedAt: null, succeeded: [] } };

/** A batch API that answers `queued` until poll number `finishOn`, recording when each poll came (fake clock). */
async function batchApi(finishOn = Number.POSITIVE_INFINITY, headers: Record<string, string> = {}) {
  const times: number[] = [];
  server = await startServer((_request, response) => {
    times.push(Date.now());
    response
      .writeHead(200, { 'content-type': 'application/json', ...headers })
      .end(JSON.stringify(times.length >= finishOn ? finished : queued));
  });
  return { origin: server.origin, times, gaps: () => times.slice(1).map((time, i) => time - times[i]!) };
}

describe('waitForBatch', () => {
  it('polls GetBatchById until the batch is final and returns it, the interval doubling from 1 s', async () => {
    const api = await batchApi(4);
    const batch = await runClock(testClient(api.origin).waitForBatch({ organizationId, batchId }));
    expect(batch).toEqual(finished.data);
    expect(server!.requests).toHaveLength(4);
    expect(server!.requests.every((r) => r.url === `/collection/v1/orgs/${organizationId}/batches/${batchId}`)).toBe(
      true,
    );
    const expected = [1_000, 2_000, 4_000];
    api.gaps().forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(expected[i]!);
      expect(gap).toBeLessThan(expected[i]! + 100);
    });
  });

  it('never waits longer than maxIntervalMs between polls', async () => {
    const api = await batchApi(6);
    await runClock(
      testClient(api.origin).waitForBatch(
        { organizationId, batchId },
        { initialIntervalMs: 2_000, maxIntervalMs: 5_000 },
      ),
    );
    expect(api.gaps().map((gap) => Math.floor(gap / 1_000) * 1_000)).toEqual([2_000, 4_000, 5_000, 5_000, 5_000]);
  });

  it('returns the lists of what succeeded and what failed, empty where Amili leaves them out', async () => {
    const { succeeded: _, failed: __, ...bare } = finished.data;
    server = await startServer((_request, response) => sendJson(response, 200, { ...finished, data: bare }));
    const batch = await runClock(testClient(server.origin).waitForBatch({ organizationId, batchId }));
    expectTypeOf(batch.succeeded).toEqualTypeOf<NonNullable<components['schemas']['Batch']['succeeded']>>();
    expectTypeOf(batch.status).toEqualTypeOf<'SUCCESS' | 'PARTIAL' | 'FAILED'>();
    expect([batch.status, batch.succeeded, batch.failed]).toEqual(['SUCCESS', [], []]);
  });

  it('returns PARTIAL and FAILED batches too', async () => {
    for (const status of ['PARTIAL', 'FAILED']) {
      server = await startServer((_request, response) =>
        sendJson(response, 200, { ...finished, data: { ...finished.data, status } }),
      );
      expect((await runClock(testClient(server.origin).waitForBatch({ organizationId, batchId }))).status).toBe(status);
      await server.close();
      server = undefined;
    }
  });

  it('takes Retry-After as a longer wait, never a shorter one: "0" or a past date does not make it poll without pause', async () => {
    for (const retryAfter of ['0', new Date(Date.now() - 60_000).toUTCString()]) {
      const api = await batchApi(3, { 'retry-after': retryAfter });
      await runClock(testClient(api.origin).waitForBatch({ organizationId, batchId }));
      expect(api.gaps().map((gap) => Math.floor(gap / 1_000) * 1_000)).toEqual([1_000, 2_000]);
      await server!.close();
      server = undefined;
    }
  });

  it('waits no longer than maxIntervalMs before the first poll either', async () => {
    const api = await batchApi(3);
    await runClock(
      testClient(api.origin).waitForBatch(
        { organizationId, batchId },
        { initialIntervalMs: 2_000, maxIntervalMs: 200 },
      ),
    );
    expect(api.gaps().map((gap) => Math.floor(gap / 100) * 100)).toEqual([200, 200]);
  });

  it('a missing or malformed batchId fails at once, before polling another URL', async () => {
    const api = await batchApi(1);
    for (const bad of [undefined, {}, null]) {
      const error = await failureOf(
        testClient(api.origin).waitForBatch({ organizationId, batchId: bad as unknown as string }),
      );
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/path parameter batchId is .*, which would change the path/);
    }
    expect(api.times).toHaveLength(0);
  });

  it('keeps the process alive while it waits, even on a fetch that holds no socket, until timeoutMs', async () => {
    vi.useRealTimers();
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const before = timers();
    const client = testClient('http://127.0.0.1:9', { fetch: () => new Promise<Response>(() => undefined) });
    const waiting = client.waitForBatch({ organizationId, batchId }, { timeoutMs: 200 });
    // Its deadline and the attempt's timeout hold the event loop: the process cannot end before them.
    expect(timers()).toBeGreaterThan(before);
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('waits as long as Retry-After says between polls', async () => {
    const api = await batchApi(2, { 'retry-after': '7' });
    await runClock(testClient(api.origin).waitForBatch({ organizationId, batchId }));
    expect(api.gaps()[0]).toBeGreaterThanOrEqual(7_000);
    expect(api.gaps()[0]).toBeLessThan(7_000 + 100);
  });

  it('gives TimeoutError with the last status when the batch never finishes, at the limit and not before', async () => {
    const api = await batchApi();
    const started = Date.now();
    const error = await failureOf(
      testClient(api.origin).waitForBatch({ organizationId, batchId }, { timeoutMs: 20_000 }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe(`Batch ${batchId} did not finish within 20000 ms (last status: QUEUED).`);
    // Polls at 0, 1, 3, 7 and 15 s; the next would come after the limit, which ends the wait.
    expect(api.times.map((time) => Math.floor((time - started) / 1_000))).toEqual([0, 1, 3, 7, 15]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(20_000);
    expect(Date.now() - started).toBeLessThan(20_100);
  });

  it('stops when the caller aborts, at once', async () => {
    const api = await batchApi();
    const controller = new AbortController();
    const waiting = testClient(api.origin).waitForBatch({ organizationId, batchId }, { signal: controller.signal });
    await until(() => api.times.length === 1, 'the first poll');
    const abortedAt = Date.now();
    controller.abort();
    const error = await failureOf(waiting);
    expect((error as Error).name).toBe('AbortError');
    expect(Date.now()).toBe(abortedAt);
    expect(api.times).toHaveLength(1);
  });

  it('refuses a timeout or interval no timer can wait, instead of timing out at once', async () => {
    const api = await batchApi(1);
    const client = testClient(api.origin);
    for (const waitOptions of [
      { timeoutMs: 2 ** 31 },
      { maxIntervalMs: Number.POSITIVE_INFINITY },
      { initialIntervalMs: 0 },
    ]) {
      const error = await failureOf(client.waitForBatch({ organizationId, batchId }, waitOptions));
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(
        /^waitForBatch: \w+ must be a positive number of milliseconds, at most 2147483647/,
      );
    }
    expect(api.times).toEqual([]);
    // The longest a timer waits is taken.
    const batch = await client.waitForBatch({ organizationId, batchId }, { timeoutMs: 2 ** 31 - 1 });
    expect(batch.status).toBe('SUCCESS');
  });

  it('returns empty lists where Amili sends null, and an ApiError where it sends something that is no list', async () => {
    const answering = (lists: object) =>
      startServer((_request, response) =>
        sendJson(response, 200, { ...finished, data: { ...finished.data, ...lists } }),
      );
    server = await answering({ succeeded: null, failed: null });
    const batch = await runClock(testClient(server.origin).waitForBatch({ organizationId, batchId }));
    expect([batch.succeeded, batch.failed]).toEqual([[], []]);
    await server.close();
    server = await answering({ failed: 'none' });
    const error = await failureOf(testClient(server.origin).waitForBatch({ organizationId, batchId }));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(/the batch's failed is not a list/);
  });

  it('a 200 without data is an ApiError, not a crash', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, { summary: { status: 'SUCCESS' } }));
    const error = await failureOf(testClient(server.origin).waitForBatch({ organizationId, batchId }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, operationId: 'GetBatchById' });
    expect((error as Error).message).toMatch(/the batch response has no data/);
  });

  it("polls the operation the spec's x-batch names", () => {
    const spec = loadSpec();
    const statusOperations = new Set(
      Object.values<any>(spec.paths).flatMap((item) =>
        Object.values<any>(item).flatMap((op) => (op?.['x-batch'] ? [op['x-batch'].statusOperation] : [])),
      ),
    );
    expect([...statusOperations]).toEqual(['GetBatchById']);
    expect(operations['GET /orgs/{organizationId}/batches/{batchId}'].operationId).toBe('GetBatchById');
  });
});
