// `npm run release -- --publish --registry <url>` against a real registry (Verdaccio on
// 127.0.0.1), in one copy of the repo, one release after another. The registry already
// holds part of the versions changesets give, as an earlier release that stopped half-way
// would leave it: one with the same contents, one with other contents. The release refuses,
// before its checks, and says what to do; done, the release publishes what is new, leaves
// alone what is there with the same contents, and tags what it published. Then a consumer
// installs by version, and a release with nothing new is refused at once.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicPackages } from '../../../scripts/public-packages.js';
import { copyOfRepo } from '../../../scripts/repo-copy.js';
import { testFolder } from '../../../scripts/test-folder.js';
import { nativeTsc } from '../../../scripts/typecheck.js';
import { publishDependencies, type Registry, startRegistry } from './support/registry.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** What the release publishes: the public workspaces. */
const PUBLIC = publicPackages(repoRoot).map((workspace) => workspace.name);
const LAST_RELEASE = '@autocollect/client@0.0.0';

let work: string;
let copy: string;
let registry: Registry;
let starting: Promise<Registry> | undefined;

beforeAll(async () => {
  work = testFolder('release-work');
  // The registry's process starts while the repo is copied.
  starting = startRegistry(join(work, 'registry'));
  // Built, as a maintainer's clone is before a release: each release rebuilds only what its
  // version bumps change.
  copy = copyOfRepo('release', { built: true });
  // The commit the copy starts from stands for the last release: the release compares the spec with it.
  execFileSync('git', ['tag', LAST_RELEASE], { cwd: copy });
  registry = await starting;
  await publishDependencies(
    registry,
    publicPackages(copy).map((workspace) => join(copy, workspace.dir)),
    join(work, 'dependencies'),
  );
});
afterAll(async () => {
  // Stopped even when the setup failed after starting it.
  await (registry ?? (await starting?.catch(() => undefined)))?.close();
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
  // The repo's own changesets CLI: what `npx changeset` runs, without npx's look-up.
  inCopy(join(copy, 'node_modules/.bin/changeset'), 'version');
  inCopy('git', 'add', '-A');
  inCopy('git', 'commit', '-q', '-m', 'Version packages');
}

const versions = async (name: string) => Object.keys((await registry.packument(name))?.versions ?? {}).sort();
/** A package's version in the copy (packages/<name>/package.json). */
const localVersion = (name: string): string =>
  JSON.parse(readFileSync(join(copy, 'packages', name.replace('@autocollect/', ''), 'package.json'), 'utf8')).version;

/** Packs workspaces of the copy as they are, and publishes the tarballs at once, as a release would. */
async function publishPacked(...names: string[]) {
  const packed: { name: string; filename: string }[] = JSON.parse(
    inCopy('npm', 'pack', '--json', '--pack-destination', work, ...names.flatMap((name) => ['-w', name])),
  );
  await Promise.all(
    packed.map(({ name, filename }) =>
      registry.publish(
        join(work, filename),
        JSON.parse(readFileSync(join(copy, 'packages', name.replace('@autocollect/', ''), 'package.json'), 'utf8')),
      ),
    ),
  );
}

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

describe('npm run release -- --publish --registry <url>', () => {
  it('refuses a version the registry has with other contents, before its checks, publishes nothing, and says what to do', async () => {
    version();
    // What an earlier release published before it stopped: the openapi package as it is
    // now, and the docs as they were before a last-minute change to their README.
    const readme = join(copy, 'packages/docs/README.md');
    const text = readFileSync(readme, 'utf8');
    writeFileSync(readme, `${text}An earlier wording.\n`);
    await publishPacked('@autocollect/openapi', '@autocollect/docs');
    writeFileSync(readme, text);
    const before = await Promise.all(PUBLIC.map((name) => registry.packument(name)));
    // A changeset written after `npx changeset version`: its version is not applied, and the release says so.
    const pending = join(copy, '.changeset/not-applied.md');
    writeFileSync(pending, `---\n'@autocollect/docs': patch\n---\n\nA later fix.\n`);

    const result = release();
    rmSync(pending);
    expect(result.stdout).toMatch(
      /1 changeset is pending \(\.changeset\/not-applied\.md\): the versions below do not include it\. .*`npx changeset version`/,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /@autocollect\/docs@\S+ is on http:\/\/127\.0\.0\.1:\d+\/ already, with other contents/,
    );
    expect(result.stderr).toMatch(/nothing was published/);
    expect(result.stderr).toMatch(/`npx changeset`.*`npx changeset version`/);
    // The packages were compared with the registry as soon as they were packed.
    expect(result.stdout).not.toMatch(/▶ Lint the spec/);
    expect(await Promise.all(PUBLIC.map((name) => registry.packument(name)))).toEqual(before);
    expect(inCopy('git', 'tag', '--list').trim()).toBe(LAST_RELEASE);
  });

  it('done as it says, publishes what is new at the versions changesets gave, leaves the rest, and tags what it published', async () => {
    const before = Object.fromEntries(await Promise.all(PUBLIC.map(async (name) => [name, await versions(name)])));
    version({ name: '@autocollect/docs', bump: 'patch' });
    const now = Object.fromEntries(PUBLIC.map((name) => [name, localVersion(name)]));
    expect(Object.values(now).every((v) => v !== '0.0.0')).toBe(true);

    const result = release();
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(await versions('@autocollect/client')).toEqual([now['@autocollect/client']]);
    expect(await versions('@autocollect/sandbox')).toEqual([now['@autocollect/sandbox']]);
    expect(await versions('@autocollect/docs')).toEqual(
      [...before['@autocollect/docs'], now['@autocollect/docs']].sort(),
    );
    expect(await versions('@autocollect/openapi')).toEqual(before['@autocollect/openapi']);
    expect(result.stdout).toContain(
      `@autocollect/openapi@${now['@autocollect/openapi']}: published already, same contents`,
    );
    // The checks ran, the spec compared with the last release among them.
    expect(result.stdout).toMatch(/▶ Lint the spec and check the generated code is current and committed: done/);
    expect(result.stdout).toMatch(/▶ Check the packed packages: publint, are-the-types-wrong, size budget: done/);
    expect(result.stdout).toMatch(new RegExp(`▶ Check for breaking spec changes since ${LAST_RELEASE}: done`));
    const tags = inCopy('git', 'tag', '--list').split('\n').filter(Boolean).sort();
    expect(tags).toEqual(
      [
        LAST_RELEASE,
        ...['@autocollect/client', '@autocollect/docs', '@autocollect/sandbox'].map((name) => `${name}@${now[name]}`),
      ].sort(),
    );
  });

  it('a consumer installs them by version, makes a typed call, verifies a webhook, and runs the sandbox by its command and startSandbox', async () => {
    const consumer = join(work, 'consumer');
    mkdirSync(consumer, { recursive: true });
    const dependencies = Object.fromEntries(
      ['@autocollect/client', '@autocollect/openapi', '@autocollect/sandbox'].map((name) => [name, localVersion(name)]),
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

    // The sandbox from the registry: its command, and startSandbox serving the client.
    const sandboxVersion = execFileSync('npx', ['--no-install', 'autocollect-sandbox', '--version'], {
      cwd: consumer,
      env: registry.env,
      encoding: 'utf8',
    }).trim();
    expect(sandboxVersion).toBe(localVersion('@autocollect/sandbox'));
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
});
