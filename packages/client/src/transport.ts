// The `fetch` openapi-fetch calls: it sends the Request openapi-fetch built with the
// current token and a deadline per attempt. Each attempt ends in one decision (`decide`):
// answer, replay once with a fresh token after a 401, or wait and send again where that is
// safe, looking a create up first. openapi-fetch builds the URL, the body and reads the
// response; this only sends.
import type { TokenProvider } from './auth.js';
import { Deadline } from './deadline.js';
import { assertSecureUrl } from './endpoints.js';
import { ApiError, AuthenticationError, AutoCollectError, ConnectionError, TimeoutError } from './errors.js';
import type { Log } from './log.js';
import { PlainRequest } from './plain-request.js';
import { BodyTooLarge, MAX_BODY_BYTES, ReadResponse, readBody, withoutToken } from './read-response.js';
import { withoutSecrets } from './redact.js';
import { type Attempts, type Decision, decide, type Failure, type RetryPolicy, sleep, untilAborted } from './retry.js';
import { apiError, type CallInfo, recordCall, requestIdHeader } from './unwrap.js';

/**
 * A fetch to send with. It is called as openapi-fetch calls one, with a Request that carries
 * everything (method, headers, body, signal), and with the same as a RequestInit besides: a
 * fetch written `(request) => …` and one written `(input, init) => …` both send it whole.
 */
export type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** What one call tells the transport about itself; made by the call, never read off the Request. */
export interface Call {
  /** Its method, path template and operationId, by which log lines and errors name it. */
  info: CallInfo;
  /** Whether it may be sent more than once. */
  retryable: boolean;
  /**
   * The header its idempotency key goes in, when it has one: the key it is sent with is read off
   * what is sent (middleware may change it), and one sent without it is never sent again.
   */
  keyHeader?: string | undefined;
  /** Whether to read the response body before answering (all but streamed calls). */
  buffer: boolean;
  /** Whether its caller may read the answer as a stream instead (parseAs), as the token request's may not be. */
  streamable?: boolean | undefined;
  /** The fetch to send it with, when the call has one of its own. */
  fetch?: Fetch | undefined;
  /** The caller's signal: aborting it ends the call, whatever attempt it is at. */
  signal?: AbortSignal | undefined;
  /**
   * The first attempt's deadline, when openapi-fetch's Request was made to follow its signal
   * (the caller's signal reaches middleware through it).
   */
  first?: Deadline | undefined;
  /** The Request openapi-fetch built, following `first`: a fetch of the caller's is given it as it is, unless middleware replaced it. */
  built?: Request | undefined;
  /**
   * For a create: finds out whether it landed after all, answering with its batch reference
   * (as the create's own 202 would) or undefined.
   */
  landed?: ((idempotencyKey: string, signal: AbortSignal | undefined) => Promise<Response | undefined>) | undefined;
}

/**
 * Sends one call's Request (openapi-fetch's, after its middleware, or the URL and init of one
 * that only the transport reads); `extra` is openapi-fetch's requestInitExt.
 */
export type Transport = (request: Request | PlainRequest, call: Call, extra?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** The caller's fetch; none for the platform's, looked up at each call. */
  fetch?: Fetch | undefined;
  policy: RetryPolicy;
  timeoutMs: number;
  /** Where the bearer token comes from; none for the token request itself. */
  tokens?: TokenProvider | undefined;
  /** A secret the requests carry (the client secret, in the token request's body): never in what a failure says. */
  secret?: string | undefined;
  log: Log;
}

