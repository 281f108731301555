// @ts-check
// Cross-origin access for pages on this machine only: the docs' Try it (another port of
// 127.0.0.1) may call the API and its token endpoint; a page from anywhere else gets no
// CORS headers, so the browser keeps its answers from it. The control API (/_sandbox)
// never answers CORS: no web page may drive it.

const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/;

/** Whether a request's Origin is a page served from this machine. @param {string | undefined} origin */
export const isLoopbackOrigin = (origin) => typeof origin === 'string' && LOOPBACK_ORIGIN.test(origin);

/** What any answer to a loopback page adds: who may read it, and which headers. @param {string} origin */
export function corsHeaders(origin) {
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'x-request-id, retry-after, www-authenticate, location',
    vary: 'Origin',
  };
}

/**
 * The answer to a CORS preflight, or undefined when the request is not one. A loopback page
 * may send any method with the headers it asks for; any other origin, or the control API,
 * gets 403 and no CORS headers.
 * @param {import('node:http').IncomingMessage} request @param {string} pathname
 * @returns {import('./problem.js').Reply | undefined}
 */
export function preflight(request, pathname) {
  const asked = request.headers['access-control-request-method'];
  if (request.method !== 'OPTIONS' || asked === undefined) return undefined;
  const origin = request.headers.origin;
  const control = pathname === '/_sandbox' || pathname.startsWith('/_sandbox/');
  if (!isLoopbackOrigin(origin) || control) {
    return {
      status: 403,
      mediaType: 'application/problem+json',
      body: {
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        detail: control
          ? 'The sandbox control API takes no cross-origin requests.'
          : `Cross-origin requests are answered for pages on this machine only (localhost, 127.0.0.1); not for ${origin ?? 'an unknown origin'}.`,
      },
    };
  }
  return {
    status: 204,
    headers: {
      ...corsHeaders(/** @type {string} */ (origin)),
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
      'access-control-allow-headers': String(request.headers['access-control-request-headers'] ?? ''),
      'access-control-max-age': '600',
    },
  };
}
