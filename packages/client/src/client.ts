import createClient, { type Client } from 'openapi-fetch';
import { assertAuthOptions, clientCredentialsProvider, defaultTokenUrl, staticTokenProvider, type AuthOptions, type TokenProvider } from './auth.js';
import { waitForBatch, type WaitForBatch } from './batches.js';
import type { paths } from './generated/autocollect.js';
import { operations, servers } from './generated/autocollect.meta.js';
import { paginate, type Paginate } from './paginate.js';
import { IDEMPOTENT_METHODS, retryPolicy, type RetryOptions, type RetryPolicy } from './retry.js';
import { sendWithRetries, type FetchLike } from './send.js';
import { apiError, recordCall, type CallInfo } from './unwrap.js';

export interface AutoCollectClientOptions {
  /** The API's base URL; defaults to `servers.production`. Must be https, except on loopback. */
  baseUrl?: string;
  /** How requests authenticate: client credentials, or a token you supply. */
  auth: AuthOptions;
  /** Retries of failed attempts (connection errors, 408, 429, 5xx); `false` turns them off. Default { maxRetries: 2 }. */
  retry?: RetryOptions | false;
  /** The longest one attempt may take, body included. Default 30 000 ms. */
  timeoutMs?: number;
  /** A fetch implementation to use instead of `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Headers to send with every request. */
  headers?: Record<string, string>;
}

/** openapi-fetch's typed client (GET, POST, …, use) plus pagination and batch waiting. */
export interface AutoCollectClient extends Client<paths> {
  /** Walks every item of a list operation, page after page (`for await`). */
  paginate: Paginate;
  /** Polls a batch until it is SUCCESS, PARTIAL or FAILED. */
  waitForBatch: WaitForBatch;
}

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
type Operation = { operationId: string; idempotencyKey?: string };

export function createAutoCollectClient(options: AutoCollectClientOptions): AutoCollectClient {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('createAutoCollectClient: pass an options object, such as { auth: { clientId, clientSecret } }.');
  }
  const baseUrl = options.baseUrl ?? servers.production;
  assertSecureUrl('baseUrl', baseUrl);
  assertAuthOptions(options.auth);
  const policy = retryPolicy(options.retry);
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError(`createAutoCollectClient: timeoutMs must be a positive number of milliseconds; got ${JSON.stringify(options.timeoutMs)}.`);
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError('createAutoCollectClient: fetch must be a function like globalThis.fetch.');
  }
  const baseFetch: FetchLike = options.fetch ?? ((request) => globalThis.fetch(request));
  const tokens = tokenProvider(options.auth, baseUrl, { fetch: baseFetch, retry: policy, timeoutMs });

  const base = createClient<paths>({ baseUrl, ...(options.headers && { headers: options.headers }) });
  const client = { ...base } as unknown as AutoCollectClient;
  for (const method of METHODS) {
    const send = (base[method] as (path: string, init?: object) => Promise<{ response: Response }>).bind(base);
    (client as unknown as Record<string, unknown>)[method] = async (path: string, init: { fetch?: FetchLike; signal?: AbortSignal | null } = {}) => {
      const operation = (operations as Record<string, Operation>)[`${method} ${path}`];
      const call: CallInfo & { response?: Response } = { method, path, operationId: operation?.operationId };
      const transport = callTransport(call, operation?.idempotencyKey, init.signal, { fetch: init.fetch ?? baseFetch, policy, timeoutMs, tokens });
      try {
        const result = await send(path, { ...init, fetch: transport });
        recordCall(result.response, call);
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
  client.request = ((method: string, path: string, init?: object) =>
    (client as unknown as Record<string, (path: string, init?: object) => unknown>)[method.toUpperCase()]!(path, init)) as typeof client.request;
  client.paginate = ((path: never, init: never) => paginate(client, path, init)) as Paginate;
  client.waitForBatch = (batch, waitOptions) => waitForBatch(client, batch, waitOptions);
  return client;
}

interface TransportDeps {
  fetch: FetchLike;
  policy: RetryPolicy;
  timeoutMs: number;
  tokens: TokenProvider;
}

/** The fetch openapi-fetch uses for one call: auth, idempotency key, timeouts and retries. */
function callTransport(
  call: CallInfo & { response?: Response },
  idempotencyHeader: string | undefined,
  callerSignal: AbortSignal | null | undefined,
  deps: TransportDeps,
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
        fetch: deps.fetch,
        policy: deps.policy,
        timeoutMs: deps.timeoutMs,
        retryable,
        // The caller's own signal: the copy on openapi-fetch's Request can outlive its link to it.
        signal: callerSignal ?? request.signal,
        prepare: async (attemptHeaders) => {
          token = await deps.tokens.getToken();
          attemptHeaders.set('Authorization', `Bearer ${token}`);
        },
        // A 401 may mean the token expired early: fetch a new one and replay, once.
        replay: (response) => response.status === 401 && !replayed && (replayed = deps.tokens.invalidate(token)),
      },
    );
    call.response = response;
    return response;
  };
}

function tokenProvider(auth: AuthOptions, baseUrl: string, deps: Omit<TransportDeps, 'tokens' | 'policy'> & { retry: RetryPolicy }): TokenProvider {
  if ('accessToken' in auth) return staticTokenProvider(auth.accessToken);
  const tokenUrl = auth.tokenUrl ?? defaultTokenUrl(baseUrl, servers);
  assertSecureUrl('auth.tokenUrl', tokenUrl);
  return clientCredentialsProvider(auth, { ...deps, tokenUrl });
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Tokens and secrets travel only over https; plain http is allowed on this machine's loopback, for tests. */
function assertSecureUrl(name: string, value: unknown): asserts value is string {
  const example = `such as servers.staging ("${servers.staging}")`;
  if (typeof value !== 'string' || !URL.canParse(value)) {
    throw new TypeError(`createAutoCollectClient: ${name} must be an absolute URL, ${example}; got ${JSON.stringify(value)}.`);
  }
  const url = new URL(value);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname))) return;
  throw new TypeError(
    `createAutoCollectClient: ${name} must use https (plain http only on localhost or 127.0.0.1), so tokens and secrets are never sent in the clear; got ${url.protocol}//${url.host}.`,
  );
}
