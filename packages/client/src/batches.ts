// Waits for the batch a create operation answered with.
import { assertTimerDelay, Deadline } from './deadline.js';
import { TimeoutError } from './errors.js';
import type { components } from './generated/autocollect.js';
import { concealed } from './read-response.js';
import { DEFAULT_RETRY, retryAfterDelay, sleep } from './retry.js';
import { apiError, unwrap } from './unwrap.js';

type Batch = components['schemas']['Batch'];
type BatchStatus = components['schemas']['BatchStatus'];
type FinalBatchStatus = 'SUCCESS' | 'PARTIAL' | 'FAILED';

/**
 * A batch that has finished: its status is final, and `succeeded` and `failed` are there,
 * empty when Amili leaves them out, so they can be read without a check.
 */
export type FinishedBatch = Omit<Batch, 'status' | 'succeeded' | 'failed'> & {
  status: FinalBatchStatus;
  succeeded: NonNullable<Batch['succeeded']>;
  failed: NonNullable<Batch['failed']>;
};

/** The states a batch ends in; anything else (QUEUED) means keep waiting. */
export const FINAL_BATCH_STATUSES: ReadonlySet<BatchStatus> = new Set<FinalBatchStatus>([
  'SUCCESS',
  'PARTIAL',
  'FAILED',
]);

const isFinal = (status: BatchStatus | undefined): status is FinalBatchStatus =>
  status !== undefined && FINAL_BATCH_STATUSES.has(status);

export interface BatchRef {
  organizationId: string;
  batchId: string;
}

export interface WaitForBatchOptions {
  /** Give up after this long with a TimeoutError. Default 120 000 ms. */
  timeoutMs?: number;
  /** Stops waiting when aborted. */
  signal?: AbortSignal;
  /** The first wait between polls; it doubles up to `maxIntervalMs`. Default 1 000 ms. */
  initialIntervalMs?: number;
  /** The longest wait between polls. Default 10 000 ms. */
  maxIntervalMs?: number;
}

export type WaitForBatch = (batch: BatchRef, options?: WaitForBatchOptions) => Promise<FinishedBatch>;

type BatchGetter = (
  path: '/orgs/{organizationId}/batches/{batchId}',
  init: { params: { path: BatchRef }; signal: AbortSignal },
) => Promise<{ data?: { data: Batch }; error?: unknown; response: Response }>;

/** Polls GetBatchById, backing off between polls and honouring Retry-After, until the batch is final. */
export async function waitForBatch(
  client: { GET: unknown },
  batch: BatchRef,
  options: WaitForBatchOptions = {},
): Promise<FinishedBatch> {
  const { timeoutMs = 120_000, initialIntervalMs = 1_000, maxIntervalMs = 10_000 } = options;
  for (const [name, value] of Object.entries({ timeoutMs, initialIntervalMs, maxIntervalMs })) {
    assertTimerDelay('waitForBatch', name, value);
  }
  const timedOut = (status: string) =>
    new TimeoutError(`Batch ${batch.batchId} did not finish within ${timeoutMs} ms (last status: ${status}).`);
  let lastStatus = 'not read yet';
  const limit = new Deadline(options.signal);
  limit.start(timeoutMs, () => timedOut(lastStatus));
  const { signal } = limit;
  const get = client.GET as BatchGetter;
  try {
    for (
      let interval = Math.min(initialIntervalMs, maxIntervalMs);
      ;
      interval = Math.min(interval * 2, maxIntervalMs)
    ) {
      const result = await get('/orgs/{organizationId}/batches/{batchId}', { params: { path: batch }, signal });
      const body = unwrap(result);
      const current = body?.data;
      if (!current || typeof current !== 'object') {
        throw apiError(result.response, body, 'the batch response has no data');
      }
      const { status } = current;
      if (isFinal(status)) {
        return {
          ...current,
          status,
          succeeded: listed(current, 'succeeded', result.response, body),
          failed: listed(current, 'failed', result.response, body),
        };
      }
      // Named in the TimeoutError: without the token, which a server may echo anywhere.
      lastStatus = concealed(result.response, status ?? 'unknown');
      // Retry-After may ask for a longer wait, never a shorter one: "0" is not a call to poll
      // without pause. The deadline ends a wait that would outlast it, at timeoutMs.
      const wait = Math.max(retryAfterDelay(result.response.headers, DEFAULT_RETRY) ?? 0, interval);
      await sleep(wait, signal);
    }
  } finally {
    limit.clear();
  }
}

/** A finished batch's items of one kind: none when Amili leaves them out or sends null; an ApiError when they are no list. */
function listed<Name extends 'succeeded' | 'failed'>(
  batch: Batch,
  name: Name,
  response: Response,
  body: unknown,
): NonNullable<Batch[Name]> {
  const items: unknown = batch[name];
  if (items == null) return [];
  if (!Array.isArray(items)) throw apiError(response, body, `the batch's ${name} is not a list`);
  return items as NonNullable<Batch[Name]>;
}
