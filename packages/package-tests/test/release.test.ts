// `npm run release -- --publish --registry <url>` against a real registry (Verdaccio on
// 127.0.0.1), in a copy of the repo: versions from changesets, a consumer installing by
// version, a second release publishing only what changed, and a version never published twice.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfRepo } from '../../../scripts/repo-copy.js';
import { nativeTsc } from '../../../scripts/typecheck.js';
import { publishDependencies, type Registry, startRegistry } from './support/registry.js';

const PUBLIC = ['@autocollect/client', '@autocollect/docs', '@autocollect/openapi'];

let work: string;
let copy: string;
let registry: Registry;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'autocollect-release-'));
  copy = copyOfRepo('release', { turboCache: true });
  registry = await startRegistry(join(work, 'registry'));
  publishDependencies(registry, join(copy, 'packages/client'), join(work, 'dependencies'));
});
afterAll(async () => {
  await registry?.close();
  for (const dir of [copy, work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const inCopy = (command: string, ...args: string[]) =>
  execFileSync(command, args, { cwd: copy, env: registry.env, encoding: 'utf8', stdio: 'pipe' });

/** `npm run release -- --publish --registry <url>` in the copy. */
const release = () =>
  spawnSync('npm', ['run', 'release', '--', '--publish', '--registry', registry.url], {
    cwd: copy,
    env: { ...registry.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
    encoding: 'utf8',
  });

/** Versions the changesets give: `npx changeset version`, committed as a release commit would be. */
function version(changeset?: { name: string; bump: string }) {
  if (changeset)
    writeFileSync(
      join(copy, '.changeset/fix.md'),
      `---\n'${changeset.name}': ${changeset.bump}\n---\n\nFix a typo in an error message.\n`,
    );
  inCopy('npx', 'changeset', 'version');
  inCopy('git', 'add', '-A');
  inCopy('git', 'commit', '-q', '-m', 'Version packages');
}

const versions = async (name: string) => Object.keys((await registry.packument(name))?.versions ?? {}).sort();
const localVersion = (name: string) => JSON.parse(inCopy('npm', 'pkg', 'get', 'version', '-w', name))[name] as string;

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

describe('npm run release -- --publish --registry <url>', () => {
  it('publishes every public package at the version changesets gave it, and tags it', async () => {
    version();
    const first = Object.fromEntries(PUBLIC.map((name) => [name, localVersion(name)]));
    expect(Object.values(first).every((v) => v !== '0.0.0')).toBe(true);

    const result = release();
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    for (const name of PUBLIC) expect(await versions(name)).toEqual([first[name]]);
    const tags = inCopy('git', 'tag', '--list').split('\n').filter(Boolean).sort();
    expect(tags).toEqual(PUBLIC.map((name) => `${name}@${first[name]}`).sort());
  });

  it('a consumer installs them by version, and makes a typed call and verifies a webhook', async () => {
    const consumer = join(work, 'consumer');
    mkdirSync(consumer, { recursive: true });
    const dependencies = Object.fromEntries(
      ['@autocollect/client', '@autocollect/openapi'].map((name) => [name, localVersion(name)]),
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
    // A cache of its own: every package comes from the test's registry.
    execFileSync(
      'npm',
      ['install', '--registry', registry.url, '--cache', join(work, 'npm-cache'), '--loglevel=error'],
      {
        cwd: consumer,
        env: registry.env,
      },
    );

    const typecheck = spawnSync(process.execPath, [nativeTsc, '-p', 'tsconfig.json'], {
      cwd: consumer,
      encoding: 'utf8',
    });
    expect(typecheck.stdout + typecheck.stderr).toBe('');
    expect(typecheck.status).toBe(0);

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

  it('refuses to publish the same versions again, and changes nothing', async () => {
    const before = await Promise.all(PUBLIC.map((name) => registry.packument(name)));
    const tags = inCopy('git', 'tag', '--list');
    const result = release();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /Nothing to publish: @autocollect\/client@\S+, .* are on http:\/\/127\.0\.0\.1:\d+\/ already/,
    );
    expect(result.stderr).toMatch(/npx changeset version/);
    expect(await Promise.all(PUBLIC.map((name) => registry.packument(name)))).toEqual(before);
    expect(inCopy('git', 'tag', '--list')).toBe(tags);
  });

  it('a second release after a patch changeset publishes only what changed', async () => {
    const before = Object.fromEntries(await Promise.all(PUBLIC.map(async (name) => [name, await versions(name)])));
    version({ name: '@autocollect/client', bump: 'patch' });
    const patched = localVersion('@autocollect/client');
    expect(before['@autocollect/client']).not.toContain(patched);

    const result = release();
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(await versions('@autocollect/client')).toEqual([...before['@autocollect/client'], patched].sort());
    for (const name of PUBLIC.filter((name) => name !== '@autocollect/client')) {
      expect(await versions(name)).toEqual(before[name]);
      expect(result.stdout).toContain(`${name}@${localVersion(name)}: published already, same contents`);
    }
  });

  it('refuses a version the registry has with other contents, before publishing anything', async () => {
    const docs = '@autocollect/docs';
    const before = await registry.packument(docs);
    writeFileSync(join(copy, 'packages/docs/README.md'), 'Changed without a new version.\n');
    inCopy('git', 'commit', '-qam', 'Change the docs without a changeset');
    // The client is new, the docs are not: the whole release stops.
    writeFileSync(join(copy, '.changeset/fix.md'), `---\n'@autocollect/client': patch\n---\n\nAnother fix.\n`);
    inCopy('npx', 'changeset', 'version');
    inCopy('git', 'commit', '-qam', 'Version packages');
    const client = await versions('@autocollect/client');

    const result = release();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /@autocollect\/docs@\S+ is on http:\/\/127\.0\.0\.1:\d+\/ already, with other contents/,
    );
    expect(result.stderr).toMatch(/nothing was published/);
    expect(await registry.packument(docs)).toEqual(before);
    expect(await versions('@autocollect/client')).toEqual(client);
  });
});
