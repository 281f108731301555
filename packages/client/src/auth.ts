import type { Middleware } from 'openapi-fetch';

/** An access token, or a function that returns the current one (called before every request). */
export type AccessTokenSource = string | (() => string | Promise<string>);

/** Authenticate with a bearer token you obtain yourself. */
export interface AccessTokenAuth {
  accessToken: AccessTokenSource;
}

export type AuthOptions = AccessTokenAuth;

/** Checks the auth option at construction, so a mistake fails early and says what to pass. */
export function assertAuthOptions(auth: unknown): asserts auth is AuthOptions {
  const hint = 'Pass auth: { accessToken: "<token>" } or auth: { accessToken: () => getToken() }.';
  if (auth === null || typeof auth !== 'object') {
    throw new TypeError(`createAutoCollectClient: the "auth" option is missing. ${hint}`);
  }
  const { accessToken } = auth as { accessToken?: unknown };
  if (typeof accessToken === 'function') return;
  if (typeof accessToken !== 'string' || accessToken.trim() === '') {
    throw new TypeError(`createAutoCollectClient: auth.accessToken must be a non-empty string or a function. ${hint}`);
  }
}

/** Sets `Authorization: Bearer <token>` on every request. */
export function bearerAuth(auth: AuthOptions): Middleware {
  const source = auth.accessToken;
  return {
    async onRequest({ request }) {
      const token = typeof source === 'function' ? await source() : source;
      if (typeof token !== 'string' || token === '') {
        throw new TypeError('AutoCollect client: the auth.accessToken function returned no token.');
      }
      request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
}
