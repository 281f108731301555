// Builds a typed client as openapi-fetch intends: createClient with our transport as
// its fetch, and a middleware that adds the idempotency key and records the call for
// ApiError. Each method is openapi-fetch's own, called with the operation's default
// parseAs; a success body that is not valid JSON becomes an ApiError.
import createClient, { type Middleware } from 'openapi-fetch';
import { followSignal } from './deadline.js';
import { assertSecureUrl } from './endpoints.js';
import { type ParseAs, parseAsFor } from './media-type.js';
import type { ResolvedOptions } from './options.js';
import { IDEMPOTENT_METHODS } from './retry.js';
import { createTransport } from './transport.js';
import { apiError, recordCall } from './unwrap.js';

/** What the generated metadata says of an operation that matters for sending it. */
export interface OperationInfo {
  operationId: string;
  idempotencyKey?: string;
  /** Set on creates that answer with a batch reference (`x-batch`). */
  batch?: unknown;
  /** The media type of the success response's body, when it has one. */
  successMediaType?: string;
}

type Result = { data?: unknown; error?: unknown; response: Response };
type Method = (path: string, init?: { parseAs?: ParseAs; [key: string]: unknown }) => Promise<Result>;

/** A create that was sent: its organization and idempotency key, to look its batch up by. */
export interface SentCreate {
  organizationId: string;
  idempotencyKey: string;
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
  const idempotencyHeaders = new Set(
    Object.values(operations).flatMap((op) => (op.idempotencyKey ? [op.idempotencyKey] : [])),
  );
  const transport = createTransport({
    fetch: options.fetch,
    policy: options.policy,
    timeoutMs: options.timeoutMs,
    tokens: options.tokens,
    log: options.log,
    describe: (request) => callOf(request)?.name ?? `${request.method} ${new URL(request.url).pathname}`,
    // Safe methods, and creates that carry an idempotency key.
    retryable: (request) =>
      IDEMPOTENT_METHODS.has(request.method) || [...idempotencyHeaders].some((name) => request.headers.has(name)),
    buffer: (request) => callOf(request)?.parseAs !== 'stream',
    landed: (request) => {
      const create = callOf(request)?.create;
      return create && findBatch ? () => (findBatch as FindCreatedBatch)(create, request.signal) : undefined;
    },
  });
  const base = createClient({
    baseUrl: options.baseUrl,
    ...(options.headers && { headers: options.headers }),
    fetch: transport,
  });
  base.use(callMiddleware(operations));

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
      const seen: CallRecord = { parseAs, name: `${method} ${path}${operation ? ` ${operation.operationId}` : ''}` };
      // openapi-fetch's Request would tie itself to the caller's signal until it is garbage
      // collected; a signal of the call's own follows the caller's, and lets go when the call ends.
      const follow = init.signal ? followSignal(init.signal as AbortSignal) : undefined;
      try {
        return await send(path, {
          ...init,
          parseAs,
          [SEEN]: seen,
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

/** What a call leaves on openapi-fetch's Request (which copies unknown init keys onto it): its final response, and what a create sent. */
const SEEN = 'autocollectCall';
interface CallRecord {
  parseAs?: ParseAs;
  /** How log lines name the call: method, path template and operationId. */
  name?: string;
  response?: Response;
  create?: SentCreate;
}
const callOf = (request: Request) => (request as unknown as Record<string, CallRecord | undefined>)[SEEN];

/** Adds the operation's idempotency key (one per call, kept across retries) and records each response's call. */
function callMiddleware(operations: Record<string, OperationInfo>): Middleware {
  return {
    onRequest({ request, schemaPath, params }) {
      const operation = operations[`${request.method} ${schemaPath}`];
      const header = operation?.idempotencyKey;
      // So that Amili can drop a repeated create, whatever the number of attempts.
      if (header && !request.headers.has(header)) request.headers.set(header, crypto.randomUUID());
      const organizationId = (params.path as Record<string, unknown> | undefined)?.organizationId;
      const record = callOf(request);
      if (record && header && operation?.batch && typeof organizationId === 'string') {
        record.create = { organizationId, idempotencyKey: request.headers.get(header) as string };
      }
      return request;
    },
    onResponse({ request, response, schemaPath }) {
      const operationId = operations[`${request.method} ${schemaPath}`]?.operationId;
      recordCall(response, { method: request.method, path: schemaPath, operationId });
      const seen = callOf(request);
      if (seen) seen.response = response;
      return response;
    },
  };
}
