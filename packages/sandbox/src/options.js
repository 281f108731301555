// @ts-check
// The sandbox's options, shared by the CLI and startSandbox: checked at start, each
// with a message that says what was wrong and what to pass instead.
import { describedSandboxUrl, exampleOrganization } from './contract.js';
import { DEFAULT_CREDENTIALS } from './credentials.js';
import { MAX_DELAY_MS, MAX_DELAY_WORDS, NO_FAULTS, parseFaults } from './faults.js';
import { DEFAULT_WEBHOOK_RETRY, webhookUrlProblem } from './webhooks.js';

/**
 * @typedef {object} SandboxOptions
 * @property {number} [port] Default 4010; 0 picks a free port.
 * @property {string} [host] Default 127.0.0.1. Another address makes the sandbox reachable from other machines.
 * @property {string} [clientId] The client id the token endpoint accepts. Default `sandbox-client`.
 * @property {string} [clientSecret] The client secret it accepts. Default `sandbox-secret`.
 * @property {string} [organizationId] The organization's id. Default: the organization of the description's examples, the same on every start.
 * @property {string[]} [webhookUrls] Where webhook events are POSTed.
 * @property {string} [webhookSecret] The secret deliveries are signed with. Default `sandbox-webhook-secret`.
 * @property {number} [batchDelayMs] How long a batch stays QUEUED. Default 1000; 0 processes it before the 202 is sent.
 * @property {number} [tokenTtlSeconds] How long an access token is valid. Default 3600.
 * @property {string} [faults] Faults to inject, such as "429=10%,503=5%,reset=2%,latency=200ms". Default none.
 * @property {Partial<import('./webhooks.js').RetryPolicy>} [webhookRetry] Delivery attempts (default 6), the first back-off (1000 ms, doubling) and each attempt's timeout (10 000 ms).
 * @property {boolean} [validateResponses] Check every answer against the description before sending it. Default true.
 * @property {boolean} [lenient] Accept request bodies with properties the description does not have (Amili may ignore them). Default false: they get 422, as the client's types refuse them.
 * @property {boolean} [examples] Hold, from the start and after each reset, the records the description's examples name (an invoice with its case, its batch and a settlement, under the examples' ids, and a case ready for each case action that needs one paused or asked for a decision), so the docs' samples work as written. Default false; the CLI and `npm start` turn it on.
 * @property {(line: string) => void} [log] Called with one line per request, and with a line when a webhook delivery first fails, when it is given up, and when it gets through after failing. Default: nothing is logged.
 */

/**
 * @typedef {{
 *   port: number, host: string, clientId: string, clientSecret: string, organizationId: string,
 *   webhookUrls: string[], webhookSecret: string, batchDelayMs: number, tokenTtlSeconds: number,
 *   faults: import('./faults.js').Faults, webhookRetry: import('./webhooks.js').RetryPolicy,
 *   validateResponses: boolean, lenient: boolean, examples: boolean, log: ((line: string) => void) | undefined
 * }} ResolvedOptions
 */

/** Where the description's `Sandbox` server is: the default host and port. */
const described = new URL(describedSandboxUrl());

