// The errors the client throws. None of them holds a request, its headers, a
// token or a secret, so printing, logging or serialising one leaks nothing.

/** Base class of every error this package throws. */
export class AutoCollectError extends Error {
  override name = 'AutoCollectError';
}

export interface ApiErrorDetails {
  status: number;
  method: string;
  /** The path template, such as `/orgs/{organizationId}/invoices/{invoiceId}`. */
  path: string;
  operationId: string | undefined;
  /** The response body: parsed JSON, else the text, else undefined. */
  body: unknown;
  /** Amili's id for the request, from the response headers, to quote to its support. */
  requestId: string | undefined;
  /** Why the response could not be used, when the status alone does not say. */
  reason?: string;
}

/** The API answered with an error status, or with a body that could not be read. */
export class ApiError extends AutoCollectError {
  override name = 'ApiError';
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
  readonly body: unknown;
  readonly requestId: string | undefined;

  constructor(details: ApiErrorDetails) {
    const operation = details.operationId ? ` (${details.operationId})` : '';
    const detail = details.reason ?? problemDetail(details.body);
    const request = details.requestId ? ` [request id ${details.requestId}]` : '';
    super(
      `${details.method} ${details.path}${operation} failed with ${details.status}${detail ? `: ${detail}` : ''}${request}`,
    );
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.operationId = details.operationId;
    this.body = details.body;
    this.requestId = details.requestId;
  }

  /** Its fields and message (an Error's message is not its own enumerable property). */
  toJSON() {
    return { ...this, message: this.message };
  }
}

/** The connection failed: refused, reset, or the host could not be found. */
export class ConnectionError extends AutoCollectError {
  override name = 'ConnectionError';
}

/** An attempt took longer than `timeoutMs`, or `waitForBatch` ran out of time. */
export class TimeoutError extends AutoCollectError {
  override name = 'TimeoutError';
}

/**
 * The token endpoint refused the client's credentials, or answered a redirect or no token. (One
 * that stays down, with a 5xx, 408 or 429, is an ApiError of RequestAccessToken.)
 */
export class AuthenticationError extends AutoCollectError {
  override name = 'AuthenticationError';
  /** The token endpoint's HTTP status, when it answered. */
  readonly status: number | undefined;

  constructor(message: string, status?: number, options?: ErrorOptions) {
    super(message, options);
    this.status = status;
  }
}

/** Of a validation problem's messages, the most a message quotes: the rest stay in its body. */
const MESSAGES_QUOTED = 3;

/**
 * A short human-readable detail from an error body (problem details or OAuth error), with the
 * first of a validation problem's messages that it does not give already (as `field: message`
 * or `field message`, as the sandbox's detail gives its first few): a detail that only points
 * to them ("see errors") does not say what to fix.
 */
function problemDetail(body: unknown): string | undefined {
  // An HTML error page (from a proxy, say) says nothing useful in one line.
  if (typeof body === 'string') return /^\s*</.test(body) ? undefined : body.trim().slice(0, 200) || undefined;
  if (body && typeof body === 'object') {
    const { detail, title, error_description: description, message, errors } = body as Record<string, unknown>;
    const text = [detail, description, message, title].find((value) => typeof value === 'string' && value !== '') as
      | string
      | undefined;
    const untold = fieldMessages(errors)
      .filter(({ field, message }) => !text?.includes(`${field}: ${message}`) && !text?.includes(`${field} ${message}`))
      .map(({ field, message }) => `${field}: ${message}`);
    if (untold.length === 0) return text;
    const more = untold.length - MESSAGES_QUOTED;
    const quoted = `${untold.slice(0, MESSAGES_QUOTED).join('; ')}${more > 0 ? `; and ${more} more in its body.errors` : ''}`;
    return `${text ? `${text} ` : ''}${quoted.slice(0, 500)}`;
  }
  return undefined;
}

/** Each message of a validation problem's `errors` (ASP.NET Core's: messages by field), with its field. */
function fieldMessages(errors: unknown): { field: string; message: string }[] {
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return [];
  return Object.entries(errors).flatMap(([field, messages]) =>
    (Array.isArray(messages) ? messages : [messages])
      .filter((text): text is string => typeof text === 'string' && text !== '')
      .map((message) => ({ field, message })),
  );
}
