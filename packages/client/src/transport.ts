// The `fetch` openapi-fetch calls: it sends the Request openapi-fetch built with the
// current token, a deadline per attempt, retries where they are safe, and one replay
// with a fresh token after a 401. openapi-fetch builds the URL, the body and reads the
// response; this only sends.
import type { TokenProvider } from './auth.js';
import { deadline } from './deadline.js';
import { AuthenticationError, AutoCollectError, ConnectionError, TimeoutError } from './errors.js';
import type { Log } from './log.js';
import { backoffDelay, RETRYABLE_STATUSES, type RetryPolicy, retryAfterDelay, sleep } from './retry.js';
import { requestIdHeader } from './unwrap.js';

/**
 * A fetch to send with. It is called as openapi-fetch calls one, with a Request that carries
 * everything (method, headers, body, signal), and with the same as a RequestInit besides: a
 * fetch written `(request) => …` and one written `(input, init) => …` both send it whole.
 */
export type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** What one call tells the transport about itself; made by the call, never read off the Request. */
export interface Call {
  /** How log lines name it: method, path template and operationId. */
  name: string;
  /** Whether it may be sent more than once. */
  retryable: boolean;
  /** Whether to read the response body before answering (all but streamed calls). */
  buffer: boolean;
  /** The fetch to send it with, when the call has one of its own. */
  fetch?: Fetch | undefined;
  /**
   * For a create: finds out whether it landed after all, answering with its batch reference
   * (as the create's own 202 would) or undefined.
   */
  landed?: ((signal: AbortSignal) => Promise<Response | undefined>) | undefined;
}

/** Sends one call's Request (openapi-fetch's, after its middleware); `extra` is openapi-fetch's requestInitExt. */
export type Transport = (request: Request, call: Call, extra?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  fetch: Fetch;
  policy: RetryPolicy;
  timeoutMs: number;
  /** Where the bearer token comes from; none for the token request itself. */
  tokens?: TokenProvider | undefined;
  log: Log;
}

/** Statuses after which a request may or may not have been carried out. */
const AMBIGUOUS_STATUSES = new Set([500, 502, 503, 504]);
/** Connection failures that happen before anything is sent. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

export function createTransport(options: TransportOptions): Transport {
  const { policy, timeoutMs, tokens, log } = options;
  return async (input, call, extra) => {
    const signal = input.signal;
    const body = input.body === null ? null : await input.arrayBuffer();
    const { landed, name } = call;
    const fetch = call.fetch ?? options.fetch;
    const retryable = call.retryable && (!landed || policy.retryCreates);
    /** Before a create is sent again after an ambiguous failure: finds the batch it made, if it made one. */
    const check = landed && policy.verifyCreates ? () => landed(signal) : undefined;
    const where = `${input.method} ${describeUrl(input.url)}`;
    let retries = 0;
    let replayed = false;
    let attempt = 0;
    for (;;) {
      signal.throwIfAborted();
      attempt++;
      // The caller's abort (or waitForBatch's deadline) also ends waiting for a token; the
      // token's own time does not count against this attempt's timeout.
      const token = tokens ? await untilAborted(tokens.getToken(), signal) : undefined;
      if (token !== undefined && !TOKEN.test(token)) {
        throw new AuthenticationError(
          'The access token holds characters an HTTP header cannot carry (such as a line break); check where it comes from.',
        );
      }
      const limit = deadline(signal, timeoutMs, () => new TimeoutError(`${where} took longer than ${timeoutMs} ms.`));
      const headers = new Headers(input.headers);
      if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
      let response: Response;
      const started = performance.now();
      try {
        const init: RequestInit = { ...extra, ...requestInit(input), headers, body, signal: limit.signal };
        response = await fetch(new Request(input.url, init), init);
        if (!(response instanceof Response)) {
          throw new NotAResponse(
            `${where}: the fetch option answered ${describeValue(response)} instead of a Response; it must resolve to what fetch does.`,
          );
        }
        if (log.enabled('debug')) {
          const id = requestIdHeader(response.headers);
          log.debug(
            `${name} → ${response.status} in ${elapsed(started)} ms (attempt ${attempt}${id ? `, request id ${id}` : ''})`,
          );
        }
        // Read the body here, within the deadline and the retries, unless the caller streams it:
        // a body cut off mid-way is then a failed attempt like a reset connection. (A status that
        // may be retried or replayed is read below, once it is known to be the answer.)
        if (call.buffer && !RETRYABLE_STATUSES.has(response.status) && response.status !== 401) {
          response = await buffered(response);
          limit.clear();
          return response;
        }
      } catch (error) {
        limit.clear();
        signal.throwIfAborted();
        if (error instanceof NotAResponse) throw error; // a fault of the code, not of the connection: not retried
        const failure = limit.expired()
          ? (limit.signal.reason as TimeoutError)
          : error instanceof AutoCollectError
            ? error
            : new ConnectionError(`${where} failed: ${describeCause(error)}.`, { cause: error });
        const reason = failure instanceof TimeoutError ? `timed out after ${timeoutMs} ms` : describeCause(error);
        log.debug(`${name} failed in ${elapsed(started)} ms (attempt ${attempt}): ${reason}`);
        const transient = failure instanceof TimeoutError || failure instanceof ConnectionError;
        if (!retryable || !transient || retries >= policy.maxRetries) throw failure;
        const wait = backoffDelay(retries++, policy);
        log.info(
          `${name} failed (${reason}); retrying in ${Math.round(wait)} ms (retry ${retries} of ${policy.maxRetries}).`,
        );
        await sleep(wait, signal);
        if (!notSent(error)) {
          const found = await lookUp(name, reason, check, log).catch(() => {
            throw failure; // whether it landed cannot be told: do not risk sending it twice
          });
          if (found) return found;
        }
        continue;
      }
      // A 401 may mean the token expired early: fetch a new one and replay, once.
      if (response.status === 401 && tokens && token !== undefined && !replayed && tokens.invalidate(token)) {
        log.info(`${name} answered 401: the token may have expired early; sending it once more with a new one.`);
        replayed = true;
        limit.clear();
        await discard(response);
        continue;
      }
      if (retryable && RETRYABLE_STATUSES.has(response.status) && retries < policy.maxRetries) {
        const asked = retryAfterDelay(response.headers, policy);
        const wait = asked ?? backoffDelay(retries, policy);
        retries++;
        limit.clear();
        await discard(response);
        log.info(
          `${name} answered ${response.status}; retrying in ${Math.round(wait)} ms${asked === undefined ? '' : ', as Retry-After asks'} (retry ${retries} of ${policy.maxRetries}).`,
        );
        await sleep(wait, signal);
        if (AMBIGUOUS_STATUSES.has(response.status)) {
          const found = await lookUp(name, `answered ${response.status}`, check, log).catch(() => {
            throw new ConnectionError(
              `${where} answered ${response.status}, and whether it was carried out could not be checked; it is not sent again.`,
            );
          });
          if (found) return found;
        }
        continue;
      }
      // A streamed body is the caller's to read; the attempt's deadline still bounds it.
      if (!call.buffer) return response;
      try {
        return await buffered(response);
      } catch (error) {
        signal.throwIfAborted();
        throw limit.expired()
          ? (limit.signal.reason as TimeoutError)
          : new ConnectionError(`${where} failed: ${describeCause(error)}.`, { cause: error });
      } finally {
        limit.clear();
      }
    }
  };
}

