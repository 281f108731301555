// @ts-check
// Error answers in the shape the descriptions give them: RFC 9457 problem details
// (`application/problem+json`) for the APIs, an OAuth 2.0 error for the token endpoint.
import { randomBytes } from 'node:crypto';
import { clip, MAX_ECHOED } from './text.js';

/**
 * @typedef {{ status: number, headers?: Record<string, string>, body?: unknown, mediaType?: string }} Reply
 * @typedef {import('./contract.js').Violation} Violation
 */

const TITLES = /** @type {Record<number, string>} */ ({
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
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
  413: 'rfc9110#section-15.5.14',
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
 * The most mistakes an answer names: a body with a million unknown properties has them
 * counted, and the first few named, so that neither the work nor the answer grows with it.
 */
export const MAX_NAMED = 10;

/**
 * The most mistakes a problem's `detail` says in words, and the most characters they take
 * there: the detail is what a log line, or a client's error message, shows of the problem, so
 * it says what is wrong itself, and `errors` names the rest.
 */
const MAX_TOLD = 3;
const MAX_TOLD_LENGTH = 300;

/**
 * A problem naming each field that is wrong, as `errors: { field: [message] }`: the first
 * MAX_NAMED of them, and how many more there are. Its `detail` says the first few itself
 * (`invoices[0].debtors is required; invoices[0].debtor is not a known property; did you mean
 * debtors?`), and how many more `errors` names.
 * @param {number} status @param {string} what @param {Violation[]} violations
 * @param {number} [count] how many there are in all, when `violations` holds the first only
 */
export function invalid(status, what, violations, count = violations.length) {
  const named = firstNamed(violations);
  // No prototype: a field may be named `constructor` or `__proto__`.
  /** @type {Record<string, string[]>} */
  const errors = Object.create(null);
  for (const { field, message } of named) {
    errors[field] = [...(errors[field] ?? []), message];
  }
  /** @type {string[]} */
  const told = [];
  let length = 0;
  for (const { field, message } of named.slice(0, MAX_TOLD)) {
    const said = clip(`${field} ${message}`, MAX_TOLD_LENGTH);
    if (told.length > 0 && length + said.length > MAX_TOLD_LENGTH) break;
    told.push(said);
    length += said.length;
  }
  const more = count - told.length;
  const words = told.join('; ');
  const detail =
    more <= 0
      ? `${what}: ${words}${/[.?!]$/.test(words) ? '' : '.'}`
      : count <= named.length
        ? `${what}: ${words}; and ${more} more in errors.`
        : `${what}: ${words}; and ${more} more; errors names the first ${named.length}.`;
  return problem(status, detail, { errors });
}

/**
 * The same in words alone, for an answer that has no `errors` (an OAuth error's
 * `error_description`): each of the first MAX_NAMED mistakes, and how many more there are.
 * @param {string} what @param {Violation[]} violations @param {number} [count]
 */
export function inWords(what, violations, count = violations.length) {
  const named = firstNamed(violations);
  const more = count - named.length;
  return `${what}: ${named.map(sentence).join(' ')}${more > 0 ? ` And ${more} more.` : ''}`;
}

/** @param {Violation[]} violations */
const firstNamed = (violations) =>
  violations.slice(0, MAX_NAMED).map(({ field, message }) => ({ field: clip(field, MAX_ECHOED), message }));

/** @param {Violation} violation */
const sentence = ({ field, message }) => `${field} ${message}${/[.?!]$/.test(message) ? '' : '.'}`;

/** A W3C trace context id, as ASP.NET puts in its problem details. */
function traceId() {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}
