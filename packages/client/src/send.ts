// Sends one request, with a timeout per attempt and retries where they are safe.
import { deadline } from './deadline.js';
import { AutoCollectError, ConnectionError, TimeoutError } from './errors.js';
import { backoffDelay, RETRYABLE_STATUSES, type RetryPolicy, retryAfterDelay, sleep } from './retry.js';

export type FetchLike = (request: Request) => Promise<Response>;

export interface RequestParts {
  method: string;
  /** Owned by this request: each attempt sets its Authorization here. */
  headers: Headers;
  body?: BodyInit | null | undefined;
  /** Other RequestInit fields the caller passed (credentials, cache, …). */
  init?: RequestInit;
}

export interface SendOptions {
  /** A fetch to send Request objects to; without one, the global fetch is called with (url, init). */
  fetch?: FetchLike | undefined;
  policy: RetryPolicy;
  timeoutMs: number;
  /** Whether the request may be sent more than once. */
  retryable: boolean;
  /** The caller's signal: aborting it stops the request and any waiting, without retry. */
  signal?: AbortSignal | null | undefined;
  /** Completes each attempt's headers (such as the current token). */
  prepare?: (headers: Headers) => void | Promise<void>;
  /** Returns true to send the request again at once, outside the retry count (such as after refreshing a token). */
  replay?: (response: Response) => boolean;
  /** Receives a function that stops the returned response's timeout, for once its body has been read. */
  onDeadline?: (clear: () => void) => void;
}

export async function sendWithRetries(url: string, parts: RequestParts, options: SendOptions): Promise<Response> {
  const { policy, signal: callerSignal } = options;
  let retries = 0;
  for (;;) {
    // The deadline also bounds reading the body, so it runs until the caller has read it.
    const limit = deadline(
      callerSignal,
      options.timeoutMs,
      () => new TimeoutError(`${parts.method} ${describeUrl(url)} took longer than ${options.timeoutMs} ms.`),
    );
    await options.prepare?.(parts.headers);
    const init: RequestInit = {
      redirect: 'follow',
      ...parts.init,
      method: parts.method,
      headers: parts.headers,
      body: parts.body ?? null,
      signal: limit.signal,
    };
    // undici follows a Request's signal only while the Request is alive: a Request made here
    // is kept referenced until its fetch settles and while its response lives, or a timeout
    // could be lost to garbage collection. The global fetch is given (url, init): no Request.
    const custom = options.fetch;
    const request = custom ? new Request(url, init) : undefined;
    let response: Response;
    try {
      response = custom && request ? await custom(request) : await fetch(url, init);
    } catch (error) {
      limit.clear();
      if (callerSignal?.aborted) throw callerSignal.reason;
      const failure = limit.expired()
        ? (limit.signal.reason as TimeoutError)
        : error instanceof AutoCollectError
          ? error
          : new ConnectionError(`${parts.method} ${describeUrl(url)} failed: ${describeCause(error)}.`, {
              cause: error,
            });
      if (
        !options.retryable ||
        retries >= policy.maxRetries ||
        !(failure instanceof TimeoutError || failure instanceof ConnectionError)
      )
        throw failure;
      await sleep(backoffDelay(retries++, policy), callerSignal ?? undefined);
      continue;
    } finally {
      keepAlive(request);
    }

    if (request) requestOf.set(response, request);
    options.onDeadline?.(limit.clear);
    if (options.replay?.(response)) {
      limit.clear();
      await discard(response);
      continue;
    }
    if (options.retryable && RETRYABLE_STATUSES.has(response.status) && retries < policy.maxRetries) {
      const wait = retryAfterDelay(response.headers, policy) ?? backoffDelay(retries, policy);
      retries++;
      limit.clear();
      await discard(response);
      await sleep(wait, callerSignal ?? undefined);
      continue;
    }
    return response;
  }
}

/** Does nothing, visibly: holds a reference until the point where it is called. */
function keepAlive(_value: unknown): void {}

/** Keeps each request alive while its response body may still be read, so the deadline can still abort it. */
const requestOf = new WeakMap<Response, Request>();

/** Frees the connection of a response that will not be read. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** Origin and path only: query strings are left out of messages. */
function describeUrl(url: string): string {
  const { origin, pathname } = new URL(url);
  return `${origin}${pathname}`;
}

/** The most telling part of a fetch failure, such as ECONNREFUSED. */
function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message =
    typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code} (${message})` : message;
}
