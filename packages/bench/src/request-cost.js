// @ts-check
// What one GetInvoiceById costs through each way of calling it, against a local server, as
// a ratio to raw fetch and of the client to the openapi-fetch it builds on; and what the
// client adds in process: with the platform's fetch answered at once by an in-process
// dispatcher (the default path), and with a fetch of the caller's own that answers at once.
// The client against openapi-fetch over loopback is measured on Node 24 too, which users run:
// the package tests' pinned runtime, fetched once.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureRuntime, RUNTIMES, runtimeCommand } from '../../package-tests/scripts/runtimes.js';
import { median, startServer } from './support.js';

const NETWORK = [
  'raw fetch',
  'openapi-fetch',
  '@autocollect/client',
  'axios',
  'node:http (keep-alive)',
  'undici request',
];
const FETCHERS = ['raw fetch', 'openapi-fetch', '@autocollect/client'];
const NODE_24 = RUNTIMES.find((runtime) => runtime.name === 'Node 24');

/**
 * Interleaved rounds, each variant in a process of its own: each round runs every variant
 * `perRound` times, in a rotating order, one process at a time.
 * @param {string} origin
 * @param {string} mode network, instant or own-fetch (see request-variant-process.js)
 * @param {string[]} names
 * @param {{ rounds: number, perRound: number, warmup: number }} options
 * @param {string} [execPath] the Node to run the variants on; this one by default
 * @returns {Promise<{ wall: Record<string, number[]>, cpu: Record<string, number[]> }>} microseconds per call, per round
 */
async function interleave(origin, mode, names, { rounds, perRound, warmup }, execPath = process.execPath) {
  const script = fileURLToPath(new URL('./request-variant-process.js', import.meta.url));
  const processes = names.map((name) => {
    const child = fork(script, [origin, mode, name], { execPath, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    /** @type {((value: any) => void)[]} */
    const waiting = [];
    child.on('message', (message) => waiting.shift()?.(message));
    const failed = new Promise((_, reject) =>
      child.once('exit', (code) => reject(new Error(`the ${name} process (${mode}) exited with ${code}`))),
    );
    failed.catch(() => undefined);
    /** @param {number} [calls] @returns {Promise<any>} */
    const ask = (calls) =>
      Promise.race([
        new Promise((resolve) => {
          waiting.push(resolve);
          if (calls !== undefined) child.send({ calls });
        }),
        failed,
      ]);
    return { name, child, ask, ready: ask() };
  });
  try {
    for (const { ready, ask } of processes) {
      await ready;
      await ask(warmup);
    }
    /** @type {Record<string, number[]>} */
    const wall = Object.fromEntries(names.map((name) => [name, []]));
    /** @type {Record<string, number[]>} */
    const cpu = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < processes.length; i++) {
        const { name, ask } = processes[(i + round) % processes.length];
        const { milliseconds, cpuMilliseconds } = await ask(perRound);
        wall[name]?.push((milliseconds * 1000) / perRound);
        cpu[name]?.push((cpuMilliseconds * 1000) / perRound);
      }
    }
    return { wall, cpu };
  } finally {
    for (const { child } of processes) child.kill();
  }
}

/**
 * Per variant: the median time per call, and the median of its per-round ratio to the
 * baseline's same round, with how much those ratios spread; and the client against
 * openapi-fetch, round by round: their ratio and their difference.
 * @param {Record<string, number[]>} samples
 * @param {string} baseline
 */
function summarise(samples, baseline) {
  const byVariant = Object.fromEntries(
    Object.entries(samples).map(([name, values]) => [
      name,
      { microseconds: median(values), ...against(values, samples[baseline]) },
    ]),
  );
  const client = samples['@autocollect/client'];
  const openapiFetch = samples['openapi-fetch'];
  return {
    ...byVariant,
    clientVsOpenapiFetch: {
      ...against(client, openapiFetch),
      extraMicroseconds: median(client.map((value, i) => value - openapiFetch[i])),
    },
  };
}

/**
 * The median of per-round ratios of `values` to `base`, and their interquartile spread relative to it.
 * @param {number[]} values
 * @param {number[]} base
 */
function against(values, base) {
  const ratios = values.map((value, i) => value / (base[i] ?? Number.NaN));
  const sorted = [...ratios].sort((a, b) => a - b);
  const spread = (sorted[Math.floor(sorted.length * 0.75)] - sorted[Math.floor(sorted.length * 0.25)]) / median(ratios);
  return { ratio: median(ratios), spread };
}

export async function requestCost({ quick = false } = {}) {
  if (!NODE_24) throw new Error('The package tests pin no Node 24 runtime.');
  await ensureRuntime(NODE_24);
  const server = await startServer();
  try {
    const overLoopback = quick
      ? { rounds: 5, perRound: 100, warmup: 100 }
      : { rounds: 21, perRound: 1000, warmup: 1000 };
    const { wall: network } = await interleave(server.origin, 'network', NETWORK, overLoopback);
    const onNode24 = await interleave(
      server.origin,
      'network',
      ['openapi-fetch', '@autocollect/client'],
      overLoopback,
      runtimeCommand(NODE_24).command,
    );
    const inProcess = quick
      ? { rounds: 5, perRound: 1000, warmup: 1000 }
      : { rounds: 11, perRound: 10000, warmup: 5000 };
    return {
      network: summarise(network, 'raw fetch'),
      networkOnNode24: { version: NODE_24.version, ...summarise(onNode24.wall, 'openapi-fetch') },
      // CPU time: in process, a call waits on nothing, and CPU time leaves out the machine's other load.
      // The default path: the platform's fetch, answered in process.
      inProcess: summarise((await interleave(server.origin, 'instant', FETCHERS, inProcess)).cpu, 'raw fetch'),
      // A fetch of the caller's: the client then gives it a Request that carries the attempt's signal.
      ownFetch: summarise((await interleave(server.origin, 'own-fetch', FETCHERS, inProcess)).cpu, 'raw fetch'),
    };
  } finally {
    server.stop();
  }
}