/** Connection failures that happen before anything is sent. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
const UNCHECKED = 'and whether it was carried out could not be checked';

export function createTransport(options: TransportOptions): Transport {
  const { policy, timeoutMs, tokens, log, secret } = options;
  /** The last token found fit for a header, so that the same token is not checked on every call. */
  let checked: string | undefined;
  /** Origins a token may go to (https, or http on this machine), once checked. */
  const secureOrigins = new Set<string>();
  return async (input, call, extra) => {
    const { signal, info, landed } = call;
    const name = `${info.method} ${info.path}${info.operationId ? ` ${info.operationId}` : ''}`;
    const fetch = call.fetch ?? options.fetch;
    const where = () => `${input.method} ${describeUrl(input.url)}`;
    const timedOut = () => new TimeoutError(`${where()} took longer than ${timeoutMs} ms.`);
    // A body is read once, to be sent again on a retry; a Request without one is sent as it is.
    // A Blob: Node 20's fetch detaches an ArrayBuffer body it sends, and fails on a redirect.
    // A stream that stalls is given up at timeoutMs, or when the caller aborts.
    let body: Blob | undefined;
    if (!(input instanceof PlainRequest) && input.body !== null) {
      const reading = new Deadline(signal);
      reading.start(
        timeoutMs,
        () => new TimeoutError(`${where()}: its body took longer than ${timeoutMs} ms to read.`),
      );
      body = await reading.race(input.blob()).finally(() => reading.clear());
    }
    // The token goes on the Request only while an attempt sends it: middleware that logs the
    // Request's headers afterwards never sees it.
    const authorization = input.headers.get('Authorization');
    // The idempotency key as it goes out: a middleware may have set its own, or taken it off.
    // One left empty tells no repeat apart: sent once, as one without a key.
    const key = call.keyHeader === undefined ? undefined : input.headers.get(call.keyHeader) || null;
    if (key === null)
      log.warn(
        `${name} went without its ${call.keyHeader} (a middleware took it off or left it empty): it is not sent again.`,
      );
    // The base URL was checked, but middleware may send the Request elsewhere: never a token in the clear.
    if (tokens) {
      const origin = input.url.slice(0, input.url.indexOf('/', 8) >>> 0);
      if (!secureOrigins.has(origin)) {
        assertSecureUrl(name, 'the URL it is sent to', input.url, {});
        secureOrigins.add(origin);
      }
    }
    const attempts: Attempts = {
      retries: 0,
      retryable: call.retryable && key !== null && (!landed || policy.retryCreates),
      verify: landed !== undefined && policy.verifyCreates,
      replayable: false,
    };
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      // The caller's abort (or waitForBatch's deadline) also ends waiting for a token; the
      // token's own time does not count against this attempt's timeout.
      let token = tokens?.getToken();
      if (typeof token === 'object') token = await untilAborted(token, signal);
      if (token !== undefined) {
        if (token !== checked && !TOKEN.test(token)) {
          throw new AuthenticationError(
            'The access token holds characters a bearer token cannot (a space or a line break, say); check where it comes from.',
          );
        }
        checked = token;
        input.headers.set('Authorization', `Bearer ${token}`);
        // Asked once the token is at hand: a token just fetched is not worth replacing after a 401.
        if (attempt === 1) attempts.replayable = tokens?.renewable === true;
      }
      const limit = (attempt === 1 && call.first) || new Deadline(signal);
      limit.start(timeoutMs, timedOut);
      const debug = log.enabled('debug');
      const started = debug ? performance.now() : 0;
      let response: Response | undefined;
      let failure: unknown;
      let reason = '';
      let next: Decision;
      try {
        try {
          response = await limit.race(
            send(input, body, extra, fetch, limit, limit === call.first && input === call.built),
          );
        } finally {
          restore(input.headers, authorization);
        }
        if (!(response instanceof Response)) {
          throw new NotAResponse(
            `${where()}: the fetch option answered ${describeValue(response)}; it must resolve to what fetch does.`,
          );
        }
        // Asked for with 'manual' (send), whichever fetch sent it: refused here, never retried.
        if (input.redirect === 'error') refuseRedirect(response, input, [token, secret]);
        if (debug) {
          // A server may echo anything there, the token too.
          const id = withoutSecrets(requestIdHeader(response.headers), [token, secret]);
          log.debug(
            `${name} → ${response.status} in ${elapsed(started)} ms (attempt ${attempt}${id ? `, request id ${id}` : ''})`,
          );
        }
        next = decide(response, attempts, policy);
        // The answer's body is read here, within the deadline and the retries, unless the caller
        // streams it: a body cut off mid-way is then a failed attempt like a reset connection.
        // (An opaque redirect, status 0, has none, and no Response of its own can be made of it.)
        // An error body is read even when the caller streams: it goes into an ApiError, token redacted.
        if (answers(next) && (call.buffer || !response.ok) && response.status !== 0) {
          const reader = response.body?.getReader();
          // A body that stalls is cancelled at the deadline, even from a fetch that ignores the
          // signal: its connection is closed.
          const read = response;
          const bytes = await limit
            .race(readBody(reader), (why) => reader?.cancel(why).catch(() => undefined))
            .catch((error: unknown) => {
              throw error instanceof BodyTooLarge ? tooLarge(read, call, [token, secret]) : error;
            });
          response = new ReadResponse(token && !response.ok ? withoutToken(bytes, token) : bytes, response, [
            token,
            secret,
          ]);
        }
      } catch (error) {
        // A fetch of the caller's that answered made no mistake in code: what failed after is its
        // answer's body, which fails as the platform fails it (a browser's or Deno's: a TypeError with no cause).
        const fromCallersFetch = fetch !== undefined && response === undefined;
        response = undefined;
        // The attempt's own signal aborts only when the caller's does or its time is up.
        const kind: Failure = signal?.aborted
          ? 'aborted'
          : limit.signal.aborted
            ? 'timeout'
            : error instanceof NotAResponse ||
                error instanceof RefusedRedirect ||
                error instanceof AutoCollectError ||
                isMistake(error, fromCallersFetch)
              ? 'fault'
              : notSent(error)
                ? 'unsent'
                : 'lost';
        // What the failure says, for the error and the log.
        const said = withoutSecrets(describeCause(error), [token, secret]);
        failure =
          kind === 'aborted'
            ? signal?.reason
            : kind === 'timeout'
              ? limit.signal.reason
              : kind === 'fault'
                ? error
                : new ConnectionError(`${where()} failed: ${said}.`, {
                    // A fetch of the caller's may have put the request in its error (as axios-like ones do).
                    cause: fetch ? withoutRequest(error, token, secret) : error,
                  });
        reason = kind === 'timeout' ? `timed out after ${timeoutMs} ms` : said;
        if (debug && kind !== 'aborted')
          log.debug(`${name} failed in ${elapsed(started)} ms (attempt ${attempt}): ${reason}`);
        next = decide(kind, attempts, policy);
      }
      // The one place the attempt's timer stops; a streamed answer keeps it, to bound its body.
      if (next !== 'answer' || call.buffer || !response?.ok) limit.clear();
      else {
        limit.unref();
        // A fetch of the caller's may not heed the signal: its streamed body follows it here.
        if (fetch && response.body) response = followingSignal(response, limit.signal);
      }
      if (next === 'answer') {
        if (response) return response;
        throw failure;
      }
      if (response && !answers(next)) await discard(response);
      if (next === 'replay') {
        // A 401 may mean the token expired early: a new one, and the call once more.
        log.info(`${name} answered 401: the token may have expired early; sending it once more with a new one.`);
        attempts.replayable = false;
        tokens?.invalidate(token as string);
        continue;
      }
      const what = response ? `answered ${response.status}` : `failed (${reason})`;
      const asked = next.retryAfter ? ', as Retry-After asks' : '';
      log.info(
        next.resend
          ? `${name} ${what}; retrying in ${Math.round(next.wait)} ms${asked} (retry ${++attempts.retries} of ${policy.maxRetries}).`
          : `${name} ${what}, its retries spent; looking for its batch in ${Math.round(next.wait)} ms${asked}, before answering with that.`,
      );
      await sleep(next.wait, signal);
      if (next.lookUp && landed && key) {
        const found = await landed(key, signal).catch((error: unknown) => {
          // Aborted, it ends as any aborted call does.
          if (signal?.aborted) throw signal.reason;
          // An ApiError's message may quote its body: the log names its status only.
          const why =
            error instanceof ApiError ? `${error.operationId} answered ${error.status}` : describeCause(error);
          log.warn(`${name} ${what}, ${UNCHECKED} (${why}); it is not sent again.`);
          throw response ? new ConnectionError(`${where()} ${what}, ${UNCHECKED}; it is not sent again.`) : failure;
        });
        if (found) {
          log.info(
            `${name} ${what}, yet its batch exists: answering with that batch${next.resend ? ' instead of sending it again' : ''}.`,
          );
          return found;
        }
        log.info(
          `${name} ${what}, and no batch has its idempotency key: ${next.resend ? 'sending it again' : 'answering with that'}.`,
        );
      }
      if (!next.resend) {
        if (response) return response;
        throw failure;
      }
    }
  };
}

