// Builds a typed client as openapi-fetch intends: each method is openapi-fetch's own,
// called with the operation's default parseAs and a fetch of the call's own (openapi-fetch's
// per-request `fetch`) that sends through the transport with what the call knows of itself:
// its idempotency key, its signal, whether it may be retried, the create it is. Nothing rides
// on the Request, so middleware may replace it. Each answer is recorded for ApiError; a
// success body that is not valid JSON becomes an ApiError.
import createClient from 'openapi-fetch';
import { Deadline } from './deadline.js';
import { assertSecureUrl } from './endpoints.js';
import { type ParseAs, parseAsFor } from './media-type.js';
import type { ResolvedOptions } from './options.js';
import { PlainOrRequest, type PlainRequest } from './plain-request.js';
import { IDEMPOTENT_METHODS } from './retry.js';
import { type Call, createTransport, type Fetch } from './transport.js';
import { apiError, recordCall } from './unwrap.js';

/** What the generated metadata says of an operation that matters for sending it. */
export interface OperationInfo {
  operationId: string;
  idempotencyKey?: string;
  /** Set on creates that answer with a batch reference (`x-batch`): the type of batch they make. */
  batch?: { type: string };
  /** The media type of the success response's body, when it has one. */
  successMediaType?: string;
  /** Set when the success response has no body in the spec: one that comes anyway is not data. */
  noContent?: boolean;
}

type Result = { data?: unknown; error?: unknown; response: Response };
type Method = (path: string, init?: { parseAs?: ParseAs; [key: string]: unknown }) => Promise<Result>;

/** A create that was sent: its organization, and the type of batch it makes. */
export interface SentCreate {
  organizationId: string;
  type: string;
  /**
   * The call's own base URL, fetch and headers, when it had them: the look-up goes where the
   * create went, as it went (its middleware, written for the create, is not the look-up's).
   */
  baseUrl: string | undefined;
  fetch: Fetch | undefined;
  headers: unknown;
}

/**
 * Finds the batch a create made under the idempotency key it was sent with, answering as the
 * create's own 202 would; undefined when there is none.
 */
export type FindCreatedBatch = (
  create: SentCreate,
  idempotencyKey: string,
  signal: AbortSignal | undefined,
) => Promise<Response | undefined>;

/** openapi-fetch's client for `paths`, each method sending through the transport. */
export function createTypedClient<Client extends object>(
  operations: Record<string, OperationInfo>,
  options: ResolvedOptions,
  findCreatedBatch?: (client: Client) => FindCreatedBatch,
): Client {
  let findBatch: FindCreatedBatch | undefined;
  const transport = createTransport(options);
  const base = createClient({
    baseUrl: options.baseUrl,
    ...(options.headers && { headers: options.headers }),
  });

  // Each method's operations by path: a call looks its own up without making a key of its method and path.
  const byMethod: Record<string, Map<string, OperationInfo>> = {};
  for (const [id, operation] of Object.entries(operations)) {
    const [method = '', path = ''] = id.split(' ');
    byMethod[method] = (byMethod[method] ?? new Map()).set(path, operation);
  }
  const client = { ...base } as Record<string, unknown>;
  // Once middleware is added, every call builds a Request for it to see (even after it is ejected).
  let middleware = false;
  client.use = (...added: Parameters<typeof base.use>) => {
    // Set first: openapi-fetch keeps what it added before an argument it refuses.
    middleware = true;
    base.use(...added);
  };
  // openapi-fetch's own methods (GET, POST, …): every upper-case function of its client.
  const methods = Object.keys(base).filter((key) => /^[A-Z]+$/.test(key));
  for (const method of methods) {
    const send = ((base as unknown as Record<string, Method>)[method] as Method).bind(base);
    const byPath = byMethod[method] ?? new Map<string, OperationInfo>();
    client[method] = async (path: string, init: { parseAs?: ParseAs; [key: string]: unknown } = {}) => {
      assertPathParameters(method, path, init.params);
      if (init.baseUrl !== undefined) assertSecureUrl(`${method} ${path}`, 'baseUrl', init.baseUrl, {});
      const operation = byPath.get(path);
      const params = (init.params ?? {}) as Params;
      // The operation's idempotency key, one per call and kept across retries, so that Amili
      // can drop a repeated create whatever the number of attempts; the caller's, if given.
      const keyHeader = operation?.idempotencyKey;
      const given = keyHeader ? headerIn(init.headers, params.header, keyHeader) : undefined;
      if (given?.trim() === '') {
        throw new TypeError(
          `${method} ${path}: the ${keyHeader} is empty, so a repeat could not be told apart; pass a key that is not, or none and the client makes one.`,
        );
      }
      const key = keyHeader ? (given ?? crypto.randomUUID()) : undefined;
      const organizationId = params.path?.organizationId;
      // Looked up where it was sent, as it was sent: with the call's own options, if it has them.
      const create: SentCreate | undefined =
        key && operation?.batch && typeof organizationId === 'string'
          ? {
              organizationId,
              type: operation.batch.type,
              baseUrl: init.baseUrl as string | undefined,
              fetch: init.fetch as Fetch | undefined,
              headers: init.headers,
            }
          : undefined;
      // A body the spec does not give is read as text, which never fails, and answered as no data.
      const ignoreBody = operation?.noContent === true && init.parseAs === undefined;
      const parseAs = init.parseAs ?? (ignoreBody ? 'text' : parseAsFor(operation?.successMediaType));
      const fetch = (init.fetch ?? options.fetch) as Fetch | undefined;
      const signal = (init.signal ?? undefined) as AbortSignal | undefined;
      // openapi-fetch's Request follows the first attempt's signal when there is a caller's
      // signal for middleware to see, or a fetch of the caller's to give that Request to as it
      // is (it must carry the attempt's signal); otherwise the platform's fetch gets the signal
      // beside the Request, which costs less.
      const handOver = fetch !== undefined && init.body === undefined;
      const first = handOver || signal ? new Deadline(signal) : undefined;
      const info = { method, path, operationId: operation?.operationId };
      const call: Call = {
        info,
        retryable: IDEMPOTENT_METHODS.has(method) || key !== undefined,
        keyHeader,
        buffer: parseAs !== 'stream',
        streamable: true,
        fetch,
        // The caller's signal itself goes to the transport, never on a Request: a Request ties
        // itself to its signal until it is garbage collected, and the caller's may live long.
        // openapi-fetch's Request follows `first`, which lets the caller's go when the call ends.
        signal,
        first,
        landed:
          create && findBatch
            ? (sentKey, signal) => (findBatch as FindCreatedBatch)(create, sentKey, signal)
            : undefined,
      };
      /** What the transport answered: a success body that is not JSON is then an ApiError about it. */
      let answered: Response | undefined;
      try {
        // Copied key by key, not spread: Node 20 spreads a caller's fresh object literal some
        // forty times slower (2 µs a call), and Object.assign takes four times as long.
        const sent: Record<string, unknown> = {};
        for (const name in init) sent[name] = init[name];
        sent.parseAs = parseAs;
        sent.fetch = async (request: Request | PlainRequest, extra?: RequestInit) => {
          answered = await transport(request, call, extra);
          return answered;
        };
        sent.signal = first?.signal;
        if (key && keyHeader) sent.params = { ...params, header: { ...params.header, [keyHeader]: key } };
        // The Request openapi-fetch builds, to tell it from one that middleware put in its place.
        if (handOver) sent.Request = recording(call, init.Request as typeof Request | undefined);
        // No one but the platform's fetch reads the request: fetch makes the only Request of it.
        else if (!fetch && !middleware && !init.middleware && !init.Request) sent.Request = PlainOrRequest;
        const result = await send(path, sent);
        // The response the call ends with, which middleware may have replaced.
        recordCall(result.response, info);
        // openapi-fetch answers no data for a body of Content-Length 0: a file or a text is
        // then empty, as it is typed and as it is without the header (a 204 or HEAD has none).
        const empty = result.data === undefined && method !== 'HEAD' ? EMPTY[parseAs] : undefined;
        if (empty && result.response.ok && result.response.status !== 204) result.data = empty();
        if (ignoreBody && result.response.ok) result.data = undefined;
        return result;
      } catch (error) {
        // A success body that is not JSON is the API's fault, not a crash.
        if (error instanceof SyntaxError && answered) {
          recordCall(answered, info);
          throw apiError(
            answered,
            undefined,
            `the ${answered.status} response body is not valid JSON (${error.message})`,
          );
        }
        throw error;
      } finally {
        // Once the call ends, its first deadline follows the caller's signal no longer, unless
        // it bounds a streamed answer's body (its timer then lets go).
        if (!answered?.ok || call.buffer) first?.clear();
      }
    };
  }
  client.request = (method: string, path: string, init?: Parameters<Method>[1]) =>
    (client[method.toUpperCase()] as Method)(path, init);
  findBatch = findCreatedBatch?.(client as Client);
  return client as Client;
}

