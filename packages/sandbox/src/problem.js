// @ts-check
// Error answers in the shape the descriptions give them: RFC 9457 problem details
// (`application/problem+json`) for the APIs, an OAuth 2.0 error for the token endpoint.
import { randomBytes } from 'node:crypto';

/** @typedef {{ status: number, headers?: Record<string, string>, body?: unknown, mediaType?: string }} Reply */

const TITLES = /** @type {Record<number, string>} */ ({
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
});

const SECTIONS = /** @type {Record<number, string>} */ ({
  400: 'rfc9110#section-15.5.1',
  401: 'rfc9110#section-15.5.2',
  403: 'rfc9110#section-15.5.4',
  404: 'rfc9110#section-15.5.5',
  405: 'rfc9110#section-15.5.6',
  409: 'rfc9110#section-15.5.10',
  422: 'rfc9110#section-15.5.21',
  429: 'rfc6585#section-4',
  500: 'rfc9110#section-15.6.1',
  503: 'rfc9110#section-15.6.4',
});

/**
 * A problem-details answer.
 * @param {number} status @param {string} detail
 * @param {{ errors?: Record<string, string[]>, headers?: Record<string, string> }} [extra]
 * @returns {Reply}
 */
export function problem(status, detail, extra = {}) {
  return {
    status,
    mediaType: 'application/problem+json',
    ...(extra.headers ? { headers: extra.headers } : {}),
    body: {
      type: `https://tools.ietf.org/html/${SECTIONS[status] ?? 'rfc9110'}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      traceId: traceId(),
      ...(extra.errors ? { errors: extra.errors } : {}),
    },
  };
}

/**
 * A problem naming each field that is wrong, as `errors: { field: [message] }`.
 * @param {number} status @param {string} what @param {{ field: string, message: string }[]} violations
 */
export function invalid(status, what, violations) {
  // No prototype: a field may be named `constructor` or `__proto__`.
  /** @type {Record<string, string[]>} */
  const errors = Object.create(null);
  for (const { field, message } of violations) {
    errors[field] = [...(errors[field] ?? []), message];
  }
  const [first] = violations;
  const detail =
    violations.length === 1 && first
      ? `${what}: ${first.field} ${first.message}${/[.?!]$/.test(first.message) ? '' : '.'}`
      : `${what}: ${violations.map((violation) => violation.field).join(', ')} are not valid; see errors.`;
  return problem(status, detail, { errors });
}

/** A W3C trace context id, as ASP.NET puts in its problem details. */
function traceId() {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}