/** Whether the attempt is what the call answers with, unless a look-up finds its batch. */
const answers = (next: Decision) => next === 'answer' || (next !== 'replay' && !next.resend);

/**
 * One attempt's send, with the attempt's signal. The platform's fetch gets a PlainRequest's
 * URL and init, or the Request as it is (or its URL and body, read once), and the signal
 * beside it: fetch makes its own Request of them anyway. A fetch of the caller's gets one
 * Request carrying everything, signal included (the Request itself when it follows the
 * signal already), and the same as a RequestInit. A fetch fails a redirect that
 * `redirect: 'error'` refuses as it fails a lost connection, which would be retried: such a
 * Request is sent with 'manual', and the transport refuses the redirect.
 */
function send(
  input: Request | PlainRequest,
  body: Blob | undefined,
  extra: RequestInit | undefined,
  fetch: Fetch | undefined,
  limit: Deadline,
  followed: boolean,
): Promise<Response> {
  const { signal } = limit;
  // A PlainRequest is made only for the platform's fetch: its URL and init go to fetch.
  if (input instanceof PlainRequest)
    return platformFetch(input.url, Object.assign({}, input.init, extra, { signal }), input);
  if (fetch === undefined) {
    return body === undefined
      ? platformFetch(input, { ...extra, signal }, input)
      : platformFetch(input.url, initOf(input, extra, body, signal), input);
  }
  const init = initOf(input, extra, body ?? null, signal);
  // A plain object, which a wrapper may spread as it spreads its own (a Headers spreads to nothing).
  init.headers = Object.fromEntries(input.headers);
  if (input.redirect === 'error') init.redirect = 'manual';
  else if (followed && body === undefined) return fetch(input, init);
  const request = new Request(input.url, init);
  limit.hold(request);
  return fetch(request, init);
}

