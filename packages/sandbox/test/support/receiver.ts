// A webhook endpoint on 127.0.0.1 that records each delivery and answers with the
// statuses it is given, in turn (then 200); 'never' leaves that delivery unanswered.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** Whether the sender closed the connection while it waited for the answer. */
  abandoned: boolean;
}

export async function startReceiver(statuses: (number | 'never')[] = []) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const delivery = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), abandoned: false };
      received.push(delivery);
      const status = statuses.shift() ?? 200;
      if (status !== 'never') response.writeHead(status).end();
      else
        response.once('close', () => {
          delivery.abandoned = true;
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // An unanswered delivery's connection would hold the close up.
        server.closeAllConnections();
      }),
  };
}
