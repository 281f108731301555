import { afterEach, describe, expect, it } from 'vitest';
import { TimeoutError } from '../src/index.js';
import { operations } from '../src/generated/autocollect.meta.js';
import { batchId, organizationId, testClient } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/server.js';
import { specExample } from './support/spec.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const finished = specExample('InvoiceBatchSucceeded');
const queued = { ...finished, data: { ...finished.data, status: 'QUEUED', finishedAt: null, succeeded: [] } };
const fast = { initialIntervalMs: 10, maxIntervalMs: 40 };

describe('waitForBatch', () => {
  it('polls GetBatchById until the batch is final and returns it', async () => {
    let polls = 0;
    server = await startServer((_request, response) => sendJson(response, 200, ++polls < 3 ? queued : finished));
    const batch = await testClient(server.origin).waitForBatch({ organizationId, batchId }, fast);
    expect(batch).toEqual(finished.data);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.url === `/collection/v1/orgs/${organizationId}/batches/${batchId}`)).toBe(true);
  });

  it('returns PARTIAL and FAILED batches too', async () => {
    for (const status of ['PARTIAL', 'FAILED']) {
      server = await startServer((_request, response) => sendJson(response, 200, { ...finished, data: { ...finished.data, status } }));
      expect((await testClient(server.origin).waitForBatch({ organizationId, batchId }, fast)).status).toBe(status);
      await server.close();
      server = undefined;
    }
  });

  it('waits as long as Retry-After says between polls', async () => {
    const times: number[] = [];
    server = await startServer((_request, response) => {
      times.push(Date.now());
      if (times.length === 1) response.writeHead(200, { 'content-type': 'application/json', 'retry-after': '1' }).end(JSON.stringify(queued));
      else sendJson(response, 200, finished);
    });
    await testClient(server.origin).waitForBatch({ organizationId, batchId }, fast);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('gives TimeoutError with the last status when the batch never finishes', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, queued));
    const error = await testClient(server.origin).waitForBatch({ organizationId, batchId }, { ...fast, timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe(`Batch ${batchId} did not finish within 200 ms (last status: QUEUED).`);
    expect(server.requests.length).toBeGreaterThan(1);
  });

  it('stops when the caller aborts', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, queued));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await testClient(server.origin).waitForBatch({ organizationId, batchId }, { ...fast, signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
  });

  it("polls the operation the spec's x-batch names", () => {
    const statusOperations = new Set(Object.values(operations).flatMap((op) => ('batch' in op ? [op.batch.statusOperation] : [])));
    expect([...statusOperations]).toEqual(['GetBatchById']);
    expect(operations['GET /orgs/{organizationId}/batches/{batchId}'].operationId).toBe('GetBatchById');
  });
});
