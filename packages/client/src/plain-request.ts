// What openapi-fetch builds a call's request with (its `Request` option) when no middleware
// will see the request and the platform's fetch sends it: the URL and the RequestInit as
// openapi-fetch made them, which fetch makes its one Request of. A Request built first would
// be a second one, made and followed by another signal for nothing (5 µs a call on Node 20).

/** The RequestInit openapi-fetch builds: its headers are a Headers. */
export type PlainInit = RequestInit & { headers: Headers };

/** The URL and init of a request that only the transport reads, with what it reads of a Request. */
export interface PlainRequest {
  url: string;
  init: PlainInit;
  method: string;
  headers: Headers;
  redirect: RequestRedirect;
}

/** What a PlainRequest's init may hold: what openapi-fetch sets. Other options (mode, cache, …) a Request checks first. */
const PLAIN = new Set(['method', 'headers', 'body', 'signal', 'redirect']);

/**
 * The `Request` openapi-fetch is given: a PlainRequest, or a Request where only one will do,
 * so that a mistake fails as openapi-fetch's own Request would, before anything is sent: an
 * init with options beside what openapi-fetch sets, or a body other than text (which a retry
 * could not send again as it is), or one a method may not carry.
 */
export function PlainOrRequest(url: string, init: PlainInit): PlainRequest | Request {
  const { body, method = 'GET', headers, redirect } = init;
  let plain =
    redirect === 'follow' && (body == null || (typeof body === 'string' && method !== 'GET' && method !== 'HEAD'));
  for (const key in init) plain &&= PLAIN.has(key);
  return plain ? { url, init, method, headers, redirect: 'follow' } : new Request(url, init);
}
