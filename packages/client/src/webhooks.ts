// Verifying and parsing Amili's webhook deliveries. A separate entry point
// (`@autocollect/client/webhooks`): it uses only WebCrypto and TextEncoder, and
// pulls in nothing of the HTTP client.
import { AutoCollectError } from './errors.js';
import type { webhooks } from './generated/autocollect.js';
import { webhookEvents } from './generated/autocollect.meta.js';

/** A webhook delivery failed verification or could not be read; answer it with 400 or 401. */
export class WebhookVerificationError extends AutoCollectError {
  override name = 'WebhookVerificationError';
}

/** The raw body: a string, or its bytes (an ArrayBuffer, or any view of one, such as a Buffer). */
export type WebhookPayload = string | ArrayBufferView | ArrayBuffer;
const ALGORITHMS = ['SHA-256', 'SHA-384', 'SHA-512', 'SHA-1'] as const;
const ENCODINGS = ['hex', 'base64'] as const;
export type SignatureAlgorithm = (typeof ALGORITHMS)[number];
export type SignatureEncoding = (typeof ENCODINGS)[number];
/** A webhook secret; a list of them while you rotate keys (any one matching is enough). */
export type WebhookSecret = string | Uint8Array;

/**
 * How `X-Webhook-Signature` is checked. Amili does not publish its scheme; the
 * default, HMAC-SHA256 of the raw body, hex-encoded (with or without a
 * `sha256=` prefix), is inferred. Change it here if Amili tells you otherwise.
 */
export interface SignatureScheme {
  /** Default 'SHA-256'. */
  algorithm?: SignatureAlgorithm;
  /** Default 'hex'. */
  encoding?: SignatureEncoding;
}

export interface VerifyWebhookSignatureOptions extends SignatureScheme {
  /** The raw request body, exactly as received (not re-serialised JSON). */
  payload: WebhookPayload;
  /** The `X-Webhook-Signature` header. */
  signature: string | null | undefined;
  /** Your webhook secret, or the secrets valid while you rotate it. */
  secret: WebhookSecret | readonly WebhookSecret[];
}

/** The most signatures one header is checked for (a header sent twice is joined with a comma). */
const MAX_SIGNATURES = 8;

/** Each algorithm's HMAC length in bytes: a signature of another length is none of it. */
const HMAC_BYTES: Record<SignatureAlgorithm, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64, 'SHA-1': 20 };

/**
 * True when the signature is the HMAC of the payload under the secret (or one of several,
 * comma-separated, as Node joins a header sent twice: the first eight of the right length).
 * The payload's HMAC is computed once per secret, and compared in constant time.
 */
export async function verifyWebhookSignature(options: VerifyWebhookSignatureOptions): Promise<boolean> {
  const { payload, signature } = options;
  const { algorithm, encoding } = schemeOf(options, 'verifyWebhookSignature');
  const secrets = secretList(options.secret, 'verifyWebhookSignature');
  const body = bytes(payload, 'verifyWebhookSignature');
  const candidates = (typeof signature === 'string' ? signature.split(',', 10 * MAX_SIGNATURES) : [])
    .map((value) => decodeSignature(value, encoding))
    .filter((value) => value?.byteLength === HMAC_BYTES[algorithm])
    .slice(0, MAX_SIGNATURES) as Uint8Array[];
  for (const secret of candidates.length ? secrets : []) {
    const key = await hmacKey(secret, algorithm, 'sign');
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, body));
    if (candidates.some((candidate) => sameBytes(candidate, mac))) return true;
  }
  return false;
}

/** Whether two byte strings of the same length are equal, in time that does not depend on where they differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.byteLength ^ b.byteLength;
  for (let i = 0; i < a.byteLength; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/** The algorithm and encoding, defaulted, and refused at once when they are none a signature can have. */
