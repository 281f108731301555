// Checks a client's options at construction and turns them into what its calls use.
import {
  type AuthOptions,
  assertAuthOptions,
  clientCredentialsProvider,
  staticTokenProvider,
  type TokenProvider,
} from './auth.js';
import { assertTimerDelay } from './deadline.js';
import { assertSecureUrl, missingTokenUrl, pairedTokenUrl } from './endpoints.js';
import { createLog, type Log, type Logger, type LogLevel } from './log.js';
import { type RetryOptions, type RetryPolicy, retryPolicy } from './retry.js';
import type { Fetch } from './transport.js';

export interface ClientOptions {
  /** The API's base URL; defaults to its production server. Must be https, except on loopback. */
  baseUrl?: string | undefined;
  /** How requests authenticate: client credentials, or a token you supply. */
  auth: AuthOptions;
  /** Retries of failed attempts (connection errors, 408, 429, 5xx); `false` turns them off. Default { maxRetries: 2 }. */
  retry?: RetryOptions | false | undefined;
  /** The longest one attempt may take, body included. Default 30 000 ms. */
  timeoutMs?: number | undefined;
  /**
   * A fetch to send with instead of `globalThis.fetch`. Like openapi-fetch, the client calls it
   * with a Request carrying everything; the same comes as a RequestInit besides, so a fetch
   * written `(request) => …` and one written `(input, init) => …` both work.
   */
  fetch?: Fetch | undefined;
  /** Headers to send with every request. */
  headers?: Record<string, string> | undefined;
  /** Where log lines go: anything shaped like console (the default), such as a pino logger. */
  logger?: Logger | undefined;
  /**
   * How much to log. 'debug' logs a line per attempt (method, path, operationId, status, time,
   * attempt, request id); 'info' adds retries, token fetches, 401 replays and create look-ups.
   * Default: the AUTOCOLLECT_LOG environment variable, else 'warn'. Never a token, secret or body.
   */
  logLevel?: LogLevel | undefined;
}

export interface ResolvedOptions {
  baseUrl: string;
  headers: Record<string, string> | undefined;
  /** The caller's fetch; none for the global fetch, as it is at the time of each call. */
  fetch: Fetch | undefined;
  policy: RetryPolicy;
  timeoutMs: number;
  tokens: TokenProvider;
  log: Log;
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
  assertTimerDelay(caller, 'timeoutMs', timeoutMs);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError(`${caller}: fetch must be a function like globalThis.fetch.`);
  }
  assertHeaders(caller, options.headers);
  const log = createLog(options.logger, options.logLevel, caller);
  const { auth } = options;
  const { fetch } = options;
  let tokens: TokenProvider;
  if ('accessToken' in auth) {
    tokens = staticTokenProvider(auth.accessToken, timeoutMs);
  } else {
    // The client secret goes only to the token endpoint paired with the base URL, or to the one named.
    const tokenUrl = auth.tokenUrl ?? pairedTokenUrl(baseUrl, servers);
    if (tokenUrl === undefined) throw missingTokenUrl(caller, baseUrl, servers);
    assertSecureUrl(caller, 'auth.tokenUrl', tokenUrl, servers);
    tokens = clientCredentialsProvider(auth, { fetch, policy, timeoutMs, tokenUrl, log });
  }
  return { baseUrl, headers: options.headers, fetch, policy, timeoutMs, tokens, log };
}

/** Headers to send with every call: an object of names and string values a header can carry. */
function assertHeaders(caller: string, headers: unknown): void {
  if (headers === undefined) return;
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
    throw new TypeError(`${caller}: headers must be an object of names and values, such as { 'X-Trace': 'on' }.`);
  }
  for (const [name, value] of Object.entries(headers)) {
    let fits = typeof value === 'string';
    try {
      if (fits) new Headers([[name, value]]);
    } catch {
      fits = false;
    }
    // Named, never quoted: a header's value may be a secret.
    if (!fits)
      throw new TypeError(`${caller}: headers["${name}"] must be a string a header can carry (no line breaks).`);
  }
}
