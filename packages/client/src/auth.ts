// Where the bearer token comes from: a string or function you supply, or the
// client-credentials grant against Amili's token endpoint (typed from the
// identity description in spec/identity/).
import { Deadline } from './deadline.js';
import { AuthenticationError, AutoCollectError, TimeoutError } from './errors.js';
import type { components } from './generated/identity.js';
import { redactValue, withoutSecrets } from './redact.js';
import { createTransport, type TransportOptions } from './transport.js';
import { apiError, recordCall } from './unwrap.js';

type TokenRequest = components['schemas']['TokenRequest'];
type TokenResponse = components['schemas']['TokenResponse'];

/** An access token, or a function that returns the current one (called before every attempt). */
export type AccessTokenSource = string | (() => string | Promise<string>);

/** Authenticate with a bearer token you obtain yourself. */
export interface AccessTokenAuth {
  accessToken: AccessTokenSource;
}

/** Let the client fetch, cache and refresh tokens with the client-credentials grant. */
export interface ClientCredentialsAuth {
  clientId: string;
  clientSecret: string;
  /**
   * The token endpoint. Default: the identity service of the environment `baseUrl` points at
   * (production, staging), or `/token` on a loopback `baseUrl`'s own origin (the sandbox). Any
   * other `baseUrl` needs it.
   */
  tokenUrl?: string;
  /** Fetch a new token this long before the current one expires. Default 60 s. */
  refreshMarginMs?: number;
}

export type AuthOptions = AccessTokenAuth | ClientCredentialsAuth;

export interface TokenProvider {
  /** The token: at once when one is at hand (a fixed token, or one fetched and still fresh), else a promise of it. */
  getToken(): string | Promise<string>;
  /** Whether a fresh token can be had after the API refused one, so a 401 is worth one replay. */
  renewable: boolean;
  /** Forgets a token the API refused. */
  invalidate(token: string): void;
}

/** Checks the auth option at construction, so a mistake fails early and says what to pass. */
export function assertAuthOptions(auth: unknown, caller: string): asserts auth is AuthOptions {
  const hint =
    'Pass auth: { clientId, clientSecret } to let the client fetch tokens, or auth: { accessToken } with a token or a function returning one.';
  if (auth === null || typeof auth !== 'object') {
    throw new TypeError(`${caller}: the "auth" option is missing. ${hint}`);
  }
  const { accessToken, clientId, clientSecret } = auth as Record<string, unknown>;
  if ('accessToken' in auth) {
    if (typeof accessToken === 'function') return;
    if (typeof accessToken === 'string' && accessToken.trim() !== '') return;
    throw new TypeError(`${caller}: auth.accessToken must be a non-empty string or a function. ${hint}`);
  }
  for (const [name, value] of [
    ['clientId', clientId],
    ['clientSecret', clientSecret],
  ] as const) {
    if (typeof value !== 'string' || value.trim() === '') {
      throw new TypeError(`${caller}: auth.${name} must be a non-empty string. ${hint}`);
    }
  }
  const { refreshMarginMs: margin } = auth as ClientCredentialsAuth;
  if (margin !== undefined && !(typeof margin === 'number' && margin >= 0 && Number.isFinite(margin))) {
    throw new TypeError(
      `${caller}: auth.refreshMarginMs must be a number of milliseconds, at least 0; got ${JSON.stringify(margin)}.`,
    );
  }
}

export function staticTokenProvider(source: AccessTokenSource, timeoutMs: number): TokenProvider {
  return {
    // A fixed token was checked at construction.
    getToken: typeof source === 'function' ? () => callSource(source, timeoutMs) : () => source,
    // A function may return a new token next time; a fixed string will not.
    renewable: typeof source === 'function',
    invalidate() {},
  };
}

