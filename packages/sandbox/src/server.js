// @ts-check
// The HTTP side: every request to an API route meets the injected faults, is routed,
// authenticated and validated against the description, handled, and its answer is
// checked against the description before it is sent. Pages on this machine may call the
// API across origins (cors.js).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { BodyBudget, BUDGET_SIZE } from './body-budget.js';
import { answerClientError, DRAIN_MS } from './client-error.js';
import { controlEndpointsAt } from './control.js';
import { corsHeaders, isLoopbackOrigin, preflight } from './cors.js';
import { jsonShapeWatch } from './json-shape.js';
import { OPERATIONS, oauthError, tokenRefusal, tooManyItems } from './operations.js';
import { PageTokenError } from './pages.js';
import { invalid, inWords, problem } from './problem.js';
import { foreignHost, refusedControl } from './reach.js';
import { SandboxError } from './sandbox.js';
import { clip, MAX_ECHOED, printable } from './text.js';

/**
 * @typedef {import('./sandbox.js').Sandbox} Sandbox
 * @typedef {import('./problem.js').Reply} Reply
 * @typedef {import('./contract.js').Route} Route
 * @typedef {import('./contract.js').Violation} Violation
 * @typedef {import('node:http').IncomingMessage} Request
 * @typedef {import('node:http').ServerResponse} Response
 */

/** @typedef {{ bytes: number, size: string, where: string, instead: string }} BodyLimit the most of a body the sandbox reads, and what to send instead */

/**
 * How much of a body the sandbox reads, by where it is sent. A body past its limit is refused
 * from the length it declares, or once that many bytes have come, and the rest is never kept
 * or parsed: a form or JSON of many small fields takes about a second a megabyte to parse and
 * check, and no other client is answered meanwhile.
 * @type {Record<'token' | 'api' | 'control', BodyLimit>}
 */
const BODY_LIMITS = {
  token: {
    bytes: 16 * 1024,
    size: '16 KiB',
    where: 'the token endpoint',
    instead: 'a token request is grant_type, client_id and client_secret, under 1 KiB',
  },
  api: {
    bytes: 4 * 1024 * 1024,
    size: '4 MiB',
    where: 'the API',
    instead:
      'send at most 1 000 items a request (1 000 invoices of a few debtors each take under 1 MiB), and more in several requests',
  },
  control: {
    bytes: 64 * 1024,
    size: '64 KiB',
    where: 'the control API',
    instead: 'its bodies are a few short values, such as { "url": "..." }',
  },
};

/** A body larger than the sandbox reads: answered 413 by the sandbox itself, as no description lists 413. */
class BodyTooLarge extends Error {
  /** @param {BodyLimit} limit */
  constructor(limit) {
    super(`The body is larger than ${limit.size}, the most ${limit.where} reads; ${limit.instead}.`);
  }
}

/** A body that would take the sandbox past what it holds of all bodies at once (body-budget.js): answered 503. */
class BodiesInFlight extends Error {
  constructor() {
    super(
      `The sandbox holds ${BUDGET_SIZE} of bodies that other requests are still sending; send this again once they end (Retry-After).`,
    );
  }
}

/** Each sandbox's budget of bodies held at once. @type {WeakMap<Sandbox, BodyBudget>} */
const budgets = new WeakMap();
/** @param {Sandbox} sandbox */
function budgetOf(sandbox) {
  const kept = budgets.get(sandbox);
  if (kept) return kept;
  const budget = new BodyBudget();
  budgets.set(sandbox, budget);
  return budget;
}

/** The deepest a JSON body may nest, in objects and arrays: the descriptions' bodies nest fewer than ten. */
const MAX_BODY_DEPTH = 32;
/** The most properties an object of a JSON body may have: the descriptions' objects have 30 at most. */
const MAX_PROPERTIES = 1000;
/**
 * The most values a JSON body may hold (objects, arrays, and each value in them): a create of
 * 1 000 invoices of a few debtors each holds about 30 000. Parsing and checking 200 000 takes
 * about as long as carrying out such a create.
 */
const MAX_VALUES = 200_000;

