// Real npm registries for tests: Verdaccio on 127.0.0.1, each with its storage in a folder
// of the test's own and no uplink, so nothing reaches the public registry. One process
// serves them all (loading Verdaccio costs a second of CPU).
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface Registry {
  /** The registry's URL, with a trailing slash. */
  url: string;
  /** Environment for npm commands: a user config with the registry's token. */
  env: NodeJS.ProcessEnv;
  /** What names it, to attach to it from another process (`attachRegistry`). */
  handle: RegistryHandle;
  /**
   * Publishes a tarball `npm pack` made, with its package.json, as `npm publish` would (the
   * same request): what the test sets up is published without an npm process each.
   */
  publish(tarball: string, manifest: { name: string; version: string }): Promise<void>;
  /** The registry's document for a package (its versions and dist-tags), or undefined when it has none; read with credentials. */
  packument(
    name: string,
  ): Promise<{ versions: Record<string, { dist: { shasum: string } }>; time: object } | undefined>;
  close(): Promise<void>;
}

/** A running registry and its user, as plain data: a run's setup hands it to test files. */
export interface RegistryHandle {
  hostUrl: string;
  port: number;
  token: string;
  /** The npm user config holding the token. */
  userconfig: string;
}

/** The process that serves the registries of a test run (verdaccio-server.js). */
export interface RegistryHost {
  url: string;
  close(): Promise<void>;
}

/** Starts Verdaccio's process; `openRegistry` then starts registries in it. */
export async function startRegistryHost(): Promise<RegistryHost> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./verdaccio-server.js', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`Verdaccio exited (${code}) before it listened.`)));
    // Its first line is the port; what it logs after (errors only) goes on to stderr, so
    // that the pipe never fills.
    let first = true;
    child.stdout.on('data', (chunk: Buffer) => {
      if (first) resolve(JSON.parse(String(chunk)).port);
      else process.stderr.write(chunk);
      first = false;
    });
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A registry of its own, with its storage and users under `dir` (a storage there already
 * is served as it is), served by the host's process. A user is signed up, and its token
 * written to an npm user config that `env` points npm commands at.
 */
export async function openRegistry(hostUrl: string, dir: string): Promise<Registry> {
  mkdirSync(dir, { recursive: true });
  const started = await fetch(hostUrl, { method: 'POST', body: JSON.stringify({ dir }) });
  if (!started.ok) throw new Error(`Verdaccio could not start a registry: ${started.status} ${await started.text()}`);
  const { port } = (await started.json()) as { port: number };
  const url = `http://127.0.0.1:${port}/`;

  const signup = await fetch(`${url}-/user/org.couchdb.user:release`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'release', password: 'release-test-password' }),
  });
  if (!signup.ok) throw new Error(`Verdaccio refused the test user: ${signup.status} ${await signup.text()}`);
  const { token } = (await signup.json()) as { token: string };
  // The user's own npm config, plus the token: npm reads one user config.
  const own = process.env.npm_config_userconfig ?? join(homedir(), '.npmrc');
  const userconfig = join(dir, 'npmrc');
  writeFileSync(
    userconfig,
    `${existsSync(own) ? `${readFileSync(own, 'utf8')}\n` : ''}//127.0.0.1:${port}/:_authToken=${token}\n`,
  );
  return attachRegistry({ hostUrl, port, token, userconfig });
}

/** The registry a handle names, opened already (by `openRegistry`, perhaps in another process). */
export function attachRegistry(handle: RegistryHandle): Registry {
  const { hostUrl, port, token, userconfig } = handle;
  const url = `http://127.0.0.1:${port}/`;
  const env = { ...process.env, NPM_CONFIG_USERCONFIG: userconfig, NPM_CONFIG_UPDATE_NOTIFIER: 'false' };

  return {
    url,
    env,
    handle,
    async publish(tarball, manifest) {
      const data = readFileSync(tarball);
      const { name, version } = manifest;
      const filename = `${name}-${version}.tgz`;
      const digest = (algorithm: string, encoding: 'hex' | 'base64') =>
        createHash(algorithm).update(data).digest(encoding);
      const response = await fetch(`${url}${name.replace('/', '%2f')}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          _id: name,
          name,
          'dist-tags': { latest: version },
          versions: {
            [version]: {
              ...manifest,
              _id: `${name}@${version}`,
              dist: {
                shasum: digest('sha1', 'hex'),
                integrity: `sha512-${digest('sha512', 'base64')}`,
                tarball: `${url}${name}/-/${filename}`,
              },
            },
          },
          _attachments: {
            [filename]: {
              content_type: 'application/octet-stream',
              data: data.toString('base64'),
              length: data.length,
            },
          },
        }),
      });
      if (!response.ok)
        throw new Error(`Verdaccio refused ${name}@${version}: ${response.status} ${await response.text()}`);
    },
    async packument(name) {
      const response = await fetch(`${url}${name.replace('/', '%2f')}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status === 404) return undefined;
      if (!response.ok) throw new Error(`${name}: ${response.status}`);
      return (await response.json()) as never;
    },
    async close() {
      await fetch(`${hostUrl}${port}`, { method: 'DELETE' });
    },
  };
}

/** The folder a package is installed in, as Node resolves it from `from`. */
function installedPackage(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed above ${from}.`);
  }
}

/**
 * The installed copies of packages' runtime dependencies (and theirs), by name@version; the
 * repository's own packages are left to the release.
 */
export function dependenciesOf(packageDirs: string[]): Map<string, string> {
  const found = new Map<string, string>(); // name@version → installed folder
  const visit = (dir: string) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      if (name.startsWith('@autocollect/')) continue;
      const installed = installedPackage(name, dir);
      const { version } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
      if (found.has(`${name}@${version}`)) continue;
      found.set(`${name}@${version}`, installed);
      visit(installed);
    }
  };
  for (const dir of packageDirs) visit(dir);
  return found;
}

/**
 * Publishes installed packages (`dependenciesOf`) to the registry, as the public registry
 * serves them, so consumers install without the network. One `npm pack` packs them all.
 */
export async function publishInstalled(registry: Registry, folders: string[], workDir: string): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  const packed: { filename: string }[] = JSON.parse(
    (
      await promisify(execFile)('npm', ['pack', ...folders, '--json', '--ignore-scripts', '--offline'], {
        cwd: workDir,
        env: registry.env,
        encoding: 'utf8',
      })
    ).stdout,
  );
  await Promise.all(
    packed.map(({ filename }, index) =>
      registry.publish(
        join(workDir, filename),
        JSON.parse(readFileSync(join(folders[index] as string, 'package.json'), 'utf8')),
      ),
    ),
  );
}
