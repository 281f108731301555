// Turns openapi-fetch's { data, error, response } into the data, or an ApiError.
import { ApiError } from './errors.js';
import { concealed, ReadResponse } from './read-response.js';

/** What a response answered: the method, path template and operation of its call. */
export interface CallInfo {
  method: string;
  path: string;
  operationId: string | undefined;
}

/** The call of each response that is not a ReadResponse (one that middleware made), for ApiError. */
const calls = new WeakMap<Response, CallInfo>();

export function recordCall(response: Response, call: CallInfo): void {
  if (response instanceof ReadResponse) response.call = call;
  else calls.set(response, call);
}

/** Returns `data`, or throws an ApiError carrying the status, operation, body and request id. */
export function unwrap<Data>(result: { data?: Data; error?: unknown; response: Response }): Data {
  const { response } = result;
  if (result.error === undefined && response.ok) return result.data as Data;
  throw apiError(response, result.error);
}

export function apiError(response: Response, body: unknown, reason?: string): ApiError {
  const call = (response instanceof ReadResponse && response.call) ||
    calls.get(response) || {
      method: '?',
      path: new URL(response.url || 'http://unknown/').pathname,
      operationId: undefined,
    };
  // A server may echo the token or the client secret anywhere: in a request id, in a success's
  // body (an error's was redacted as it was read, and a marker is not redacted again), in what
  // the reason quotes of it (a page token handed back).
  return new ApiError({
    ...call,
    status: response.status,
    body: response.ok ? concealed(response, body) : body,
    requestId: concealed(response, requestId(response.headers, body)),
    ...(reason !== undefined && { reason: response.ok ? concealed(response, reason) : reason }),
  });
}

/** Amili's request id from the response's headers; which header carries it is not documented, so the usual ones are tried. */
export function requestIdHeader(headers: Headers): string | undefined {
  // An empty header is no id: the next one is tried.
  return headers.get('x-amili-request-id') || headers.get('x-request-id') || headers.get('request-id') || undefined;
}

/** Amili's request id. Which header carries it is not documented, so the usual ones are tried, then the problem's traceId. */
function requestId(headers: Headers, body: unknown): string | undefined {
  const fromHeader = requestIdHeader(headers);
  if (fromHeader) return fromHeader;
  const traceId = (body as { traceId?: unknown } | undefined)?.traceId;
  return typeof traceId === 'string' ? traceId : undefined;
}
