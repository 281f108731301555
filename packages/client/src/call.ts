// Builds a typed client as openapi-fetch intends: each method is openapi-fetch's own,
// called with the operation's default parseAs and a fetch of the call's own (openapi-fetch's
// per-request `fetch`) that sends through the transport with what the call knows of itself:
// its idempotency key, whether it may be retried, the create it is. Nothing rides on the
// Request, so middleware may replace it. A middleware records each response for ApiError;
// a success body that is not valid JSON becomes an ApiError.
import createClient, { type Middleware } from 'openapi-fetch';
import { followSignal } from './deadline.js';
import { assertSecureUrl } from './endpoints.js';
import { type ParseAs, parseAsFor } from './media-type.js';
import type { ResolvedOptions } from './options.js';
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
}

type Result = { data?: unknown; error?: unknown; response: Response };
type Method = (path: string, init?: { parseAs?: ParseAs; [key: string]: unknown }) => Promise<Result>;

/** A create that was sent: its organization and idempotency key, to look its batch up by, and the type of batch it makes. */
export interface SentCreate {
  organizationId: string;
  idempotencyKey: string;
  type: string;
}

/** Finds the batch a create made, answering as the create's own 202 would; undefined when there is none. */
export type FindCreatedBatch = (create: SentCreate, signal: AbortSignal) => Promise<Response | undefined>;

/** openapi-fetch's client for `paths`, sending through the transport, with the call middleware in place. */
export function createTypedClient<Client extends object>(
  operations: Record<string, OperationInfo>,
  options: ResolvedOptions,
  findCreatedBatch?: (client: Client) => FindCreatedBatch,
): Client {
  let findBatch: FindCreatedBatch | undefined;
  const transport = createTransport(options);
  /** Each call's state, by the Request openapi-fetch sent (after its middleware), for its response. */
  const calls = new WeakMap<Request, CallRecord>();
  const base = createClient({
    baseUrl: options.baseUrl,
    ...(options.headers && { headers: options.headers }),
  });
  base.use(callMiddleware(operations, calls));

  const client = { ...base } as Record<string, unknown>;
  // openapi-fetch's own methods (GET, POST, …): every upper-case function of its client.
  const methods = Object.keys(base).filter((key) => /^[A-Z]+$/.test(key));
  for (const method of methods) {
    const send = ((base as unknown as Record<string, Method>)[method] as Method).bind(base);
    client[method] = async (path: string, init: { parseAs?: ParseAs; [key: string]: unknown } = {}) => {
      assertPathParameters(`${method} ${path}`, init.params);
      if (init.baseUrl !== undefined) assertSecureUrl(`${method} ${path}`, 'baseUrl', init.baseUrl, {});
      const operation = operations[`${method} ${path}`];
      const parseAs = init.parseAs ?? parseAsFor(operation?.successMediaType);
      const name = `${method} ${path}${operation ? ` ${operation.operationId}` : ''}`;
      const params = (init.params ?? {}) as Params;
      // The operation's idempotency key, one per call and kept across retries, so that Amili
      // can drop a repeated create whatever the number of attempts; the caller's, if given.
      const keyHeader = operation?.idempotencyKey;
      const key = keyHeader ? (headerIn(init.headers, params.header, keyHeader) ?? crypto.randomUUID()) : undefined;
      const organizationId = params.path?.organizationId;
      const create =
        key && operation?.batch && typeof organizationId === 'string'
          ? { organizationId, idempotencyKey: key, type: operation.batch.type }
          : undefined;
      const seen: CallRecord = {};
      const call: Call = {
        name,
        retryable: IDEMPOTENT_METHODS.has(method) || key !== undefined,
        buffer: parseAs !== 'stream',
        fetch: init.fetch as Fetch | undefined,
        landed: create && findBatch ? (signal) => (findBatch as FindCreatedBatch)(create, signal) : undefined,
      };
      // openapi-fetch's Request would tie itself to the caller's signal until it is garbage
      // collected; a signal of the call's own follows the caller's, and lets go when the call ends.
      const follow = init.signal ? followSignal(init.signal as AbortSignal) : undefined;
      try {
        return await send(path, {
          ...init,
          parseAs,
          ...(key && keyHeader && { params: { ...params, header: { ...params.header, [keyHeader]: key } } }),
          fetch: (request: Request, extra?: RequestInit) => {
            calls.set(request, seen);
            return transport(request, call, extra);
          },
          ...(follow && { signal: follow.controller.signal }),
        });
      } catch (error) {
        // A success body that is not JSON is the API's fault, not a crash.
        if (error instanceof SyntaxError && seen.response) {
          throw apiError(
            seen.response,
            undefined,
            `the ${seen.response.status} response body is not valid JSON (${error.message})`,
          );
        }
        throw error;
      } finally {
        follow?.release();
      }
    };
  }
  client.request = (method: string, path: string, init?: Parameters<Method>[1]) =>
    (client[method.toUpperCase()] as Method)(path, init);
  findBatch = findCreatedBatch?.(client as Client);
  return client as Client;
}

/** A path parameter of `.` or `..` (or none at all) would make the URL name another resource: refuse it. */
function assertPathParameters(call: string, params: unknown): void {
  const path = (params as { path?: Record<string, unknown> } | undefined)?.path ?? {};
  for (const [name, value] of Object.entries(path)) {
    const text = String(value);
    if (text === '.' || text === '..' || text === '') {
      throw new TypeError(
        `${call}: path parameter ${name} is ${JSON.stringify(value)}, which would change the path; pass the id itself.`,
      );
    }
  }
}

type Params = { path?: Record<string, unknown>; header?: Record<string, unknown> };

/** What a call keeps of its answer: the response its middleware ended with. */
interface CallRecord {
  response?: Response;
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

/** Records each response's call for ApiError, and the response the call ended with. */
function callMiddleware(operations: Record<string, OperationInfo>, calls: WeakMap<Request, CallRecord>): Middleware {
  return {
    onResponse({ request, response, schemaPath }) {
      const operationId = operations[`${request.method} ${schemaPath}`]?.operationId;
      recordCall(response, { method: request.method, path: schemaPath, operationId });
      const seen = calls.get(request);
      if (seen) seen.response = response;
      return response;
    },
  };
}
