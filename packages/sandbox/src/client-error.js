// @ts-check
// Requests Node's HTTP parser refuses before the sandbox sees them (headers too large, not
// HTTP at all): answered as Node answers them, but closed gently. Node's own answer destroys
// the socket while the client may still be sending, and closing with bytes unread resets the
// connection: on Node 24 the client then loses the answer it was sent.
import { maxHeaderSize, STATUS_CODES } from 'node:http';

/** How long what the client still sends is read and dropped before the connection is cut. */
export const DRAIN_MS = 5_000;

/** @type {Record<string, [number, string]>} */
const ANSWERS = {
  HPE_HEADER_OVERFLOW: [
    431,
    `The request's headers are larger than ${maxHeaderSize} bytes, the most the sandbox reads.`,
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request did not arrive in time.'],
};

const answered = new WeakSet();

/** A server's `clientError` listener. @param {Error & { code?: string }} error @param {import('node:stream').Duplex} socket */
export function answerClientError(error, socket) {
  // The parser reports each later chunk too: the first is answered, the rest are dropped.
  if (answered.has(socket)) return;
  answered.add(socket);
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, detail] = ANSWERS[error.code ?? ''] ?? [400, 'The request is not HTTP/1.1 the sandbox can read.'];
  const body = `${detail}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  socket.resume();
  setTimeout(() => socket.destroy(), DRAIN_MS).unref();
}