/** The platform's fetch, looked up at each call. */
function platformFetch(input: Request | string, init: RequestInit, request: Request | PlainRequest): Promise<Response> {
  if (request.redirect === 'error') init.redirect = 'manual';
  return globalThis.fetch(input, init);
}

/**
 * A redirect, answered to a Request sent with `redirect: 'error'`: failed, and never retried.
 * Where it points is named without its query, and without what was sent with it (a server may
 * echo the token in its path).
 */
function refuseRedirect(
  response: Response,
  request: Request | PlainRequest,
  secrets: readonly (string | undefined)[],
): void {
  const location = response.headers.get('location');
  if (response.type !== 'opaqueredirect' && !(location && response.status > 299 && response.status < 400)) return;
  void discard(response);
  const where = location && withoutSecrets(location.split('?')[0], secrets);
  throw new RefusedRedirect(
    `${request.method} ${describeUrl(request.url)} answered ${response.status || 'with'} a redirect${where ? ` to ${where}` : ''}, which redirect: 'error' refuses.`,
  );
}

/**
 * A streamed answer whose body ends when `signal` aborts (the source cancelled, the reader
 * failed with its reason), with the status, headers and URL of `response` (a success's). A
 * byte stream, as fetch's own bodies are, so that a BYOB reader reads it too.
 */
function followingSignal(response: Response, signal: AbortSignal): Response {
  const source = (response.body as ReadableStream<Uint8Array>).getReader();
  let stop: (() => void) | undefined;
  const letGo = () => stop && signal.removeEventListener('abort', stop);
  const body = new ReadableStream({
    type: 'bytes',
    start(controller) {
      stop = () => {
        controller.error(signal.reason);
        source.cancel(signal.reason).catch(() => undefined);
      };
      signal.addEventListener('abort', stop, { once: true });
    },
    async pull(controller) {
      try {
        for (;;) {
          const { done, value } = await source.read();
          if (done) {
            letGo();
            controller.close();
            // A BYOB read waiting on the end is answered with it.
            return controller.byobRequest?.respond(0);
          }
          // A byte stream takes no empty chunk.
          if (value.byteLength) return controller.enqueue(value as Uint8Array<ArrayBuffer>);
        }
      } catch (error) {
        letGo();
        // Aborted, the stream has its reason already.
        if (!signal.aborted) controller.error(error);
      }
    },
    cancel(reason) {
      letGo();
      return source.cancel(reason);
    },
  });
  // The reason phrase is set as it came, not checked again by a constructor that refuses
  // some that fetch takes (one that is not ASCII), as a ReadResponse's is.
  const { url, redirected, type, status, statusText, headers } = response;
  return Object.defineProperties(new Response(body, { status, headers }), {
    url: { value: url },
    redirected: { value: redirected },
    type: { value: type },
    statusText: { value: statusText },
  });
}

/** Puts a header back as it was before the attempt. */
function restore(headers: Headers, authorization: string | null): void {
  if (authorization === null) headers.delete('Authorization');
  else headers.set('Authorization', authorization);
}

/** What a Request says of how to send it, but its body and signal. */
const REQUEST_INIT = 'method headers cache credentials integrity keepalive mode redirect referrer referrerPolicy'.split(
  ' ',
);

