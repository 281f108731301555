// @ts-check
// Verdaccio in a process of its own (tests block their own event loop on npm commands),
// loaded once for a test run and serving a registry for each test file that asks: a POST to
// the address it prints, with {"dir": <folder>}, starts one with its storage and users under
// that folder, on 127.0.0.1 at a free port, and answers {"port": <port>}; a DELETE of
// /<port> stops it. Its registries share nothing but the loaded code.
//
//   node verdaccio-server.js
import { createServer } from 'node:http';
import { join } from 'node:path';
import { runServer } from 'verdaccio';

/** @param {string} dir */
const config = (dir) => ({
  self_path: dir,
  storage: join(dir, 'storage'),
  uplinks: {},
  packages: {
    // Read only with credentials, as a private registry's packages are: the release asks
    // for it through npm, and for the others as any client reads them.
    '@autocollect/docs': { access: '$authenticated', publish: '$authenticated' },
    '**': { access: '$all', publish: '$authenticated' },
  },
  // The fewest bcrypt rounds it takes (4; 10 by default): a test password, hashed in JavaScript.
  auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: 1, algorithm: 'bcrypt', rounds: 4 } },
  // Signed tokens, checked by their signature. Verdaccio's legacy tokens hold the password,
  // checked with bcrypt on every request: most of its CPU time in a release test.
  security: { api: { jwt: { sign: { expiresIn: '1d' } } } },
  log: { type: 'stdout', format: 'pretty', level: 'error' },
  web: { enable: false },
});

/** @type {Map<number, import('node:http').Server>} */
const registries = new Map();

/** @param {string} dir */
async function startRegistry(dir) {
  const app = await runServer(/** @type {any} */ (config(dir)));
  const server = await new Promise((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    listening.once('error', reject);
  });
  // Idle connections stay open: the tests' fetch reuses them, and one closed under it fails.
  server.keepAliveTimeout = 0;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  registries.set(port, server);
  return port;
}

const control = createServer(async (request, response) => {
  try {
    if (request.method === 'POST') {
      let body = '';
      for await (const chunk of request) body += chunk;
      const { dir } = JSON.parse(body);
      if (typeof dir !== 'string') throw new Error('POST {"dir": <folder>}');
      response.end(JSON.stringify({ port: await startRegistry(dir) }));
    } else if (request.method === 'DELETE') {
      const port = Number(request.url?.slice(1));
      const server = registries.get(port);
      registries.delete(port);
      server?.closeAllConnections();
      server?.close();
      response.writeHead(server ? 204 : 404).end();
    } else response.writeHead(405).end();
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});
control.listen(0, '127.0.0.1', () => {
  const address = control.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : undefined }));
});
// A test run killed mid-way leaves no registry behind: stop once the parent is gone.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && process.exit(0), 1000).unref();
process.on('SIGTERM', () => process.exit(0));
