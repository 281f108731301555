// @ts-check
// Who may reach the sandbox. It holds no secret worth stealing, but a web page must not
// drive it: a page that rebinds a name of its own to 127.0.0.1 would reach it under that
// name (the Host header says which), and any page may POST a form to it (a "simple"
// request, sent without asking first). So, as webpack-dev-server and Vite do for their dev
// servers, a request must name the sandbox by an address it listens on, and the control
// API takes no request from a page (an Origin header) and writes only as JSON, which a page
// cannot send across origins without a preflight the sandbox refuses.

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether an address is this machine's own: the sandbox listens there by default. @param {string} host */
export const isLoopbackHost = (host) => LOOPBACK_NAMES.has(host) || /^127(\.\d{1,3}){3}$/.test(host);

/** A loopback name and a port, exactly: no userinfo, path, padding or other spelling. */
const LOOPBACK_HOST = /^(?:localhost|127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|\[::1\]):(\d{1,5})$/i;

/**
 * Why a request does not name the sandbox, or undefined when it does. Listening on a
 * loopback address, the sandbox answers only to a loopback name at its port, given once
 * (and the same in an absolute request target); started with another `--host`, it was
 * opened to other names on purpose.
 * @param {string} listening the sandbox's origin (`http://127.0.0.1:4010`)
 * @param {Pick<import('node:http').IncomingMessage, 'rawHeaders' | 'url'>} request
 * @returns {string | undefined}
 */
export function foreignHost(listening, { rawHeaders, url }) {
  const own = new URL(listening);
  if (!isLoopbackHost(own.hostname)) return undefined;
  const given = rawHeaders.filter((_, index) => index % 2 === 1 && rawHeaders[index - 1]?.toLowerCase() === 'host');
  const absolute = /^https?:\/\/([^/?#]*)/i.exec(url ?? '')?.[1];
  const names = [...given, ...(absolute === undefined ? [] : [absolute])];
  const ours = (/** @type {string} */ name) => LOOPBACK_HOST.exec(name)?.[1] === own.port;
  if (given.length === 1 && names.every(ours)) return undefined;
  return `The sandbox answers to ${own.host} (or localhost:${own.port}), once, not to ${names.join(' and ') || 'no Host'}: a page that gives its own name to this machine is refused. Start it with --host to serve other names.`;
}

/**
 * Why a control request is refused, or undefined: a page sent it (it has an Origin), or it
 * writes without the JSON content type.
 * @param {import('node:http').IncomingMessage} request
 * @returns {string | undefined}
 */
export function refusedControl(request) {
  if (request.headers.origin !== undefined)
    return `The sandbox control API takes no request from a web page (this one came from ${request.headers.origin}); call it from a test or a terminal.`;
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (request.method !== 'GET' && request.method !== 'HEAD' && type !== 'application/json')
    return `The sandbox control API writes only with Content-Type: application/json (it was ${JSON.stringify(type || 'missing')}), such as curl -X ${request.method} -H 'Content-Type: application/json' ….`;
  return undefined;
}
