// @ts-check
// `npm run dev` in a child process, for the tests and the benchmark that drive it: resolves
// once it serves, and keeps what it printed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * @param {string} repo a copy of the repo to run it in
 * @returns {Promise<{ url: string, output: () => string, alive: () => boolean, stop: () => Promise<void> }>}
 */
export function startDevSession(repo) {
  const child = spawn(process.execPath, [join(repo, 'scripts/dev.js')], {
    cwd: repo,
    // Free ports: the sandbox too, whatever runs on 4010 (its pages then name it where it runs).
    env: { ...process.env, PORT: '0', SANDBOX_PORT: '0', NO_COLOR: '1', REDOCLY_TELEMETRY: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  /** Everything it printed is read once it has exited and its output has closed. */
  const closed = new Promise((done) => child.once('close', () => done(undefined)));
  return new Promise((resolve, reject) => {
    const exitedEarly = (/** @type {number | null} */ code) =>
      reject(new Error(`npm run dev exited (${code}) before it served:\n${output}`));
    child.once('exit', exitedEarly);
    const served = () => {
      const url = /Docs with live reload: (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      // Once: a listener left behind would go on acting on each later line.
      child.stdout.off('data', served);
      child.off('exit', exitedEarly);
      resolve({
        url,
        output: () => output,
        alive: () => child.exitCode === null && child.signalCode === null,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await closed;
        },
      });
    };
    child.stdout.on('data', served);
  });
}
