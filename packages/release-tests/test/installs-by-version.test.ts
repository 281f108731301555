// The packages `npm run release -- --publish --registry <url>` published, at the versions
// changesets give, to a real registry (Verdaccio on 127.0.0.1): a consumer installs them by
// version and uses them. The release is the run's (support/shared-release.ts): what it
// published itself and what an earlier release had, with the same contents.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { nativeTsc } from '../../../scripts/typecheck.js';
import { sharedRelease } from './support/shared-release.js';

const release = sharedRelease();

/** A 127.0.0.1 server answering GetInvoiceById as the API would. */
async function fakeApi(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify({
        data: {
          invoiceId: 'inv-1',
          invoiceNumber: '2025-10481',
          path: request.url,
          auth: request.headers.authorization,
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const CONSUMER = `// @ts-check
import { createAutoCollectClient, unwrap } from '@autocollect/client';
import { signWebhookPayload, verifyWebhookSignature } from '@autocollect/client/webhooks';
import openapi from '@autocollect/openapi/openapi.json' with { type: 'json' };

const baseUrl = /** @type {any} */ (globalThis).process.argv[2];
const client = createAutoCollectClient({ baseUrl, auth: { accessToken: 'token' }, retry: false });
const invoice = unwrap(
  await client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
    params: { path: { organizationId: 'org-1', invoiceId: 'inv-1' } },
  }),
).data;
/** @type {string} */
const invoiceNumber = invoice.invoiceNumber;
if (invoice.invoiceNumber === undefined) {
  // @ts-expect-error the spec has no such path
  await client.GET('/orgs/{organizationId}/no-such-path');
}
const payload = JSON.stringify({ type: 'BATCH_COMPLETED' });
const signature = await signWebhookPayload({ payload, secret: 'webhook-secret' });
const verified = await verifyWebhookSignature({ payload, signature, secret: 'webhook-secret' });
const forged = await verifyWebhookSignature({ payload: payload + ' ', signature, secret: 'webhook-secret' });
console.log(JSON.stringify({ invoiceNumber, echoed: invoice, verified, forged, openapi: openapi.openapi }));
`;

const SANDBOX_CONSUMER = `
import { createAutoCollectClient } from '@autocollect/client';
import { startSandbox } from '@autocollect/sandbox';
const sandbox = await startSandbox({ port: 0 });
const client = createAutoCollectClient({
  baseUrl: sandbox.baseUrl,
  auth: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
});
const { data, response } = await client.GET('/orgs/{organizationId}/invoices', {
  params: { path: { organizationId: sandbox.organizationId } },
});
console.log(JSON.stringify({ status: response.status, invoices: data?.data }));
await sandbox.close();
`;

describe('the released packages, by version', () => {
  it('a consumer installs them by version, makes a typed call, verifies a webhook, and runs the sandbox by its command and startSandbox', async () => {
    // What the install fails on, should the release have failed.
    expect(release.result.status, `${release.result.stdout}\n${release.result.stderr}`).toBe(0);
    const consumer = join(release.work, 'consumer');
    mkdirSync(consumer, { recursive: true });
    const dependencies = Object.fromEntries(
      ['@autocollect/client', '@autocollect/openapi', '@autocollect/sandbox'].map((name) => [
        name,
        release.localVersion(name),
      ]),
    );
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }),
    );
    writeFileSync(join(consumer, 'index.js'), CONSUMER);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module: 'nodenext',
          allowJs: true,
          checkJs: true,
          noEmit: true,
          strict: true,
          skipLibCheck: true,
          types: [],
          resolveJsonModule: true,
          lib: ['es2022', 'dom'],
        },
        files: ['index.js'],
      }),
    );
    // A cache of its own: every package comes from the test's release.registry.
    execFileSync(
      'npm',
      ['install', '--registry', release.registry.url, '--cache', join(release.work, 'npm-cache'), '--loglevel=error'],
      {
        cwd: consumer,
        env: release.registry.env,
      },
    );

    const typecheck = spawnSync(process.execPath, [nativeTsc, '-p', 'tsconfig.json'], {
      cwd: consumer,
      encoding: 'utf8',
    });
    expect(typecheck.stdout + typecheck.stderr).toBe('');
    expect(typecheck.status).toBe(0);

    // The sandbox from the registry: its command, and startSandbox serving the client.
    const sandboxVersion = execFileSync('npx', ['--no-install', 'autocollect-sandbox', '--version'], {
      cwd: consumer,
      env: release.registry.env,
      encoding: 'utf8',
    }).trim();
    expect(sandboxVersion).toBe(release.localVersion('@autocollect/sandbox'));
    const served = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', SANDBOX_CONSUMER], {
      cwd: consumer,
    });
    expect(JSON.parse(served.stdout)).toEqual({ status: 200, invoices: expect.any(Array) });

    const api = await fakeApi();
    try {
      // Not spawnSync: the API answers from this process's event loop.
      const run = await promisify(execFile)(process.execPath, ['index.js', api.url], { cwd: consumer });
      expect(JSON.parse(run.stdout)).toEqual({
        invoiceNumber: '2025-10481',
        echoed: expect.objectContaining({ path: '/orgs/org-1/invoices/inv-1', auth: 'Bearer token' }),
        verified: true,
        forged: false,
        openapi: '3.1.0',
      });
    } finally {
      api.server.close();
    }
  });
});
