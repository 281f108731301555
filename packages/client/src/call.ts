// Wraps openapi-fetch's methods so each call gets a transport that knows its operation.
import type { ResolvedOptions } from './options.js';
import { IDEMPOTENT_METHODS } from './retry.js';
import { sendWithRetries, type FetchLike } from './send.js';
import { apiError, recordCall, type CallInfo } from './unwrap.js';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/** What the generated metadata says of an operation that matters for sending it. */
export interface OperationInfo {
  operationId: string;
  idempotencyKey?: string;
}

type CallInit = { fetch?: FetchLike; signal?: AbortSignal | null; parseAs?: string };
type Method = (path: string, init?: CallInit) => Promise<{ response: Response }>;
type Call = CallInfo & { response?: Response; clearDeadline?: () => void };

/** A copy of an openapi-fetch client whose calls authenticate, time out, retry and fail with typed errors. */
export function instrument<C extends object>(base: C, operations: Record<string, OperationInfo>, options: ResolvedOptions): C {
  const client = { ...base } as Record<string, unknown>;
  for (const method of METHODS) {
    const send = (base as Record<string, Method>)[method]!.bind(base);
    client[method] = async (path: string, init: CallInit = {}) => {
      const operation = operations[`${method} ${path}`];
      const call: Call = { method, path, operationId: operation?.operationId };
      const transport = callTransport(call, operation?.idempotencyKey, init.signal, { ...options, fetch: init.fetch ?? options.fetch });
      try {
        const result = await send(path, { ...init, fetch: transport });
        recordCall(result.response, call);
        // openapi-fetch has read the body by now (unless it hands back a stream): stop the timeout,
        // so that no timer keeps the finished request's state alive for timeoutMs.
        if (init.parseAs !== 'stream') call.clearDeadline?.();
        return result;
      } catch (error) {
        // openapi-fetch parses a success body with JSON.parse; a malformed one is the API's fault, not a crash.
        if (error instanceof SyntaxError && call.response) {
          recordCall(call.response, call);
          throw apiError(call.response, undefined, `the ${call.response.status} response body is not valid JSON (${error.message})`);
        }
        throw error;
      }
    };
  }
  client.request = (method: string, path: string, init?: object) => (client[method.toUpperCase()] as Method)(path, init);
  return client as C;
}

/** The fetch openapi-fetch uses for one call: auth, idempotency key, timeouts and retries. */
function callTransport(
  call: Call,
  idempotencyHeader: string | undefined,
  callerSignal: AbortSignal | null | undefined,
  options: ResolvedOptions,
): FetchLike {
  return async (request) => {
    const headers = new Headers(request.headers);
    // One key per call, the same on every attempt, so that Amili can drop a repeated create.
    if (idempotencyHeader && !headers.has(idempotencyHeader)) headers.set(idempotencyHeader, crypto.randomUUID());
    const retryable = IDEMPOTENT_METHODS.has(request.method) || headers.has(idempotencyHeader ?? 'IdempotencyKey');
    const body = request.body ? await request.arrayBuffer() : undefined;
    let token = '';
    let replayed = false;
    const response = await sendWithRetries(
      request.url,
      { method: request.method, headers, body, redirect: request.redirect },
      {
        fetch: options.fetch,
        policy: options.policy,
        timeoutMs: options.timeoutMs,
        retryable,
        // The caller's own signal: the copy on openapi-fetch's Request can outlive its link to it.
        signal: callerSignal ?? request.signal,
        prepare: async (attemptHeaders) => {
          token = await options.tokens.getToken();
          attemptHeaders.set('Authorization', `Bearer ${token}`);
        },
        // A 401 may mean the token expired early: fetch a new one and replay, once.
        replay: (response) => response.status === 401 && !replayed && (replayed = options.tokens.invalidate(token)),
        onDeadline: (clear) => {
          call.clearDeadline = clear;
        },
      },
    );
    call.response = response;
    return response;
  };
}