/**
 * Before a create is sent again after a failure that leaves open whether it landed: looks
 * its batch up (through `check`), and says what it found.
 */
async function lookUp(
  name: string,
  reason: string,
  check: (() => Promise<Response | undefined>) | undefined,
  log: Log,
): Promise<Response | undefined> {
  if (!check) return undefined;
  const found = await check().catch((error: unknown) => {
    log.warn(`${name}: whether it was carried out could not be checked; it is not sent again.`);
    throw error;
  });
  if (found)
    log.info(`${name} ${reason}, yet its batch exists: answering with that batch instead of sending it again.`);
  else log.info(`${name} ${reason}, and no batch has its idempotency key: sending it again.`);
  return found;
}

const elapsed = (started: number) => Math.round(performance.now() - started);

/** What a Request says of how to send it, as fetch's init: everything but its headers, body and signal. */
function requestInit(request: Request): RequestInit {
  const { method, cache, credentials, integrity, keepalive, mode, redirect, referrer, referrerPolicy } = request;
  return { method, cache, credentials, integrity, keepalive, mode, redirect, referrer, referrerPolicy };
}

/** What a bearer token may hold: visible ASCII, no spaces or line breaks (RFC 6750's b64token, loosely). */
const TOKEN = /^[\x21-\x7e]+$/;

/** Settles as the promise does, or rejects with the signal's reason once it aborts; keeps no listener after. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Statuses whose responses have no body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** The response with its body read into memory; its url kept, as the one openapi-fetch hands back. */
async function buffered(response: Response): Promise<Response> {
  const bytes = await response.arrayBuffer();
  const { status, statusText, headers, url } = response;
  const body = NULL_BODY.has(status) || bytes.byteLength === 0 ? null : bytes;
  const copy = new Response(body, { status, statusText, headers });
  Object.defineProperty(copy, 'url', { value: url });
  return copy;
}

/** Whether a fetch failure happened before the request left: then it cannot have been carried out. */
function notSent(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === 'string' && NOT_SENT.has(code);
}

/** Frees the connection of a response that will not be read. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** Origin and path only: query strings are left out of messages. */
function describeUrl(url: string): string {
  const { origin, pathname } = new URL(url);
  return `${origin}${pathname}`;
}

/** A fetch that answered something other than a Response. */
class NotAResponse extends TypeError {}

/** A value as a message names it: its type, or `null`. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'Object'})`;
  return typeof value;
}

/** The most telling part of a fetch failure, such as ECONNREFUSED. */
function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message =
    typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code} (${message})` : message;
}
