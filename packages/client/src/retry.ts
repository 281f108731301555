// When and how long to wait before trying a request again, and what follows each attempt.

import { onAbort } from './on-abort.js';

export interface RetryOptions {
  /** How many times to retry after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  /** The first backoff delay; it doubles on each retry. Default 500 ms. */
  initialDelayMs?: number | undefined;
  /** The longest backoff delay. Default 8 s. */
  maxDelayMs?: number | undefined;
  /** The longest wait a `Retry-After` header can ask for. Default 60 s. */
  maxRetryAfterMs?: number | undefined;
  /** Whether creates (CreateInvoices, CreatePayments, CreateCorrections) are retried at all. Default true. */
  retryCreates?: boolean | undefined;
  /**
   * After a create fails in a way that leaves open whether it landed (a timeout, a connection
   * lost after sending, 500, 502, 503 or 504), look its batch up by IdempotencyKey before
   * sending it again, and answer with that batch if it is there. Default true.
   */
  verifyCreates?: boolean | undefined;
}

/** The settings a client retries by: every one given, none undefined. */
export type RetryPolicy = { [K in keyof RetryOptions]-?: Exclude<RetryOptions[K], undefined> };

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  retryCreates: true,
  verifyCreates: true,
};
export const NO_RETRY: RetryPolicy = { ...DEFAULT_RETRY, maxRetries: 0 };

/** Statuses worth another attempt: timeouts, rate limits and passing server failures. */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Methods that are safe to repeat; others only with an idempotency key. */
export const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function retryPolicy(option: RetryOptions | false | undefined, caller: string): RetryPolicy {
  if (option === false) return NO_RETRY;
  if (option !== undefined && (option === null || typeof option !== 'object')) {
    throw new TypeError(`${caller}: retry must be an object such as { maxRetries: 2 }, or false.`);
  }
  // A setting left undefined keeps its default, as every other option's does.
  const policy = { ...DEFAULT_RETRY };
  for (const [key, value] of Object.entries(option ?? {}))
    if (value !== undefined) Object.assign(policy, { [key]: value });
  for (const [key, value] of Object.entries(policy)) {
    if (key === 'retryCreates' || key === 'verifyCreates') {
      if (typeof value !== 'boolean') {
        throw new TypeError(`${caller}: retry.${key} must be true or false; got ${JSON.stringify(value)}.`);
      }
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new TypeError(`${caller}: retry.${key} must be a number of at least 0; got ${JSON.stringify(value)}.`);
    }
  }
  return policy;
}

/** Exponential backoff with jitter: about initialDelayMs × 2^retry, at most maxDelayMs. */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** retry);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * An HTTP date as servers send it (IMF-fixdate, as toUTCString writes it, which every engine's
 * Date.parse reads). Anything else is not handed to Date.parse, which reads "-1" or "1, 1" (a
 * header sent twice) as a date in 2001, and so as no wait at all.
 */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** The wait a `Retry-After` header asks for (seconds or an HTTP date), capped; undefined if absent or unreadable. */
export function retryAfterDelay(headers: Headers, policy: RetryPolicy, now = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  // A date is on the server's clock: the wait is counted from the server's own Date when it
  // sends one, so that this machine's clock being off neither cuts the wait nor stretches it.
  // A Date that is no date (hour 25, an unknown month) is left out, as if the server sent none.
  const date = headers.get('date')?.trim();
  const sent = date && HTTP_DATE.test(date) ? Date.parse(date) : Number.NaN;
  const serverNow = Number.isNaN(sent) ? now : sent;
  const ms = /^\d+(\.\d+)?$/.test(value)
    ? Number(value) * 1000
    : HTTP_DATE.test(value)
      ? Date.parse(value) - serverNow
      : Number.NaN;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), policy.maxRetryAfterMs);
}

/** Waits, unless the signal aborts first (then rejects with its reason). */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return untilAborted(new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), signal).finally(() =>
    clearTimeout(timer),
  );
}

/** Settles as the promise does, or rejects with the signal's reason once it aborts; keeps no listener after. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const unfollow = onAbort(signal, () => reject(signal.reason));
    promise.then(resolve, reject).finally(unfollow);
  });
}

/**
 * How an attempt failed: the caller aborted it; it ran out of time, or lost its connection
 * after sending (it may have been carried out); its connection failed before anything was
 * sent; or a fault no retry mends (such as a fetch that answered no Response).
 */
export type Failure = 'aborted' | 'timeout' | 'lost' | 'unsent' | 'fault';

/** What a call's attempts so far allow; the transport keeps one per call. */
export interface Attempts {
  /** Retries made so far. */
  retries: number;
  /** Whether the call may be sent more than once. */
  retryable: boolean;
  /** Whether a create is looked up before it is sent again, when it may have landed. */
  verify: boolean;
  /** Whether a 401 is worth a replay: a fresh token can be had, and the call has not been replayed. */
  replayable: boolean;
}

/**
 * What to do after an attempt: answer with it (or throw how it failed); replay it at once
 * with a new token; or wait, and send it again (`resend`), looking the create up first if it
 * may have landed; or, its retries spent, only look it up, answering with the attempt if it is not there.
 */
export type Decision = 'answer' | 'replay' | { wait: number; retryAfter: boolean; lookUp: boolean; resend: boolean };

/**
 * What follows an attempt, from its response or how it failed and what the call's attempts
 * allow. It sends nothing and keeps nothing: a test needs no socket.
 */
export function decide(outcome: Response | Failure, attempts: Attempts, policy: RetryPolicy): Decision {
  const failed = typeof outcome === 'string';
  if (failed) {
    if (outcome === 'aborted' || outcome === 'fault') return 'answer';
  } else if (outcome.status === 401 && attempts.replayable) return 'replay';
  else if (!RETRYABLE_STATUSES.has(outcome.status)) return 'answer';
  if (!attempts.retryable) return 'answer';
  // A 5xx, a timeout or a connection lost after sending leaves open whether it was carried out.
  const lookUp = attempts.verify && (failed ? outcome !== 'unsent' : outcome.status >= 500);
  // Its retries spent, a create that may have landed is looked up once more: the last attempt
  // may be the one that made its batch. With no retries at all, nothing more is sent.
  const resend = attempts.retries < policy.maxRetries;
  if (!resend && (!lookUp || policy.maxRetries === 0)) return 'answer';
  const asked = failed ? undefined : retryAfterDelay(outcome.headers, policy);
  return { wait: asked ?? backoffDelay(attempts.retries, policy), retryAfter: asked !== undefined, lookUp, resend };
}
