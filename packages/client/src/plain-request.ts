// What openapi-fetch builds a call's request with (its `Request` option) when no middleware
// will see the request and the platform's fetch sends it: the URL and the RequestInit as
// openapi-fetch made them, which fetch makes its one Request of. A Request built first would
// be a second one, made and followed by another signal for nothing (5 µs a call on Node 20).

/** The RequestInit openapi-fetch builds: its headers are a Headers. */
export type PlainInit = RequestInit & { headers: Headers };

/** The URL and init of a request that only the transport reads, with what it reads of a Request. */
export class PlainRequest {
  readonly method: string;
  readonly headers: Headers;
  readonly redirect = 'follow';

  constructor(
    readonly url: string,
    readonly init: PlainInit,
  ) {
    this.method = init.method ?? 'GET';
    this.headers = init.headers;
  }
}

/** What a PlainRequest's init may hold: what openapi-fetch sets. Other options (mode, cache, …) a Request checks first. */
const PLAIN = new Set(['method', 'headers', 'body', 'signal', 'redirect']);

/**
 * The `Request` openapi-fetch is given: a PlainRequest, or a Request where only one will do,
 * so that a mistake fails as openapi-fetch's own Request would, before anything is sent: an
 * init with options beside what openapi-fetch sets, a body other than text (which a retry
 * could not send again as it is) or one its method may not carry, or TRACE, the one method of
 * openapi-fetch's that a Request refuses.
 */
export function PlainOrRequest(url: string, init: PlainInit): PlainRequest | Request {
  const { body, method = 'GET' } = init;
  let plain =
    init.redirect === 'follow' &&
    method !== 'TRACE' &&
    (body == null || (typeof body === 'string' && method !== 'GET' && method !== 'HEAD'));
  for (const key in init) plain &&= PLAIN.has(key);
  return plain ? new PlainRequest(url, init) : new Request(url, init);
}
