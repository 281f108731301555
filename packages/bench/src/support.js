// @ts-check
// Shared helpers: a child-process API server, medians, timing.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Starts src/server.js in its own process; resolves with its origin and a stop function. */
export async function startServer() {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./server.js', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

export const median = (/** @type {number[]} */ values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export const now = () => performance.now();

/**
 * Milliseconds a function takes, the median of `runs`.
 * @param {() => unknown} fn
 */
export async function timeIt(fn, runs = 1) {
  /** @type {number[]} */
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    await fn();
    times.push(now() - start);
  }
  return median(times);
}
