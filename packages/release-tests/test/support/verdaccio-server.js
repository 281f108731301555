// @ts-check
// Verdaccio in a process of its own (tests block their own event loop on npm commands):
// storage and users under the folder given, 127.0.0.1 on a free port, which it prints.
//
//   node verdaccio-server.js <folder>
import { join } from 'node:path';
import { runServer } from 'verdaccio';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('Usage: node verdaccio-server.js <folder>');
const app = await runServer(
  /** @type {any} */ ({
    self_path: dir,
    storage: join(dir, 'storage'),
    uplinks: {},
    packages: {
      // Read only with credentials, as a private registry's packages are: the release asks
      // for it through npm, and for the others as any client reads them.
      '@autocollect/docs': { access: '$authenticated', publish: '$authenticated' },
      '**': { access: '$all', publish: '$authenticated' },
    },
    auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: 1 } },
    log: { type: 'stdout', format: 'pretty', level: 'error' },
    web: { enable: false },
  }),
);
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : undefined }));
});
// Idle connections stay open: the tests' fetch reuses them, and one closed under it fails.
server.keepAliveTimeout = 0;
// A test run killed mid-way leaves no registry behind: stop once the parent is gone.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && process.exit(0), 1000).unref();
process.on('SIGTERM', () => server.close(() => process.exit(0)));
