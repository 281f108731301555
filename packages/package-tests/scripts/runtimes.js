// @ts-check
// The runtimes the packed client is tested on besides this Node: each pinned,
// fetched once from the npm registry into .cache/runtimes/<package>@<version>.
//
// A fetch goes into a folder of its own and is moved into place only after the
// runtime answers with its exact version, so an interrupted fetch leaves nothing
// a later run would use. One process fetches a runtime at a time (a lock folder
// holding its pid; a lock whose process is gone is taken over).
//
//   node scripts/runtimes.js     fetch what is missing or broken, verify the rest
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isRunning } from '../../../scripts/process-running.js';

const packageDir = resolve(fileURLToPath(import.meta.url), '../..');
export const runtimesDir = join(packageDir, '.cache/runtimes');

/**
 * @typedef {object} Runtime
 * @property {string} name
 * @property {string} npmPackage the registry package that ships it
 * @property {string} version exact
 * @property {string} bin the command its package installs
 * @property {string[]} args what goes before the script to run
 */

/** @type {Runtime[]} */
export const RUNTIMES = [
  { name: 'Node 22', npmPackage: 'node', version: '22.23.3', bin: 'node', args: [] },
  { name: 'Node 24', npmPackage: 'node', version: '24.21.0', bin: 'node', args: [] },
  { name: 'Bun', npmPackage: 'bun', version: '1.4.5', bin: 'bun', args: [] },
  {
    name: 'Deno',
    npmPackage: 'deno',
    version: '2.9.6',
    bin: 'deno',
    args: ['run', '--allow-net=127.0.0.1', '--allow-env', '--allow-read'],
  },
];

const folderOf = (/** @type {Runtime} */ runtime, dir = runtimesDir) =>
  join(dir, `${runtime.npmPackage}@${runtime.version}`);
const binIn = (/** @type {string} */ folder, /** @type {Runtime} */ runtime) =>
  join(folder, 'node_modules/.bin', process.platform === 'win32' ? `${runtime.bin}.cmd` : runtime.bin);

/**
 * Whether the runtime in `folder` runs and reports the pinned version.
 * @param {string} folder
 * @param {Runtime} runtime
 */
function works(folder, runtime) {
  const bin = binIn(folder, runtime);
  if (!existsSync(bin)) return false;
  try {
    const output = execFileSync(bin, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 60_000,
    });
    return output.includes(runtime.version);
  } catch {
    return false;
  }
}

/**
 * The command that runs a script on the runtime; fails with what to do when it was not fetched.
 * @param {Runtime} runtime
 * @param {string} [dir] where runtimes are kept
 * @returns {{ command: string, args: string[] }}
 */
export function runtimeCommand(runtime, dir = runtimesDir) {
  const bin = binIn(folderOf(runtime, dir), runtime);
  if (!existsSync(bin)) {
    throw new Error(
      `${runtime.name} (${runtime.npmPackage}@${runtime.version}) is not in ${relative(process.cwd(), dir)}: run \`node scripts/runtimes.js\` in packages/package-tests (npm test does it first).`,
    );
  }
  return { command: bin, args: runtime.args };
}

const pause = (/** @type {number} */ ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Holds a lock folder while `work` runs; waits for a live holder, takes over a dead one's.
 * @template T
 * @param {string} lock
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
async function withLock(lock, work) {
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      const holder = Number(existsSync(join(lock, 'pid')) ? readFileSync(join(lock, 'pid'), 'utf8') : Number.NaN);
      // A lock with no pid yet is being taken right now; one whose process is gone is stale.
      if (Number.isInteger(holder) && !isRunning(holder)) rmSync(lock, { recursive: true, force: true });
      else if (waited === 0) console.log(`  waiting for another process that is fetching it (${lock})`);
      else if (waited > 15 * 60_000)
        throw new Error(`Gave up waiting for ${lock} after 15 minutes: delete it if no fetch is running.`);
      await pause(500);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Installs the runtime's package into a fresh folder beside its final one.
 * @param {Runtime} runtime
 * @param {string} partial
 */
function install(runtime, partial) {
  mkdirSync(partial, { recursive: true });
  writeFileSync(join(partial, 'package.json'), '{ "private": true }\n');
  const args = [
    'install',
    '--no-audit',
    '--no-fund',
    '--no-package-lock',
    '--save-exact',
    '--prefer-offline',
    '--loglevel=error',
  ];
  const child = spawn('npm', [...args, `${runtime.npmPackage}@${runtime.version}`], {
    cwd: partial,
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
  // Interrupted here: stop npm too, so that it writes nothing after this process is gone.
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop).once('SIGTERM', stop);
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      if (code === 0) done(undefined);
      else
        fail(new Error(`npm install ${runtime.npmPackage}@${runtime.version} failed (${signal ?? `exit ${code}`}).`));
    });
  });
}

/**
 * Makes sure the runtime is in place and works: verified as it is, or fetched anew.
 * @param {Runtime} runtime
 * @param {string} [dir] where runtimes are kept
 * @returns {Promise<'verified' | 'fetched'>}
 */
export async function ensureRuntime(runtime, dir = runtimesDir) {
  const folder = folderOf(runtime, dir);
  if (works(folder, runtime)) return 'verified';
  mkdirSync(dir, { recursive: true });
  return withLock(`${folder}.lock`, async () => {
    if (works(folder, runtime)) return 'verified'; // another process fetched it meanwhile
    // Under the lock, any partial fetch of this runtime is a dead one.
    const base = `${runtime.npmPackage}@${runtime.version}.partial-`;
    for (const name of readdirSync(dir))
      if (name.startsWith(base)) rmSync(join(dir, name), { recursive: true, force: true });
    const partial = join(dir, `${base}${process.pid}`);
    console.log(
      `  fetching ${runtime.npmPackage}@${runtime.version} from the npm registry (once; kept in ${relative(process.cwd(), dir)})`,
    );
    try {
      await install(runtime, partial);
      if (!works(partial, runtime)) {
        throw new Error(
          `${runtime.npmPackage}@${runtime.version} installed, but \`${runtime.bin} --version\` does not answer ${runtime.version}.`,
        );
      }
      rmSync(folder, { recursive: true, force: true });
      renameSync(partial, folder);
      return 'fetched';
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Runtimes for the packed client's tests (${relative(process.cwd(), runtimesDir)}):`);
  try {
    for (const runtime of RUNTIMES) {
      const started = performance.now();
      const how = await ensureRuntime(runtime);
      console.log(
        `  ${runtime.name} ${runtime.version}: ${how} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  } catch (error) {
    console.error(`  ${error instanceof Error ? error.message : error} Nothing half-fetched was kept; run it again.`);
    process.exitCode = 1;
  }
}