/** Watches a JSON body as it comes for what JSON.parse would take seconds over. */
const watchJsonShape = () =>
  jsonShapeWatch({ maxDepth: MAX_BODY_DEPTH, maxProperties: MAX_PROPERTIES, maxValues: MAX_VALUES });

/** Why a JSON body is refused unparsed. @type {Record<'depth' | 'properties' | 'values', string>} */
const SHAPE_REFUSALS = {
  depth: `The body nests deeper than ${MAX_BODY_DEPTH} levels; the bodies the sandbox takes nest fewer than ten.`,
  properties: `The body has an object of more than ${MAX_PROPERTIES} properties; the objects the sandbox takes have 30 at most.`,
  values: `The body holds more than ${MAX_VALUES.toLocaleString('en-US').replaceAll(',', ' ')} values; 1 000 invoices of a few debtors each hold about 30 000: send fewer items a request.`,
};

const FORM = 'application/x-www-form-urlencoded';

/**
 * Reads a body as UTF-8, the one encoding JSON is sent in (RFC 8259 §8.1), skipping a byte order
 * mark, as that RFC lets a parser do. Bytes that are not UTF-8 are refused, not read as U+FFFD:
 * a client that sends Latin-1 (`ø` as the one byte 0xF8) would find its text changed, not refused.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

const NOT_UTF8 =
  'The body is not valid UTF-8: it holds bytes that are not (Latin-1 or Windows-1252 text sends ø as one such byte); send it encoded as UTF-8.';

/** A body as text; undefined when it is not UTF-8. @param {Buffer} raw */
function utf8(raw) {
  try {
    return UTF8.decode(raw);
  } catch {
    return undefined;
  }
}

/** The most characters of a request's path and query, and of why it was refused, that its log line shows. */
const MAX_LOGGED = 500;

