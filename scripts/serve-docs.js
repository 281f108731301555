// Serves the built docs (packages/docs/dist) on 127.0.0.1 and prints the URL.
//   PORT=8080 node scripts/serve-docs.js      a fixed port (fails if it is taken)
//   node scripts/serve-docs.js                port 4000, or a free one if 4000 is taken
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 4000;
const root = resolve(fileURLToPath(import.meta.url), '../../packages/docs/dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

if (!existsSync(join(root, 'index.html'))) {
  console.error(`No docs at ${root}: run \`npm run build\` first (\`npm start\` does both).`);
  process.exit(1);
}

/** The file for a URL path; paths without an extension are routes of the page itself. */
function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return undefined;
  }
  const file = resolve(root, `.${path}`);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  return extname(file) === '' ? join(root, 'index.html') : undefined;
}

const server = createServer((request, response) => {
  const file = request.method === 'GET' || request.method === 'HEAD' ? fileFor(request.url ?? '/') : undefined;
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
});

function listen(port, fallBackToFreePort) {
  server.once('error', (error) => {
    if (error.code === 'EADDRINUSE' && fallBackToFreePort) return listen(0, false);
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another port.` : error.message);
    process.exit(1);
  });
  server.listen(port, HOST, () => {
    console.log(`AutoCollect API docs: http://${HOST}:${server.address().port}/`);
    console.log('Press Ctrl+C to stop.');
  });
}

const requested = process.env.PORT;
listen(requested === undefined ? DEFAULT_PORT : Number(requested), requested === undefined);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