export const DEFAULTS = {
  port: Number(described.port),
  host: described.hostname,
  ...DEFAULT_CREDENTIALS,
  batchDelayMs: 1000,
  tokenTtlSeconds: 3600,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KNOWN = new Set([
  'port',
  'host',
  'clientId',
  'clientSecret',
  'organizationId',
  'webhookUrls',
  'webhookSecret',
  'batchDelayMs',
  'tokenTtlSeconds',
  'faults',
  'webhookRetry',
  'validateResponses',
  'lenient',
  'examples',
  'log',
]);

/** @param {SandboxOptions} [options] @returns {ResolvedOptions} */
export function resolveOptions(options = {}) {
  if (options === null || typeof options !== 'object')
    throw new TypeError('startSandbox: pass an options object, such as { port: 0 }.');
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key))
      throw new TypeError(`startSandbox: unknown option "${key}"; the options are ${[...KNOWN].join(', ')}.`);
  }
  const port = options.port ?? DEFAULTS.port;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TypeError(
      `port must be a whole number from 0 to 65535 (0 picks a free port); got ${JSON.stringify(port)}.`,
    );
  }
  const host = options.host ?? DEFAULTS.host;
  if (typeof host !== 'string' || host === '')
    throw new TypeError(`host must be an address such as 127.0.0.1; got ${JSON.stringify(host)}.`);
  if ((options.clientId === undefined) !== (options.clientSecret === undefined)) {
    throw new TypeError(
      'Pass the client id and the client secret together (--client-id and --client-secret), or neither for the defaults.',
    );
  }
  const clientId = nonEmpty('clientId', options.clientId ?? DEFAULTS.clientId);
  const clientSecret = nonEmpty('clientSecret', options.clientSecret ?? DEFAULTS.clientSecret);
  const webhookSecret = nonEmpty('webhookSecret', options.webhookSecret ?? DEFAULTS.webhookSecret);
  const organizationId = options.organizationId ?? exampleOrganization().id;
  if (typeof organizationId !== 'string' || !UUID.test(organizationId)) {
    throw new TypeError(
      `organizationId (--organization-id, SANDBOX_ORGANIZATION_ID) must be a UUID, as Amili's are; got ${JSON.stringify(organizationId)}.`,
    );
  }
  const webhookUrls = options.webhookUrls ?? [];
  if (!Array.isArray(webhookUrls)) throw new TypeError('webhookUrls must be a list of URLs.');
  for (const url of webhookUrls) {
    const problem = webhookUrlProblem(url);
    if (problem) throw new TypeError(`Each webhook URL (--webhook-url, SANDBOX_WEBHOOK_URL) ${problem}.`);
  }
  const batchDelayMs = delay('batchDelayMs', options.batchDelayMs ?? DEFAULTS.batchDelayMs, 0);
  const tokenTtlSeconds = wholeNumber('tokenTtlSeconds', options.tokenTtlSeconds ?? DEFAULTS.tokenTtlSeconds, 1);
  const faults =
    options.faults === undefined || options.faults === '' ? NO_FAULTS : parseFaults(String(options.faults));
  const webhookRetry = { ...DEFAULT_WEBHOOK_RETRY, ...options.webhookRetry };
  wholeNumber('webhookRetry.maxAttempts', webhookRetry.maxAttempts, 1);
  delay('webhookRetry.initialBackoffMs', webhookRetry.initialBackoffMs, 0);
  delay('webhookRetry.timeoutMs', webhookRetry.timeoutMs, 1);
  if (options.log !== undefined && typeof options.log !== 'function')
    throw new TypeError('log must be a function that takes a line, such as console.log; leave it out to log nothing.');
  return {
    port,
    host,
    clientId,
    clientSecret,
    organizationId,
    webhookUrls,
    webhookSecret,
    batchDelayMs,
    tokenTtlSeconds,
    faults,
    webhookRetry,
    validateResponses: options.validateResponses ?? true,
    lenient: options.lenient ?? false,
    examples: options.examples ?? false,
    log: options.log,
  };
}

function nonEmpty(/** @type {string} */ name, /** @type {unknown} */ value) {
  if (typeof value !== 'string' || value === '') throw new TypeError(`${name} must be a non-empty string.`);
  return value;
}

/**
 * A whole number of at least `minimum`, and at most `most.value` when given (`most.why` saying why).
 * @param {string} name @param {unknown} value @param {number} minimum @param {{ value: number, why: string }} [most]
 */
function wholeNumber(name, value, minimum, most) {
  const number = /** @type {number} */ (value);
  if (!Number.isSafeInteger(value) || number < minimum || (most !== undefined && number > most.value)) {
    const range = most === undefined ? `of at least ${minimum}` : `from ${minimum} to ${most.value} (${most.why})`;
    throw new TypeError(`${name} must be a whole number ${range}; got ${JSON.stringify(value)}.`);
  }
  return number;
}

/** A wait in ms: a whole number a timer can wait, which a longer one would fire at once. */
const delay = (/** @type {string} */ name, /** @type {unknown} */ value, /** @type {number} */ minimum) =>
  wholeNumber(name, value, minimum, { value: MAX_DELAY_MS, why: MAX_DELAY_WORDS });

/** The environment variables the CLI and `npm start` read, and the flag each stands for. */
export const ENVIRONMENT = {
  SANDBOX_ORGANIZATION_ID: '--organization-id',
  SANDBOX_WEBHOOK_URL: '--webhook-url, comma-separated',
};

/**
 * The options the environment sets: SANDBOX_ORGANIZATION_ID and SANDBOX_WEBHOOK_URL (comma-separated).
 * @param {Record<string, string | undefined>} env
 * @returns {SandboxOptions}
 */
export function optionsFromEnvironment(env) {
  const organizationId = env.SANDBOX_ORGANIZATION_ID?.trim();
  const webhookUrls = env.SANDBOX_WEBHOOK_URL?.split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  return {
    ...(organizationId ? { organizationId } : {}),
    ...(webhookUrls?.length ? { webhookUrls } : {}),
  };
}
