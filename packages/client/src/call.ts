// Each call of an instrumented client authenticates, times out, retries and fails
// with typed errors. Calls take a direct path to fetch unless something needs
// openapi-fetch's own pipeline (middleware, custom serializers); both give the same
// { data, error, response }.
import {
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  type Middleware,
  mergeHeaders,
} from 'openapi-fetch';
import { type ParseAs, parseAsFor } from './media-type.js';
import type { ResolvedOptions } from './options.js';
import { IDEMPOTENT_METHODS } from './retry.js';
import { type FetchLike, type RequestParts, type SendOptions, sendWithRetries } from './send.js';
import { apiError, type CallInfo, recordCall } from './unwrap.js';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/** What the generated metadata says of an operation that matters for sending it. */
export interface OperationInfo {
  operationId: string;
  idempotencyKey?: string;
  /** The media type of the success response's body, when it has one. */
  successMediaType?: string;
}

interface CallInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: unknown;
  headers?: HeadersInit | Record<string, unknown>;
  parseAs?: ParseAs;
  signal?: AbortSignal | null;
  fetch?: FetchLike;
  baseUrl?: string;
  middleware?: Middleware[];
  querySerializer?: unknown;
  bodySerializer?: unknown;
  pathSerializer?: unknown;
  Request?: unknown;
  [init: string]: unknown;
}
type Result = { data?: unknown; error?: unknown; response: Response };
type Method = (path: string, init?: CallInit) => Promise<Result>;
type Call = CallInfo & { response?: Response; clearDeadline?: () => void };

/** Options only openapi-fetch's own pipeline handles. */
const PIPELINE_OPTIONS = ['middleware', 'querySerializer', 'bodySerializer', 'pathSerializer', 'Request'] as const;
const querySerializer = createQuerySerializer();

/** A copy of an openapi-fetch client whose calls authenticate, time out, retry and fail with typed errors. */
export function instrument<C extends object>(
  base: C,
  operations: Record<string, OperationInfo>,
  options: ResolvedOptions,
): C {
  const client = { ...base } as Record<string, unknown>;
  const pipeline = base as unknown as Record<string, Method> & {
    use: (...m: Middleware[]) => void;
    eject: (...m: Middleware[]) => void;
  };
  let middlewares = 0;
  client.use = (...added: Middleware[]) => {
    pipeline.use(...added);
    middlewares += added.length;
  };
  client.eject = (...removed: Middleware[]) => {
    pipeline.eject(...removed);
    middlewares = Math.max(0, middlewares - removed.length);
  };

  for (const method of METHODS) {
    const viaPipeline = (pipeline[method] as Method).bind(base);
    client[method] = async (path: string, callInit: CallInit = {}): Promise<Result> => {
      const operation = operations[`${method} ${path}`];
      // Read the body as the spec says it comes (text, bytes), unless the caller chose.
      const init = { ...callInit, parseAs: callInit.parseAs ?? parseAsFor(operation?.successMediaType) };
      const call: Call = { method, path, operationId: operation?.operationId };
      const direct = middlewares === 0 && !PIPELINE_OPTIONS.some((key) => init[key] !== undefined);
      try {
        const result = direct
          ? await directCall(call, path, init, operation?.idempotencyKey, options)
          : await viaPipeline(path, {
              ...init,
              fetch: pipelineTransport(call, operation?.idempotencyKey, init.signal, {
                ...options,
                fetch: init.fetch ?? options.fetch,
              }),
            });
        recordCall(result.response, call);
        // The body has been read by now (unless it is handed back as a stream): stop the
        // timeout, so no timer keeps the finished request's state alive for timeoutMs.
        if (init.parseAs !== 'stream') call.clearDeadline?.();
        return result;
      } catch (error) {
        // A success body that is not JSON is the API's fault, not a crash.
        if (error instanceof SyntaxError && call.response) {
          recordCall(call.response, call);
          throw apiError(
            call.response,
            undefined,
            `the ${call.response.status} response body is not valid JSON (${error.message})`,
          );
        }
        throw error;
      }
    };
  }
  client.request = (method: string, path: string, init?: CallInit) =>
    (client[method.toUpperCase()] as Method)(path, init);
  return client as C;
}

