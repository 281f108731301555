// @ts-check
// Serves the built docs (packages/docs/dist) on 127.0.0.1 and prints the URL.
//   PORT=8080 node scripts/serve-docs.js      a fixed port (fails if it is taken)
//   node scripts/serve-docs.js                port 4000, or a free one if 4000 is taken
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { listen } from './listen.js';

const HOST = '127.0.0.1';
const root = resolve(fileURLToPath(import.meta.url), '../../packages/docs/dist');

if (!existsSync(join(root, 'index.html'))) {
  console.error(`No docs at ${root}: run \`npm run build\` first (\`npm start\` does both).`);
  process.exit(1);
}

// Read from disk on every request (dev), so a rebuild shows on the next reload; paths
// without an extension are routes of the page itself (single).
const serveFile = sirv(root, { dev: true, etag: true, single: true });
const notFound = (/** @type {import('node:http').ServerResponse} */ response) =>
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');

const server = createServer((request, response) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(response);
  serveFile(request, response, () => void notFound(response));
});

try {
  const port = await listen(server, HOST, process.env.PORT);
  console.log(`AutoCollect API docs: http://${HOST}:${port}/`);
  console.log('Press Ctrl+C to stop.');
} catch (error) {
  console.error(/** @type {Error} */ (error).message);
  process.exit(1);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
