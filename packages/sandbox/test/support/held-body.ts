// A request written by hand whose body is sent only in part and then held open: what the
// sandbox answers from what has arrived, before the rest of the body (which never comes).
import { connect } from 'node:net';

export interface HeldAnswer {
  status: number;
  headers: Record<string, string>;
  body: any;
}

/**
 * Writes `head` (the request line and headers, Host added) and `part` of the body, never
 * the rest; the answer, once it has arrived whole.
 */
export async function answerBeforeBodyEnds(origin: string, head: string, part: string): Promise<HeldAnswer> {
  const { hostname, port } = new URL(origin);
  const socket = connect(Number(port), hostname);
  socket.write(`${head}\r\nHost: ${hostname}:${port}\r\n\r\n${part}`);
  let received = Buffer.alloc(0);
  try {
    for await (const chunk of socket) {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) continue;
      const [statusLine = '', ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      const length = Number(headers['content-length'] ?? 0);
      if (received.length - end - 4 < length) continue;
      const text = received.subarray(end + 4, end + 4 + length).toString('utf8');
      return { status: Number(statusLine.split(' ')[1]), headers, body: text ? JSON.parse(text) : undefined };
    }
  } finally {
    socket.destroy();
  }
  throw new Error(`The connection closed before a whole answer: ${received.toString('latin1').slice(0, 200)}`);
}
