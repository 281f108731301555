// Checks a client's options at construction and turns them into what its calls use.
import {
  type AuthOptions,
  assertAuthOptions,
  clientCredentialsProvider,
  defaultTokenUrl,
  staticTokenProvider,
  type TokenProvider,
} from './auth.js';
import { MAX_TIMER_MS } from './deadline.js';
import { type RetryOptions, type RetryPolicy, retryPolicy } from './retry.js';
import type { Fetch } from './transport.js';

export interface ClientOptions {
  /** The API's base URL; defaults to its production server. Must be https, except on loopback. */
  baseUrl?: string;
  /** How requests authenticate: client credentials, or a token you supply. */
  auth: AuthOptions;
  /** Retries of failed attempts (connection errors, 408, 429, 5xx); `false` turns them off. Default { maxRetries: 2 }. */
  retry?: RetryOptions | false;
  /** The longest one attempt may take, body included. Default 30 000 ms. */
  timeoutMs?: number;
  /** A fetch to send with instead of `globalThis.fetch`, called as fetch(url, init). */
  fetch?: Fetch;
  /** Headers to send with every request. */
  headers?: Record<string, string>;
}

export interface ResolvedOptions {
  baseUrl: string;
  headers: Record<string, string> | undefined;
  /** The fetch to send with: the caller's, or the global fetch as it is at the time of each call. */
  fetch: Fetch;
  policy: RetryPolicy;
  timeoutMs: number;
  tokens: TokenProvider;
}

/** Validates the options (failing with what to pass instead) and resolves the defaults. */
export function resolveOptions(
  options: ClientOptions,
  servers: { production: string } & Record<string, string>,
  caller: string,
): ResolvedOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${caller}: pass an options object, such as { auth: { clientId, clientSecret } }.`);
  }
  const baseUrl = options.baseUrl ?? servers.production;
  assertSecureUrl(caller, 'baseUrl', baseUrl, servers);
  assertAuthOptions(options.auth, caller);
  const policy = retryPolicy(options.retry, caller);
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMER_MS) {
    throw new TypeError(
      `${caller}: timeoutMs must be a positive number of milliseconds, at most ${MAX_TIMER_MS} (about 24.8 days, the longest a timer waits); got ${JSON.stringify(options.timeoutMs)}.`,
    );
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError(`${caller}: fetch must be a function like globalThis.fetch.`);
  }
  const { auth } = options;
  const fetch: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let tokens: TokenProvider;
  if ('accessToken' in auth) {
    tokens = staticTokenProvider(auth.accessToken);
  } else {
    const tokenUrl = auth.tokenUrl ?? defaultTokenUrl(baseUrl, servers);
    assertSecureUrl(caller, 'auth.tokenUrl', tokenUrl, servers);
    tokens = clientCredentialsProvider(auth, { fetch, retry: policy, timeoutMs, tokenUrl });
  }
  return { baseUrl, headers: options.headers, fetch, policy, timeoutMs, tokens };
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Tokens and secrets travel only over https; plain http is allowed on this machine's loopback, for tests. */
export function assertSecureUrl(
  caller: string,
  name: string,
  value: unknown,
  servers: Record<string, string>,
): asserts value is string {
  const [example = 'https://api.amili.no/collection/v1'] = Object.values(servers);
  if (typeof value !== 'string' || !URL.canParse(value)) {
    throw new TypeError(
      `${caller}: ${name} must be an absolute URL, such as "${example}"; got ${JSON.stringify(value)}.`,
    );
  }
  const url = new URL(value);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname))) return;
  throw new TypeError(
    `${caller}: ${name} must use https (plain http only on localhost or 127.0.0.1), so tokens and secrets are never sent in the clear; got ${url.protocol}//${url.host}.`,
  );
}