function schemeOf(scheme: SignatureScheme, caller: string): Required<SignatureScheme> {
  const { algorithm: given = 'SHA-256', encoding = 'hex' } = scheme;
  // In any case, as WebCrypto names them.
  const algorithm = ALGORITHMS.find((name) => name.toLowerCase() === String(given).toLowerCase()) ?? given;
  if (!ALGORITHMS.includes(algorithm))
    throw new TypeError(
      `${caller}: algorithm must be one of ${ALGORITHMS.map((a) => `'${a}'`).join(', ')}; got ${JSON.stringify(algorithm)}.`,
    );
  if (!ENCODINGS.includes(encoding))
    throw new TypeError(`${caller}: encoding must be 'hex' or 'base64'; got ${JSON.stringify(encoding)}.`);
  return { algorithm, encoding };
}

export interface SignWebhookPayloadOptions extends SignatureScheme {
  /** The body to sign, exactly as it will be sent. */
  payload: WebhookPayload;
  secret: WebhookSecret;
}

/**
 * The `X-Webhook-Signature` value for a payload, as `verifyWebhookSignature` checks it: for
 * testing your own webhook handler with deliveries you sign yourself.
 */
export async function signWebhookPayload(options: SignWebhookPayloadOptions): Promise<string> {
  const { algorithm, encoding } = schemeOf(options, 'signWebhookPayload');
  const [secret] = secretList(options.secret, 'signWebhookPayload');
  const key = await hmacKey(secret as WebhookSecret, algorithm, 'sign');
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, bytes(options.payload, 'signWebhookPayload')));
  if (encoding === 'hex') return Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return btoa(String.fromCharCode(...mac));
}

function hmacKey(secret: WebhookSecret, hash: SignatureAlgorithm, use: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bytes(secret, 'secret'), { name: 'HMAC', hash }, false, [use]);
}

/** The secrets to try, each checked: a string or bytes, not empty. */
function secretList(secret: WebhookSecret | readonly WebhookSecret[], caller: string): WebhookSecret[] {
  const list = (Array.isArray(secret) ? [...secret] : [secret]) as WebhookSecret[];
  const wrong = list.find((value) => typeof value !== 'string' && !(value instanceof Uint8Array));
  if (wrong !== undefined) {
    throw new TypeError(
      `${caller}: the secret must be a string or bytes, not ${wrong === null ? 'null' : typeof wrong}; pass the webhook secret Amili gave you.`,
    );
  }
  if (list.length === 0 || list.some((value) => (typeof value === 'string' ? value.length : value.byteLength) === 0)) {
    throw new TypeError(
      `${caller}: the secret is empty; pass the webhook secret Amili gave you (or a list of them while you rotate).`,
    );
  }
  return list;
}

type WebhookName = keyof webhooks;
type PayloadOf<N extends WebhookName> = NonNullable<webhooks[N]['post']['requestBody']>['content']['application/json'];

/** What Amili said about the delivery, from its headers. */
export interface WebhookDelivery {
  /**
   * Unique per event, Amili says. The signature covers the body only (as far as is known):
   * to drop an event handled already, go by the event's `id` in its body.
   */
  idempotencyKey: string | undefined;
  /** Unique per HTTP delivery: quote it to Amili's support. */
  requestId: string | undefined;
}

/** A verified event. `type` is the event's name whether Amili sent it as `type` or as `eventType`. */
export type KnownWebhookEvent = {
  [N in WebhookName]: { type: N; payload: PayloadOf<N>; delivery: WebhookDelivery };
}[WebhookName];

/**
 * A verified event of a kind the spec does not describe (yet), or one whose body lacks what the
 * spec requires of its kind: returned, not thrown.
 */
export interface UnknownWebhookEvent {
  type: 'UNKNOWN';
  /** The name Amili gave it, if any: in its body, else in the X-Amili-Event header. */
  name: string | undefined;
  payload: unknown;
  delivery: WebhookDelivery;
}

