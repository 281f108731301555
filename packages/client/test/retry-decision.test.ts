// What the transport does after an attempt, decided without a socket: `decide` takes the
// attempt's response (or how it failed) and what the call's attempts allow, and says answer,
// replay with a new token, or wait and send again, looking a create up first.
import { describe, expect, it } from 'vitest';
import { type Attempts, DEFAULT_RETRY, decide, type Failure, type RetryPolicy } from '../src/retry.js';

/** The default policy: 2 retries, backoff from 500 ms doubling to at most 8 s, Retry-After up to 60 s. */
const policy: RetryPolicy = DEFAULT_RETRY;
/** A call's first attempt: one that may be repeated (a GET), with a token that can be renewed. */
const read = (attempts: Partial<Attempts> = {}): Attempts => ({
  retries: 0,
  retryable: true,
  verify: false,
  replayable: true,
  ...attempts,
});
/** A create's first attempt, with verifyCreates on. */
const create = (attempts: Partial<Attempts> = {}) => read({ verify: true, ...attempts });
const answered = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

const AMBIGUOUS = [500, 502, 503, 504];
const NOT_CARRIED_OUT = [408, 429];

describe('decide', () => {
  it('answers with a success, and with any status no retry mends', () => {
    for (const status of [200, 202, 204, 400, 403, 404, 409, 422, 501, 505]) {
      expect(decide(answered(status), read(), policy), String(status)).toBe('answer');
    }
  });

  it('retries 408, 429, 500, 502, 503 and 504, backing off with jitter: half to all of 500 ms, doubling each retry', () => {
    for (const status of [...NOT_CARRIED_OUT, ...AMBIGUOUS]) {
      const first = decide(answered(status), read(), policy);
      expect(first, String(status)).toMatchObject({ lookUp: false, retryAfter: false });
      expect((first as { wait: number }).wait).toBeGreaterThanOrEqual(250);
      expect((first as { wait: number }).wait).toBeLessThanOrEqual(500);
      const second = decide(answered(status), read({ retries: 1 }), policy) as { wait: number };
      expect(second.wait).toBeGreaterThanOrEqual(500);
      expect(second.wait).toBeLessThanOrEqual(1_000);
    }
  });

  it('backs off at most maxDelayMs', () => {
    const late = decide(answered(503), read({ retries: 9 }), { ...policy, maxRetries: 10 }) as { wait: number };
    expect(late.wait).toBeGreaterThanOrEqual(4_000);
    expect(late.wait).toBeLessThanOrEqual(8_000);
  });

  it('waits as long as Retry-After asks, in seconds or as an HTTP date', () => {
    expect(decide(answered(429, { 'retry-after': '3' }), read(), policy)).toEqual({
      wait: 3_000,
      retryAfter: true,
      lookUp: false,
      resend: true,
    });
    const date = new Date(Date.now() + 10_000).toUTCString();
    const byDate = decide(answered(503, { 'retry-after': date }), read(), policy) as { wait: number };
    expect(byDate.wait).toBeGreaterThan(8_000);
    expect(byDate.wait).toBeLessThanOrEqual(10_000);
  });

  it('waits no longer than maxRetryAfterMs, however long Retry-After asks', () => {
    expect(decide(answered(503, { 'retry-after': '86400' }), read(), policy)).toMatchObject({ wait: 60_000 });
    const capped = { ...policy, maxRetryAfterMs: 5_000 };
    expect(decide(answered(429, { 'retry-after': '86400' }), read(), capped)).toMatchObject({ wait: 5_000 });
  });

  it('backs off as usual when Retry-After cannot be read, even where Date.parse would read a date into it', () => {
    // "1, 1" is what Headers gives for a Retry-After sent twice; Date.parse takes it, "-1",
    // "abc 1" and "+5" for dates in 2001, which would mean no wait at all.
    for (const value of ['soon', '-1', '1, 1', 'abc 1', '+5', '2030-01-01']) {
      const decision = decide(answered(503, { 'retry-after': value }), read(), policy);
      expect(decision, value).toMatchObject({ retryAfter: false });
      expect((decision as { wait: number }).wait, value).toBeGreaterThanOrEqual(250);
      expect((decision as { wait: number }).wait, value).toBeLessThanOrEqual(500);
    }
  });

  it('a create answered 500, 502, 503 or 504 is looked up before it is sent again; after 408 or 429 it is not', () => {
    for (const status of AMBIGUOUS) expect(decide(answered(status), create(), policy)).toMatchObject({ lookUp: true });
    for (const status of NOT_CARRIED_OUT) {
      expect(decide(answered(status), create(), policy)).toMatchObject({ lookUp: false });
    }
  });

  it('verifyCreates: false sends a create again without a look-up', () => {
    for (const outcome of [answered(503), 'timeout', 'lost'] as const) {
      expect(decide(outcome, create({ verify: false }), policy)).toMatchObject({ lookUp: false });
    }
  });

  it('retryCreates: false (or a POST without an idempotency key) answers with the first failure', () => {
    for (const outcome of [answered(503), answered(429), 'timeout', 'lost', 'unsent'] as const) {
      expect(decide(outcome, create({ retryable: false }), policy)).toBe('answer');
    }
  });

  it('a timeout, or a connection lost after sending, is retried; a create is looked up first', () => {
    for (const failure of ['timeout', 'lost'] as Failure[]) {
      const decision = decide(failure, read(), policy);
      expect(decision, failure).toMatchObject({ lookUp: false, retryAfter: false });
      expect((decision as { wait: number }).wait).toBeLessThanOrEqual(500);
      expect(decide(failure, create(), policy), failure).toMatchObject({ lookUp: true });
    }
  });

  it('a connection that failed before anything was sent is retried, a create without a look-up', () => {
    expect(decide('unsent', read(), policy)).toMatchObject({ lookUp: false });
    expect(decide('unsent', create(), policy)).toMatchObject({ lookUp: false });
  });

  it("the caller's abort, and a fault no retry mends, are answered at once", () => {
    for (const failure of ['aborted', 'fault'] as Failure[]) {
      expect(decide(failure, create(), policy), failure).toBe('answer');
    }
  });

  it('a 401 is replayed once with a new token, even for a call that may not be repeated; then it is the answer', () => {
    expect(decide(answered(401), read(), policy)).toBe('replay');
    expect(decide(answered(401), create({ retryable: false }), policy)).toBe('replay');
    expect(decide(answered(401), read({ replayable: false }), policy)).toBe('answer');
  });

  it('once the retries are spent, the last answer or failure is the answer; a create that may have landed is looked up once more first', () => {
    const spent = { retries: policy.maxRetries };
    for (const outcome of [answered(503), answered(429), 'timeout', 'lost', 'unsent'] as const) {
      expect(decide(outcome, read(spent), policy)).toBe('answer');
    }
    for (const outcome of [answered(429), 'unsent'] as const)
      expect(decide(outcome, create(spent), policy)).toBe('answer');
    for (const outcome of [answered(503), 'timeout', 'lost'] as const) {
      const last = decide(outcome, create(spent), policy);
      expect(last).toMatchObject({ lookUp: true, resend: false });
      expect((last as { wait: number }).wait).toBeGreaterThanOrEqual(1_000);
      expect((last as { wait: number }).wait).toBeLessThanOrEqual(2_000);
    }
    // With no retries at all (retry: false), nothing is looked up either.
    for (const failure of ['lost', 'timeout'] as const) {
      expect(decide(failure, read(), { ...policy, maxRetries: 0 })).toBe('answer');
      expect(decide(failure, create(), { ...policy, maxRetries: 0 })).toBe('answer');
    }
  });
});