/** The empty body of each way of reading one that is not JSON. */
const EMPTY: Partial<Record<ParseAs, () => unknown>> = {
  blob: () => new Blob([]),
  text: () => '',
  arrayBuffer: () => new ArrayBuffer(0),
};

/** The parameter names of each path template called so far. */
const templateNames = new Map<string, string[]>();

/**
 * A path parameter of `.` or `..`, or none at all (empty, missing, an object) would make the URL
 * name another resource: refuse it.
 */
function assertPathParameters(method: string, path: string, params: unknown): void {
  const values = (params as { path?: Record<string, unknown> } | undefined)?.path;
  let names = templateNames.get(path);
  if (!names) {
    names = path.match(/(?<=\{)[^}]+(?=\})/g) ?? [];
    templateNames.set(path, names);
  }
  for (const name of names) {
    const value = values?.[name];
    const text = String(value);
    if (text === '.' || text === '..' || text === '' || value == null || typeof value === 'object') {
      throw new TypeError(
        `${method} ${path}: path parameter ${name} is ${JSON.stringify(value)}, which would change the path; pass the id itself.`,
      );
    }
  }
}

type Params = { path?: Record<string, unknown>; header?: Record<string, unknown> };

/**
 * A Request constructor, as openapi-fetch takes one, that records the Request it makes in
 * the call. A function rather than a class: openapi-fetch checks what middleware returns with
 * `instanceof` it, which must hold for any Request.
 */
function recording(call: Call, Base: typeof Request = Request): typeof Request {
  function RecordedRequest(input: RequestInfo | URL, init?: RequestInit): Request {
    call.built = new Base(input, init);
    return call.built;
  }
  RecordedRequest.prototype = Request.prototype;
  return RecordedRequest as unknown as typeof Request;
}

/** A header's value as the caller gave it, in `headers` or the operation's header parameters; names match in any case. */
function headerIn(headers: unknown, parameters: Record<string, unknown> | undefined, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const fromParameters = Object.entries(parameters ?? {}).find(([key]) => key.toLowerCase() === wanted)?.[1];
  if (fromParameters !== undefined && fromParameters !== null) return String(fromParameters);
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const entries = Array.isArray(headers) ? headers : Object.entries((headers as object | undefined) ?? {});
  const found = (entries as [string, unknown][]).find(([key, value]) => key.toLowerCase() === wanted && value != null);
  return found === undefined ? undefined : String(found[1]);
}
