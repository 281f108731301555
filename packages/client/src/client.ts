import createClient, { type Client } from 'openapi-fetch';
import { assertAuthOptions, bearerAuth, type AuthOptions } from './auth.js';
import type { paths } from './generated/autocollect.js';
import { servers } from './generated/autocollect.meta.js';

export interface AutoCollectClientOptions {
  /** The API's base URL; defaults to `servers.production`. */
  baseUrl?: string;
  /** How requests authenticate. */
  auth: AuthOptions;
  /** A fetch implementation to use instead of `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers to send with every request. */
  headers?: Record<string, string>;
}

/** The typed client: openapi-fetch's `GET`, `POST`, … and `use`, typed from the spec. */
export type AutoCollectClient = Client<paths>;

export function createAutoCollectClient(options: AutoCollectClientOptions): AutoCollectClient {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('createAutoCollectClient: pass an options object, such as { auth: { accessToken } }.');
  }
  const baseUrl = options.baseUrl ?? servers.production;
  assertBaseUrl(baseUrl);
  assertAuthOptions(options.auth);

  const client = createClient<paths>({
    baseUrl,
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.headers && { headers: options.headers }),
  });
  client.use(bearerAuth(options.auth));
  return client;
}

function assertBaseUrl(baseUrl: unknown): asserts baseUrl is string {
  if (typeof baseUrl !== 'string' || !URL.canParse(baseUrl)) {
    throw new TypeError(
      `createAutoCollectClient: baseUrl must be an absolute URL, such as servers.staging ("${servers.staging}"); got ${JSON.stringify(baseUrl)}.`,
    );
  }
}