/** @param {Sandbox} sandbox */
export function createSandboxServer(sandbox) {
  const server = createServer((request, response) => {
    serve(sandbox, request, response).catch((error) => {
      // A bug of the sandbox's: answer 500 with what it was, never crash the process.
      if (!response.headersSent) send(response, problem(500, `The sandbox failed: ${error?.message ?? error}`));
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.on('clientError', answerClientError);
  return server;
}

/** @param {Sandbox} sandbox @param {Request} request @param {Response} response */
async function serve(sandbox, request, response) {
  const started = performance.now();
  const url = requestUrl(request.url ?? '/');
  if (!url) {
    // Such as `GET http://a:99999/` or `GET http://[::1/`: the client's mistake, not a crash.
    request.resume();
    send(
      response,
      problem(400, `The request target ${JSON.stringify(request.url)} is not a URL the sandbox can read.`),
    );
    return;
  }
  const method = request.method ?? 'GET';
  const foreign = foreignHost(new URL(sandbox.baseUrl).origin, request);
  if (foreign) {
    request.resume();
    send(response, problem(403, foreign));
    return;
  }
  // What the client sent is shown escaped and cut short: a line of its own making could pass for the sandbox's.
  const log = (/** @type {number} */ status, /** @type {string} */ why = '') =>
    sandbox.options.log?.(
      `${method} ${printable(`${url.pathname}${url.search}`, MAX_LOGGED)} ${status} ${(performance.now() - started).toFixed(1)} ms${printable(why, MAX_LOGGED)}`,
    );
  const reply = preflight(request, url.pathname) ?? (await replyTo(sandbox, request, method, url));
  // Whatever of the body no step read is drained here, once, so that the connection stays usable.
  request.resume();
  if (reply === undefined) {
    // Carried out, then the connection is cut before the answer: the client cannot know it landed.
    request.socket.resetAndDestroy();
    log(0);
    return;
  }
  const origin = request.headers.origin;
  const control = url.pathname === '/_sandbox' || url.pathname.startsWith('/_sandbox/');
  send(response, {
    ...reply,
    headers: {
      // Each answer's own id, as Amili's carry one: it shows in the client's errors and logs.
      'x-request-id': randomUUID(),
      ...(isLoopbackOrigin(origin) && !control && corsHeaders(/** @type {string} */ (origin))),
      ...reply.headers,
    },
  });
  if (!request.complete) cutUnlessBodyEnds(request);
  // A refusal says why in the log too: what the client was told, never what it sent.
  const body = /** @type {{ detail?: unknown, error_description?: unknown } | undefined} */ (reply.body);
  const why = reply.status >= 400 ? (body?.detail ?? body?.error_description) : undefined;
  log(reply.status, typeof why === 'string' ? `: ${why}` : '');
}

/**
 * The answer to a request: the control API's, an injected fault's, or the API's.
 * Undefined when an injected reset is to cut the connection instead.
 * @param {Sandbox} sandbox @param {Request} request @param {string} method @param {URL} url
 * @returns {Promise<Reply | undefined>}
 */
async function replyTo(sandbox, request, method, url) {
  try {
    if (url.pathname === '/_sandbox' || url.pathname.startsWith('/_sandbox/')) {
      return await control(sandbox, request, method, url.pathname);
    }
    const { delayMs, fault } = sandbox.faults.next();
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (fault === '429') {
      const retryAfter = String(sandbox.faults.faults.retryAfterSeconds);
      return problem(429, `Rate limit exceeded (injected by --faults). Try again in ${retryAfter} s.`, {
        headers: { 'retry-after': retryAfter },
      });
    }
    if (fault === '503') return problem(503, 'The service is unavailable (injected by --faults); nothing was done.');
    const reply = await answer(sandbox, request, method, url);
    return fault === 'reset' ? undefined : reply;
  } catch (error) {
    // Neither checked against the description nor made an OAuth error: the limit is the sandbox's own.
    if (error instanceof BodyTooLarge) return problem(413, error.message);
    if (error instanceof BodiesInFlight) return problem(503, error.message, { headers: { 'retry-after': '1' } });
    throw error;
  }
}

/** Routes, authenticates, validates and handles an API request; checks the answer. @param {Sandbox} sandbox @param {Request} request @param {string} method @param {URL} url @returns {Promise<Reply>} */
async function answer(sandbox, request, method, url) {
  const found = sandbox.contract.match(method, url.pathname);
  if (!found.route) {
    if (found.allowed && found.allowed.length > 0) {
      return problem(405, `${method} is not allowed on ${url.pathname}; use ${found.allowed.join(' or ')}.`, {
        headers: { allow: found.allowed.join(', ') },
      });
    }
    // Such as a base URL with a trailing slash joined to a path with a leading one.
    const emptySegment = url.pathname.includes('//')
      ? ' The path has an empty segment (//): join it with one slash.'
      : '';
    return problem(
      404,
      `No operation at ${url.pathname}.${emptySegment} The API is under ${sandbox.baseUrl}; the sandbox's own endpoints are listed at /_sandbox.`,
    );
  }
  const { route, path } = found;
  const reply = await handle(sandbox, request, route, /** @type {Record<string, string>} */ (path), url);
  if (!sandbox.options.validateResponses) return reply;
  const mediaType = reply.body === undefined ? undefined : (reply.mediaType ?? 'application/json');
  /** @type {Violation[]} */
  const violations = sandbox.contract.response(route, reply.status, mediaType, reply.body);
  if (violations.length === 0) return reply;
  for (const violation of violations)
    sandbox.violations.push({ operationId: route.operationId, status: reply.status, ...violation });
  return problem(
    500,
    `The sandbox's answer to ${route.operationId} does not match the description (${violations.map((violation) => `${violation.field} ${violation.message}`).join('; ')}). This is a bug of the sandbox.`,
  );
}

/** @param {Sandbox} sandbox @param {Request} request @param {Route} route @param {Record<string, string>} path @param {URL} url @returns {Promise<Reply>} */
async function handle(sandbox, request, route, path, url) {
  const oauth = route.api === 'identity';
  const origin = request.headers.origin;
  // A page of another site could have a token issued with a plain form POST, sent without a preflight.
  if (oauth && origin !== undefined && !isLoopbackOrigin(origin)) {
    return oauthError(
      400,
      'invalid_request',
      `The token endpoint takes requests from pages on this machine only (localhost, 127.0.0.1); not from ${origin}.`,
    );
  }
  if (route.secured) {
    const refused = authenticate(sandbox, route, request.headers.authorization);
    if (refused) {
      return problem(401, refused, { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });
    }
  }
  const repeatedQuery = repeatedName(url.searchParams);
  if (repeatedQuery) {
    const detail = `${clip(repeatedQuery, MAX_ECHOED)} was given more than once; give each query parameter once.`;
    return oauth ? oauthError(400, 'invalid_request', detail) : problem(400, detail);
  }
  // Node joins a header sent twice into one value ("k1, k2"): a header parameter the operation
  // takes (an IdempotencyKey) is refused then, never stored as a key of its own.
  const repeatedHeader = route.headerParameters.find(
    (name) => (request.headersDistinct[name.toLowerCase()]?.length ?? 0) > 1,
  );
  if (repeatedHeader) return problem(400, `${repeatedHeader} was given more than once; send the header once.`);
  const parameters = { path, query: Object.fromEntries(url.searchParams), header: { ...request.headers } };
  const badParameters = sandbox.contract.parameters(route, parameters, { lenient: sandbox.options.lenient });
  if (badParameters.count > 0) return refusal(route, 400, 'The request is malformed', badParameters);
  if (path.organizationId !== undefined && parameters.path.organizationId !== sandbox.state.organization.id) {
    return problem(
      403,
      `The client has no access to organization ${path.organizationId}; its organization is ${sandbox.state.organization.id}.`,
    );
  }
  const read = await readBody(sandbox, request, route);
  if ('reply' in read) return oauth ? asOAuthError(read.reply) : read.reply;
  if (oauth && read.value instanceof URLSearchParams) {
    // A client it does not know, or a grant it does not give, is turned away before the form
    // is looked into further: a stranger's form of a million fields costs no more than its parsing.
    const form = read.value;
    const refused = tokenRefusal(sandbox, (name) => {
      const values = form.getAll(name);
      return values.length === 1 ? values[0] : undefined;
    });
    if (refused) return refused;
  }
  const body = checkBody(sandbox, route, read.mediaType, read.value);
  if ('reply' in body) return oauth ? asOAuthError(body.reply) : body.reply;
  if ('mistakes' in body) return refusal(route, body.status, 'The request body is not valid', body.mistakes);
  const handler = OPERATIONS[route.operationId];
  if (!handler) return problem(500, `The sandbox does not carry out ${route.operationId} yet.`);
  try {
    return handler({ sandbox, operationId: route.operationId, ...parameters, body: body.value });
  } catch (error) {
    if (error instanceof PageTokenError) {
      // The operation's own name for it: PageToken, or the settlements' pageToken.
      const name = Object.keys(parameters.query).find((named) => /^pagetoken$/i.test(named)) ?? 'PageToken';
      return invalid(400, 'The request is malformed', [{ field: name, message: error.message }]);
    }
    throw error;
  }
}

/** Why the request is not authenticated, or undefined. The legacy API also takes HTTP Basic with the client's credentials. @param {Sandbox} sandbox @param {Route} route @param {string | undefined} authorization */
function authenticate(sandbox, route, authorization) {
  // Basic only where the description gives it: a client that passes here passes at Amili.
  if (authorization?.startsWith('Basic ') && !route.basic)
    return `${route.operationId} takes a bearer token, not Basic credentials (only the operations whose description lists Basic do); get one at the token endpoint and send "Bearer <token>".`;
  if (authorization?.startsWith('Basic ')) {
    const given = authorization.slice(6);
    const decoded = Buffer.from(given, 'base64');
    const [id, ...secret] = decoded.toString('utf8').split(':');
    // Base64 decoding skips what it cannot read: only the credentials' own encoding, whole, is taken.
    return decoded.toString('base64') === given && sandbox.checkCredentials(id, secret.join(':'))
      ? undefined
      : 'The Basic credentials are not the client id and secret; send "Basic " and the Base64 of id:secret, nothing more.';
  }
  return sandbox.tokens.problem(authorization);
}

/**
 * Reads the request body and parses it as its media type says: JSON, or a form (as its
 * URLSearchParams, for checkBody to check).
 * @param {Sandbox} sandbox @param {Request} request @param {Route} route
 * @returns {Promise<{ mediaType: string, value: unknown } | { reply: Reply }>}
 */
async function readBody(sandbox, request, route) {
  const { required, types } = sandbox.contract.requestBody(route);
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const json = types.includes(mediaType) && mediaType !== FORM ? watchJsonShape() : undefined;
  const limit = route.api === 'identity' ? BODY_LIMITS.token : BODY_LIMITS.api;
  const raw = await readRaw(request, limit, budgetOf(sandbox), json?.feed);
  if (types.length === 0) return { mediaType: '', value: undefined };
  if (raw.length === 0) {
    return required
      ? { reply: problem(400, `${route.operationId} needs a body (${types.join(' or ')}).`) }
      : { mediaType: '', value: undefined };
  }
  if (!types.includes(mediaType)) {
    return {
      reply: problem(
        400,
        `The body must be sent as ${types.join(' or ')}; the Content-Type was ${JSON.stringify(mediaType || 'missing')}.`,
      ),
    };
  }
  if (json?.over) return { reply: problem(400, SHAPE_REFUSALS[json.over]) };
  const text = utf8(raw);
  if (text === undefined) return { reply: problem(400, NOT_UTF8) };
  if (mediaType === FORM) return { mediaType, value: new URLSearchParams(text) };
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { reply: problem(400, `The body is not valid JSON: ${/** @type {Error} */ (error).message}.`) };
  }
  return { mediaType, value };
}

/**
 * Checks a parsed body against the operation's request body: the value to handle, or why not.
 * @param {Sandbox} sandbox @param {Route} route @param {string} mediaType @param {unknown} parsed
 * @returns {{ value: unknown } | { reply: Reply } | { status: number, mistakes: import('./contract.js').Mistakes }}
 */
function checkBody(sandbox, route, mediaType, parsed) {
  if (parsed === undefined) return { value: undefined };
  let value = parsed;
  if (parsed instanceof URLSearchParams) {
    const repeated = repeatedName(parsed);
    // RFC 6749 §3.1: a parameter sent more than once makes the request invalid (the token endpoint answers invalid_request).
    if (repeated) return { reply: problem(400, `${clip(repeated, MAX_ECHOED)} was sent more than once.`) };
    value = Object.fromEntries(parsed);
  }
  // 422 where the operation describes it (the AutoCollect API), else 400 (the legacy API).
  const status = route.operation.responses['422'] ? 422 : 400;
  const tooMany = tooManyItems(value, status);
  if (tooMany) return { reply: tooMany };
  const mistakes = sandbox.contract.body(route, mediaType, value, { lenient: sandbox.options.lenient });
  if (mistakes.count > 0) return { status, mistakes };
  return { value };
}

/**
 * A refusal naming what is wrong: problem details with `errors`, or for the token endpoint an
 * OAuth error, which has no `errors` and so says it all in its description.
 * @param {Route} route @param {number} status @param {string} what @param {import('./contract.js').Mistakes} mistakes
 */
function refusal(route, status, what, { named, count }) {
  return route.api === 'identity'
    ? oauthError(400, 'invalid_request', inWords(what, named, count))
    : invalid(status, what, named, count);
}

/** A problem the token endpoint answers as an OAuth error. @param {Reply} reply */
const asOAuthError = (reply) =>
  oauthError(400, 'invalid_request', String(/** @type {{ detail?: unknown }} */ (reply.body).detail));

/**
 * The whole body; BodyTooLarge, from the length it declares or as soon as more has come,
 * when it is larger than `limit`; BodiesInFlight when it would take more of `budget` than is
 * free; only its start when `feed` (shown each chunk) says to read no more. What is not read
 * is drained by serve, unkept, so that the answer reaches a client still sending. What it
 * took of the budget is given back once it is read or given up.
 * @param {Request} request @param {BodyLimit} limit @param {BodyBudget} budget @param {(chunk: Buffer) => boolean} [feed]
 * @returns {Promise<Buffer>}
 */
function readRaw(request, limit, budget, feed) {
  if (Number(request.headers['content-length'] ?? 0) > limit.bytes) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    // Listeners, not `for await`: leaving that loop early would destroy the request, and the answer with it.
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      budget.give(size);
    };
    const onData = (/** @type {Buffer} */ chunk) => {
      if (!budget.take(chunk.length)) {
        stop();
        return reject(new BodiesInFlight());
      }
      size += chunk.length;
      chunks.push(chunk);
      if (size > limit.bytes) {
        stop();
        reject(new BodyTooLarge(limit));
      } else if (feed && !feed(chunk)) onEnd();
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? /** @type {Buffer} */ (chunks[0]) : Buffer.concat(chunks));
    };
    const onError = (/** @type {Error} */ error) => {
      stop();
      reject(error);
    };
    const onClose = () => onError(new Error('The client closed the connection before the body ended.'));
    request.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** @param {Sandbox} sandbox @param {Request} request @param {string} method @param {string} pathname @returns {Promise<Reply>} */
async function control(sandbox, request, method, pathname) {
  const refused = refusedControl(request);
  if (refused) return problem(403, refused);
  const endpoints = controlEndpointsAt(pathname);
  const found = endpoints.find((candidate) => candidate.endpoint.method === method);
  const json = watchJsonShape();
  const raw = await readRaw(request, BODY_LIMITS.control, budgetOf(sandbox), json.feed);
  if (!found) {
    const allowed = endpoints.map((e) => e.endpoint.method);
    return endpoints.length > 0
      ? problem(405, `${method} is not allowed on ${pathname}; use ${allowed.join(' or ')}.`, {
          headers: { allow: allowed.join(', ') },
        })
      : problem(404, `No sandbox endpoint at ${pathname}; GET /_sandbox lists them.`);
  }
  if (json.over) return problem(400, SHAPE_REFUSALS[json.over]);
  const text = utf8(raw);
  if (text === undefined) return problem(400, NOT_UTF8);
  let body;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    return problem(400, 'The body is not valid JSON.');
  }
  try {
    return found.endpoint.run(sandbox, body, found.params);
  } catch (error) {
    if (error instanceof SandboxError) return problem(error.status, error.message);
    throw error;
  }
}

/**
 * The request target as a URL; undefined when it is not one. A path is read as a path: given
 * to `new URL` as a relative reference, `//evil.example/_sandbox` would name a host.
 * @param {string} target
 */
function requestUrl(target) {
  const base = 'http://sandbox';
  const url = target.startsWith('/') ? `${base}${target}` : target;
  return URL.canParse(url, base) ? new URL(url, base) : undefined;
}

/**
 * For a request answered before its body ended (a 413, a 401): the rest is read and dropped for
 * DRAIN_MS, so that the answer reaches a client still sending and the connection serves its next
 * request, then the connection is cut. A body that never ends was read for as long as it went on,
 * until Node's request timeout wrote a 408 after the answer.
 * @param {Request} request
 */
function cutUnlessBodyEnds(request) {
  const cut = setTimeout(() => request.socket.destroy(), DRAIN_MS);
  cut.unref();
  const keep = () => clearTimeout(cut);
  request.once('end', keep).once('close', keep);
}

/** @param {Response} response @param {Reply} reply */
function send(response, reply) {
  const headers = { ...reply.headers };
  let payload;
  if (reply.body !== undefined) {
    const mediaType = reply.mediaType ?? 'application/json';
    payload = typeof reply.body === 'string' && !mediaType.endsWith('json') ? reply.body : JSON.stringify(reply.body);
    headers['content-type'] = `${mediaType}; charset=utf-8`;
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  response.writeHead(reply.status, headers);
  response.end(payload);
}

/** The first name a form or query gives more than once, found in one pass. @param {URLSearchParams} parameters */
function repeatedName(parameters) {
  const seen = new Set();
  for (const name of parameters.keys()) {
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}