/** `extra`, then what `request` says of how to send it, with `body` and `signal`, in one new object. */
function initOf(request: Request, extra: RequestInit | undefined, body: Blob | null, signal: AbortSignal): RequestInit {
  const init = Object.assign({} as Record<string, unknown>, extra, { body, signal });
  for (const key of REQUEST_INIT) init[key] = request[key as keyof Request];
  return init;
}

const elapsed = (started: number) => Math.round(performance.now() - started);

/** What a bearer token may hold: visible ASCII, no spaces or line breaks (RFC 6750's b64token, loosely). */
const TOKEN = /^[\x21-\x7e]+$/;

/** Whether a fetch failure happened before the request left: then it cannot have been carried out. */
function notSent(error: unknown): boolean {
  const code = causeCode(error);
  return code !== undefined && NOT_SENT.has(code);
}

/** The system error code fetch puts on a failure's cause, such as ECONNREFUSED. */
function causeCode(error: unknown): string | undefined {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return typeof code === 'string' ? code : undefined;
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

/** An answer whose body is too long to read into memory: an ApiError, never retried (it would come as long again). */
function tooLarge(response: Response, call: Call, secrets: (string | undefined)[]): ApiError {
  // Made as any other: its request id is redacted as it is there.
  const unread = new ReadResponse(null, response, secrets);
  recordCall(unread, call.info);
  // A success's body can be streamed, where the caller reads it; an error's is always read, into the ApiError.
  return apiError(
    unread,
    undefined,
    `its body is longer than ${MAX_BODY_BYTES / 1024 / 1024} MiB, more than the client reads into memory${response.ok && call.streamable ? "; read it as a stream (parseAs: 'stream')" : ''}`,
  );
}

/** A fetch that answered something other than a Response. */
class NotAResponse extends TypeError {}

/** A redirect the call refused (a TypeError, as fetch's own refusal is). */
class RefusedRedirect extends TypeError {}

/** What a fetch answered instead of the platform's Response, as a message names it: its type, or `null`. */
function describeValue(value: unknown): string {
  if (value === null || typeof value !== 'object')
    return `${value === null ? 'null' : typeof value} instead of a Response`;
  const name = value.constructor?.name ?? 'Object';
  // As the undici and node-fetch packages' are: a Response, but not the one the client reads.
  if (name === 'Response')
    return "a Response of another fetch implementation (such as the undici or node-fetch package's) instead of the platform's";
  return `an object (${name}) instead of a Response`;
}

/**
 * How the platforms' fetch says a connection failed where it gives no cause: Chromium's,
 * Firefox's, Safari's, Bun's and Deno's words (no standard says them).
 */
const NETWORK_ERROR =
  /^(Failed to fetch|network error|NetworkError when attempting to fetch resource\.|Load failed|The Internet connection appears to be offline\.|\s?A network error occurred\.|error sending request for url)/;

/**
 * A mistake in code, not a failed connection: never retried. Thrown by a fetch of the caller's
 * (`callersFetch`), a TypeError with no cause and no code is one too (Node's fetch's own
 * failures carry their cause), unless it is in a platform's words for a failed connection.
 */
function isMistake(error: unknown, callersFetch: boolean): boolean {
  if (callersFetch && error instanceof TypeError) {
    const { cause, code } = error as { cause?: unknown; code?: unknown };
    return cause === undefined && code === undefined && !NETWORK_ERROR.test(error.message);
  }
  return (
    error instanceof ReferenceError ||
    error instanceof SyntaxError ||
    error instanceof RangeError ||
    error instanceof EvalError ||
    error instanceof URIError
  );
}

/**
 * A caller's fetch's failure as the cause of a ConnectionError: its name, message and code,
 * without the token and the secret; not the error itself, which may hold the request.
 */
function withoutRequest(error: unknown, ...secrets: (string | undefined)[]): Error {
  const { name, message, code, stack } = (error ?? {}) as Record<string, unknown>;
  const copy = new Error(withoutSecrets(typeof message === 'string' ? message : String(error), secrets));
  if (typeof name === 'string') copy.name = name;
  // Where it was thrown, and its code (as fetch gives it, on its cause), without the secrets.
  if (typeof stack === 'string') copy.stack = withoutSecrets(stack, secrets);
  const found = typeof code === 'string' ? code : causeCode(error);
  return found === undefined ? copy : Object.assign(copy, { code: found });
}

/** The most telling part of a fetch failure, such as ECONNREFUSED. */
function describeCause(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause;
  const code = causeCode(error);
  const message =
    typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code} (${message})` : message;
}