/** The call as openapi-fetch would make it (URL, headers, body, parsing), sent straight to fetch. */
async function directCall(
  call: Call,
  path: string,
  init: CallInit,
  idempotencyHeader: string | undefined,
  options: ResolvedOptions,
): Promise<Result> {
  const { params = {}, body, headers, parseAs = 'json', signal, fetch, baseUrl, ...rest } = init;
  const url = createFinalURL(path, {
    baseUrl: baseUrl?.replace(/\/+$/, '') ?? options.baseUrl,
    params,
    querySerializer,
    pathSerializer: defaultPathSerializer,
  });
  const serialized =
    body === undefined
      ? undefined
      : (defaultBodySerializer as (body: unknown, headers?: Headers) => BodyInit)(
          body,
          mergeHeaders(options.headers, headers as HeadersInit, params.header as HeadersInit),
        );
  const finalHeaders = mergeHeaders(
    serialized === undefined || serialized instanceof FormData ? {} : { 'Content-Type': 'application/json' },
    options.headers,
    headers as HeadersInit,
    params.header as HeadersInit,
  );
  const response = await send(
    call,
    url,
    { method: call.method, headers: finalHeaders, body: serialized, init: rest as RequestInit },
    idempotencyHeader,
    signal,
    { ...options, fetch: fetch ?? options.fetch },
  );
  return read(response, call.method, parseAs);
}

/** Reads the response as openapi-fetch does: no data for 204, HEAD or an empty body; JSON, text or the chosen form otherwise. */
async function read(response: Response, method: string, parseAs: NonNullable<CallInit['parseAs']>): Promise<Result> {
  const contentLength = response.headers.get('Content-Length');
  if (
    response.status === 204 ||
    method === 'HEAD' ||
    (contentLength === '0' && !response.headers.get('Transfer-Encoding')?.includes('chunked'))
  ) {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok) {
    if (parseAs === 'stream') return { data: response.body, response };
    if (parseAs === 'json') {
      const raw = await response.text();
      return { data: raw ? JSON.parse(raw) : undefined, response };
    }
    return { data: await response[parseAs](), response };
  }
  let error: unknown = await response.text();
  try {
    error = JSON.parse(error as string);
  } catch {
    // Not JSON: keep the text.
  }
  return { error, response };
}

/** The fetch openapi-fetch's pipeline uses for one call: the same sending, from the Request it built. */
function pipelineTransport(
  call: Call,
  idempotencyHeader: string | undefined,
  callerSignal: AbortSignal | null | undefined,
  options: ResolvedOptions,
): FetchLike {
  return async (request) => {
    const body = request.body ? await request.arrayBuffer() : undefined;
    const parts = {
      method: request.method,
      headers: new Headers(request.headers),
      body,
      init: { redirect: request.redirect },
    };
    // The caller's own signal: the copy on openapi-fetch's Request can outlive its link to it.
    return send(call, request.url, parts, idempotencyHeader, callerSignal ?? request.signal, options);
  };
}

/** Adds the idempotency key and the token, and sends with timeouts and retries. */
async function send(
  call: Call,
  url: string,
  parts: RequestParts,
  idempotencyHeader: string | undefined,
  signal: AbortSignal | null | undefined,
  options: ResolvedOptions & { fetch?: FetchLike | undefined },
): Promise<Response> {
  // One key per call, the same on every attempt, so that Amili can drop a repeated create.
  if (idempotencyHeader && !parts.headers.has(idempotencyHeader))
    parts.headers.set(idempotencyHeader, crypto.randomUUID());
  const retryable = IDEMPOTENT_METHODS.has(parts.method) || parts.headers.has(idempotencyHeader ?? 'IdempotencyKey');
  let token = '';
  let replayed = false;
  const sendOptions: SendOptions = {
    fetch: options.fetch,
    policy: options.policy,
    timeoutMs: options.timeoutMs,
    retryable,
    signal,
    prepare: async (headers) => {
      token = await options.tokens.getToken();
      headers.set('Authorization', `Bearer ${token}`);
    },
    // A 401 may mean the token expired early: fetch a new one and replay, once.
    replay: (response) => {
      if (response.status !== 401 || replayed) return false;
      replayed = options.tokens.invalidate(token);
      return replayed;
    },
    onDeadline: (clear) => {
      call.clearDeadline = clear;
    },
  };
  const response = await sendWithRetries(url, parts, sendOptions);
  call.response = response;
  return response;
}