/** A token function's answer, given up at timeoutMs (a vault that hangs must not hang every call). */
async function callSource(source: () => string | Promise<string>, timeoutMs: number): Promise<string> {
  const limit = new Deadline(undefined);
  limit.start(timeoutMs, () => new TimeoutError(`The auth.accessToken function gave no token within ${timeoutMs} ms.`));
  let token: unknown;
  try {
    token = await limit.race(new Promise<string>((resolve) => resolve(source())));
  } catch (error) {
    if (error instanceof AutoCollectError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AuthenticationError(`The auth.accessToken function failed: ${message}`, undefined, { cause: error });
  } finally {
    limit.clear();
  }
  if (typeof token !== 'string' || token === '') {
    throw new AuthenticationError('The auth.accessToken function returned no token.');
  }
  return token;
}

interface CachedToken {
  token: string;
  fetchedAt: number;
  /** When a new one is fetched, while this one is still used. */
  refreshAt: number;
  expiresAt: number;
}

/** How long after a renewal failed, while the current token is still valid, before it is tried again. */
const RENEW_AGAIN_MS = 10_000;

/** A token the API refuses within this long of its fetching is not replaced: a new one would be refused too. */
const JUST_FETCHED_MS = 10_000;

export interface ClientCredentialsDeps extends TransportOptions {
  tokenUrl: string;
}

/** Fetches tokens on demand, caches them until shortly before expiry, and shares one request among concurrent callers. */
export function clientCredentialsProvider(auth: ClientCredentialsAuth, deps: ClientCredentialsDeps): TokenProvider {
  const margin = auth.refreshMarginMs ?? 60_000;
  let cached: CachedToken | undefined;
  /** Why the next token is fetched, for the log. */
  let why = 'none yet';
  const { origin, pathname } = new URL(deps.tokenUrl);
  const endpoint = `${origin}${pathname}`;
  // Its failures never quote the client secret, which the request's body carries.
  const transport = createTransport({ ...deps, secret: auth.clientSecret });
  // The token request may be repeated: it creates nothing.
  const info = { method: 'POST', path: pathname, operationId: 'RequestAccessToken' };
  const call = { info, retryable: true, buffer: true };
  let pending: Promise<string> | undefined;
  /** When renewing a token that is still valid last failed. */
  let renewalFailedAt = Number.NEGATIVE_INFINITY;

  // A renewal while the token is still valid is tried once: the next call tries again later,
  // and no retry outlives the script whose last call started it.
  const renewal = { ...call, retryable: false };

  async function requestToken(background: boolean): Promise<string> {
    const form: TokenRequest = {
      grant_type: 'client_credentials',
      client_id: auth.clientId,
      client_secret: auth.clientSecret,
    };
    const request = new Request(deps.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      // Never follow a redirect: it would send the client secret to wherever it points.
      redirect: 'manual',
    });
    const response = await transport(request, background ? renewal : call);
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => undefined);
      throw new AuthenticationError(
        `The token endpoint answered with a redirect (${response.status}); the client secret is not sent on to another address. Set auth.tokenUrl to the endpoint itself.`,
        response.status,
      );
    }
    const text = await response.text();
    // Read as it came; only what goes into an error is redacted (a server may echo the secret).
    const body = parseJson(text);
    if (!response.ok) {
      const safe = redactValue(body ?? text, auth.clientSecret);
      const detail = tokenErrorMessage(safe);
      // An outage (a 5xx, 408 or 429, retried already) says nothing of the credentials: it is
      // answered as the API's own would be, an ApiError.
      if (response.status >= 500 || response.status === 408 || response.status === 429) {
        recordCall(response, info);
        throw apiError(response, safe, `no token could be had, so the call was not sent (${detail})`);
      }
      throw new AuthenticationError(
        `The token endpoint refused the client credentials with ${response.status}: ${detail}`,
        response.status,
      );
    }
    const token = body as Partial<TokenResponse> | undefined;
    if (body === undefined) {
      throw new AuthenticationError(
        `The token endpoint answered ${response.status} with a body that is not JSON (${tokenErrorMessage(redactValue(text, auth.clientSecret)).replace(/^\((.*)\)$/, '$1')}); check auth.tokenUrl.`,
        response.status,
      );
    }
    if (typeof token?.access_token !== 'string' || token.access_token === '') {
      throw new AuthenticationError(
        `The token endpoint answered ${response.status} without an access_token.`,
        response.status,
      );
    }
    if (typeof token.token_type === 'string' && token.token_type.toLowerCase() !== 'bearer') {
      // Quoted without the secret or the token, which a server may echo there too.
      const type = withoutSecrets(token.token_type, [auth.clientSecret, token.access_token]);
      deps.log.warn(
        `The token endpoint issued a token of token_type ${JSON.stringify(type)}, not Bearer: it is sent as a Bearer token.`,
      );
    }
    const now = Date.now();
    // The relative expires_in first: expires_on is the server's clock, and a skewed local
    // clock would make every token look expired (or everlasting).
    const untilExpiry = seconds(token.expires_on) * 1000 - now;
    const lifetime = seconds(token.expires_in) * 1000 || (untilExpiry > 0 ? untilExpiry : 300_000);
    const expiresAt = now + lifetime;
    cached = {
      token: token.access_token,
      fetchedAt: now,
      refreshAt: lifetime > 2 * margin ? expiresAt - margin : now + lifetime / 2,
      expiresAt,
    };
    deps.log.info(
      `Fetched an access token from ${endpoint} (${why}); it is valid for ${Math.round(lifetime / 1000)} s.`,
    );
    return token.access_token;
  }

  function fetchToken(background = false): Promise<string> {
    pending ??= requestToken(background).finally(() => {
      pending = undefined;
    });
    return pending;
  }

  return {
    getToken() {
      const now = Date.now();
      if (cached && now < cached.refreshAt) return cached.token;
      if (cached && now < cached.expiresAt) {
        // Still valid: calls go on with it while a new one is fetched, so a token endpoint that
        // is slow or down for a while holds none of them up.
        if (!pending && now - renewalFailedAt >= RENEW_AGAIN_MS) {
          why = 'the last one is about to expire';
          const { token, expiresAt } = cached;
          fetchToken(true).catch((error: unknown) => {
            renewalFailedAt = Date.now();
            if (cached?.token !== token) return;
            const left = Math.round((expiresAt - Date.now()) / 1000);
            deps.log.warn(
              `The access token could not be renewed (${error instanceof Error ? error.message : String(error)}); ${left > 0 ? `the current one is used until it expires in ${left} s, and a new one asked for again in ${RENEW_AGAIN_MS / 1000} s` : 'it has expired, and the next call waits for a new one'}.`,
            );
          });
        }
        return cached.token;
      }
      if (cached) why = 'the last one expired';
      return fetchToken();
    },
    get renewable() {
      return !cached || Date.now() - cached.fetchedAt >= JUST_FETCHED_MS;
    },
    invalidate(token) {
      if (cached?.token === token) {
        cached = undefined;
        why = 'the API refused the last one';
      }
    },
  };
}

/** The token response's numbers may come as JSON numbers or as strings of digits. */
function seconds(value: number | string | undefined): number {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : 0;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What the token endpoint said was wrong, from its body (redacted already), in one short line. */
function tokenErrorMessage(body: unknown): string {
  if (typeof body === 'string') return /^\s*</.test(body) ? '(an HTML page)' : body.trim().slice(0, 200) || '(no body)';
  const { error, error_description: description } = (body ?? {}) as Record<string, unknown>;
  const parts = [error, description].filter((part): part is string => typeof part === 'string' && part !== '');
  return (parts.length > 0 ? parts.join(': ') : JSON.stringify(body)).slice(0, 200);
}
