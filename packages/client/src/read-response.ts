// A Response whose body the transport read within the attempt, so that a body cut off
// mid-way is a failed attempt, retried like a reset connection. Its reading methods answer
// from the bytes read instead of streaming them a second time, which would cost a call more
// than all the rest of the client. It reads as a fetch Response does: once, unless cloned.

import { redactText, withoutSecrets } from './redact.js';
import type { CallInfo } from './unwrap.js';

/** Decodes without state between calls: one serves every response. */
const utf8 = new TextDecoder();

/** The most bytes of a body read into memory: a larger one is read as a stream (`parseAs: 'stream'`). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** A body longer than MAX_BODY_BYTES, left unread (a server that sends without end would fill the memory). */
export class BodyTooLarge extends Error {}

/**
 * A body's bytes, read whole: the one chunk itself when it came in one (perhaps a view of a
 * larger buffer: text and JSON are decoded from it without a copy), or the chunks joined.
 * A reader's own loop: undici's arrayBuffer() and json() cost several times as much for the
 * same bytes.
 */
export async function readBody(
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
): Promise<Uint8Array | null> {
  // No body at all (a 204, 205 or 304, or a HEAD's answer) is not an empty one: it reads
  // again and again, and is never used.
  if (!reader) return null;
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    length += read.value.byteLength;
    if (length > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * An error body without the bearer token in it, however its JSON escapes it (an API that echoes
 * the token must not put it in an ApiError); the bytes themselves when it is not there.
 */
export function withoutToken(bytes: Uint8Array | null, token: string): Uint8Array | null {
  if (!bytes) return bytes;
  const text = utf8.decode(bytes);
  const redacted = redactText(text, token);
  return redacted === text ? bytes : new TextEncoder().encode(redacted);
}

/** The bytes in an ArrayBuffer of their own (a view's buffer may hold other bytes too). */
const ownBuffer = (bytes: Uint8Array) => bytes.slice().buffer as ArrayBuffer;

/**
 * A value read from a response without what was sent with it (the token, the client secret),
 * which a server may echo anywhere: a ReadResponse knows what that was.
 */
export function concealed<T>(response: Response, value: T): T {
  return response instanceof ReadResponse ? response.concealing(value) : value;
}

export class ReadResponse extends Response {
  /** The response whose body was read: its headers, URL, type and redirection are this one's. */
  readonly #from: Response;
  /** The body's bytes, until a read takes them; null when it has no body. */
  #bytes: Uint8Array | null | undefined;
  /** The body as a stream, once asked for: reading it takes the bytes. */
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | null | undefined;
  /** The call it answered, for ApiError (unwrap's recordCall). */
  call: CallInfo | undefined;
  /** What was sent with it and must not show in an error about it: the token, the client secret. */
  readonly #secrets: readonly (string | undefined)[];

  constructor(bytes: Uint8Array | null, from: Response, secrets: readonly (string | undefined)[] = []) {
    // Its status and headers are the fetched response's own, read through it: the headers are
    // not copied (a copy costs more than a microsecond, and like them they cannot be changed),
    // and a status line fetch took (a reason phrase that is not ASCII, a status above 599) is
    // not checked again by a constructor that would refuse it.
    super(null);
    this.#from = from;
    this.#bytes = bytes;
    this.#secrets = secrets;
  }

  /** A text or parsed body of it, or its request id, without what was sent with it. */
  concealing<T>(value: T): T {
    return withoutSecrets(value, this.#secrets);
  }

  static {
    // Accessors, where Response declares properties: TypeScript allows no accessor in their place.
    for (const name of ['headers', 'url', 'type', 'redirected', 'status', 'statusText', 'ok'] as const) {
      Object.defineProperty(ReadResponse.prototype, name, {
        get(this: ReadResponse) {
          return this.#from[name];
        },
      });
    }
  }

  #take(): Uint8Array {
    const bytes = this.#bytes;
    if (bytes === null) return new Uint8Array(0);
    if (bytes === undefined) throw new TypeError('Body is unusable: Body has already been read');
    this.#bytes = undefined;
    return bytes;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    // A stream that takes the bytes when it is first read, not when it is looked at: a
    // middleware that checks `response.body` leaves the body to the call.
    if (this.#stream === undefined)
      this.#stream =
        this.#bytes === null
          ? null
          : new ReadableStream({
              type: 'bytes',
              pull: (controller) => {
                const bytes = this.#take();
                // A byte stream takes no empty chunk: an empty body only ends.
                if (bytes.byteLength) controller.enqueue(new Uint8Array(ownBuffer(bytes)));
                controller.close();
              },
            });
    return this.#stream;
  }

  override get bodyUsed(): boolean {
    return this.#bytes === undefined;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return ownBuffer(this.#take());
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(ownBuffer(this.#take()));
  }

  override async text(): Promise<string> {
    return utf8.decode(this.#take());
  }

  override async json(): Promise<unknown> {
    return JSON.parse(utf8.decode(this.#take()));
  }

  override async blob(): Promise<Blob> {
    return new Blob([ownBuffer(this.#take())], { type: this.headers.get('content-type') ?? '' });
  }

  override async formData(): Promise<FormData> {
    return new Response(ownBuffer(this.#take()), { headers: this.headers }).formData();
  }

  override clone(): ReadResponse {
    if (this.#bytes === undefined) throw new TypeError('Response.clone: Body has already been consumed.');
    return new ReadResponse(this.#bytes === null ? null : this.#bytes.slice(), this, this.#secrets);
  }
}