export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface ParseWebhookEventOptions extends SignatureScheme {
  /** The raw request body, exactly as received. */
  payload: WebhookPayload;
  /** The request headers (a Headers object, or Node's `request.headers`). */
  headers: WebhookHeaders;
  /** Your webhook secret, or the secrets valid while you rotate it. */
  secret: WebhookSecret | readonly WebhookSecret[];
}

/** Verifies the signature, parses the body, and returns the typed event. Throws WebhookVerificationError on a bad signature or body. */
export async function parseWebhookEvent(options: ParseWebhookEventOptions): Promise<WebhookEvent> {
  const signature = header(options.headers, 'x-webhook-signature');
  if (!signature) throw new WebhookVerificationError('The delivery has no X-Webhook-Signature header.');
  if (!(await verifyWebhookSignature({ ...options, signature }))) {
    throw new WebhookVerificationError(
      'The X-Webhook-Signature does not match the body: check the webhook secret, and verify the raw body.',
    );
  }
  let text: string;
  try {
    // A byte order mark is dropped, from bytes as from a string; bytes that are not UTF-8 are refused.
    // Bytes are read where they are: verifying them above checked what they are.
    text = typeof options.payload === 'string' ? options.payload.replace(/^\uFEFF/, '') : utf8.decode(options.payload);
  } catch {
    throw new WebhookVerificationError('The delivery body is not valid UTF-8, which JSON must be.');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new WebhookVerificationError('The delivery body is not valid JSON.');
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new WebhookVerificationError('The delivery body is not a JSON object.');
  }
  const delivery: WebhookDelivery = {
    idempotencyKey: header(options.headers, 'idempotencykey'),
    requestId: header(options.headers, 'x-amili-request-id'),
  };
  // Amili names BATCH_COMPLETED and SETTLEMENT_CREATED in `type`, CASE and CASE_UPDATED in `eventType`.
  const body = payload as Record<string, unknown>;
  const names = [body.type, body.eventType].filter((value) => typeof value === 'string');
  const name = (names[0] as string | undefined) ?? header(options.headers, 'x-amili-event');
  // Typed only as the signed body says, in full: named once, where the spec names it, with what it requires.
  const shape = (webhookEvents as Record<string, Shape>)[name ?? ''];
  const fits =
    shape !== undefined &&
    names.length === 1 &&
    body[shape.nameIn] === name &&
    Object.entries(shape.required).every(([key, type]) => jsonTypeOf(body[key]) === type);
  if (fits) return { type: name, payload, delivery } as KnownWebhookEvent;
  return { type: 'UNKNOWN', name, payload, delivery };
}

type Shape = { nameIn: string; required: Record<string, string> };

/** A value's type as a JSON schema names it. */
function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** Decodes UTF-8 strictly; drops a byte order mark. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(entry) ? entry[0] : entry;
}

/** The bytes of a payload or secret; anything else (a parsed body, say) is refused, never read as empty. */
function bytes(value: WebhookPayload, what: string): Uint8Array<ArrayBuffer> {
  if (typeof value === 'string') return new TextEncoder().encode(value);
  // Views an ArrayBuffer; copies a view's bytes, as WebCrypto takes no shared memory.
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice() as Uint8Array<ArrayBuffer>;
  throw new TypeError(
    `${what}: the payload must be the raw body as a string, bytes or an ArrayBuffer, not ${value === null ? 'null' : typeof value}; verify before parsing it.`,
  );
}

/** The signature's bytes, or undefined when it is not valid in the encoding. A `sha256=`-style prefix is dropped. */
function decodeSignature(signature: string, encoding: SignatureEncoding): Uint8Array<ArrayBuffer> | undefined {
  const value = signature.trim().replace(/^[a-z][a-z0-9-]*=(?=[^=])/i, '');
  if (encoding === 'hex') {
    if (!/^(?:[0-9a-f]{2})+$/i.test(value)) return undefined;
    return Uint8Array.from(value.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  }
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return undefined;
  try {
    const binary = atob(value.replaceAll('-', '+').replaceAll('_', '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}
