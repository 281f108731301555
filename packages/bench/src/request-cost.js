// @ts-check
// What one GetInvoiceById costs through each way of calling it, against a local
// server, as a ratio to raw fetch; and the client's own overhead with fetch stubbed.
import { Agent, request as httpRequest } from 'node:http';
import { createAutoCollectClient } from '@autocollect/client';
import axios from 'axios';
import createClient from 'openapi-fetch';
import { request as undiciRequest } from 'undici';
import { median, now, startServer } from './support.js';

const organizationId = '0d87bfbd-f478-451c-aa73-91c208ce3e09';
const invoiceId = '7073c4a6-24b4-4059-9653-58cb3a64e377';
const PATH = '/orgs/{organizationId}/invoices/{invoiceId}';
const headers = { Authorization: 'Bearer bench-token' };

/**
 * One request per call, each returning the parsed invoice.
 * @param {string} origin
 * @param {any} [fetchImpl] a stand-in fetch, for the in-process figures
 * @returns {Record<string, () => Promise<unknown>>}
 */
function variants(origin, fetchImpl) {
  const baseUrl = `${origin}/collection/v1`;
  const url = `${baseUrl}/orgs/${organizationId}/invoices/${invoiceId}`;
  const params = { path: { organizationId, invoiceId } };
  // openapi-fetch alone, without the generated paths: untyped, as a user without our types would have it.
  const openapiFetch = /** @type {any} */ (createClient({ baseUrl, headers, ...(fetchImpl && { fetch: fetchImpl }) }));
  const client = createAutoCollectClient({
    baseUrl,
    auth: { accessToken: 'bench-token' },
    ...(fetchImpl && { fetch: fetchImpl }),
  });
  const agent = new Agent({ keepAlive: true });
  return {
    'raw fetch': async () => (await (fetchImpl ?? fetch)(new Request(url, { headers }))).json(),
    'openapi-fetch': async () => (await openapiFetch.GET(PATH, { params })).data,
    '@autocollect/client': async () => (await client.GET(PATH, { params })).data,
    axios: async () => (await axios.get(url, { headers })).data,
    'node:http (keep-alive)': () =>
      new Promise((resolve, reject) => {
        httpRequest(url, { agent, headers }, (response) => {
          /** @type {Buffer[]} */
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
        })
          .on('error', reject)
          .end();
      }),
    'undici request': async () => (await undiciRequest(url, { headers })).body.json(),
  };
}

/**
 * Interleaved rounds: each round runs every variant `perRound` times, in a rotating order.
 * @param {Record<string, () => Promise<unknown>>} fns
 * @param {{ rounds: number, perRound: number, warmup: number }} options
 * @returns {Promise<Record<string, number[]>>} microseconds per call, per round
 */
async function interleave(fns, { rounds, perRound, warmup }) {
  const names = Object.keys(fns);
  for (const name of names) for (let i = 0; i < warmup; i++) await fns[name]();
  /** @type {Record<string, number[]>} */
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const start = now();
      for (let i = 0; i < perRound; i++) await fns[name]();
      samples[name].push(((now() - start) * 1000) / perRound);
    }
  }
  return samples;
}

/**
 * @param {Record<string, number[]>} samples
 * @param {string} baseline
 */
function summarise(samples, baseline) {
  const base = samples[baseline];
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => {
      // Per round, the ratio to the baseline's same round; the median of those, and how much they spread.
      const ratios = values.map((value, i) => value / (base?.[i] ?? Number.NaN));
      const sorted = [...ratios].sort((a, b) => a - b);
      const spread =
        (sorted[Math.floor(sorted.length * 0.75)] - sorted[Math.floor(sorted.length * 0.25)]) / median(ratios);
      return [name, { microseconds: median(values), ratio: median(ratios), spread }];
    }),
  );
}

export async function requestCost({ quick = false } = {}) {
  const server = await startServer();
  try {
    const network = await interleave(
      variants(server.origin),
      quick ? { rounds: 5, perRound: 100, warmup: 100 } : { rounds: 11, perRound: 1000, warmup: 1000 },
    );
    const body = JSON.stringify(await (await fetch(`${server.origin}/x`)).json());
    // In-process: a fetch that answers at once, so only the code around it is timed.
    const stub = async () =>
      new Response(body, {
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      });
    const inProcess = variants(server.origin, stub);
    const overhead = await interleave(
      {
        'raw fetch': inProcess['raw fetch'],
        'openapi-fetch': inProcess['openapi-fetch'],
        '@autocollect/client': inProcess['@autocollect/client'],
      },
      quick ? { rounds: 5, perRound: 1000, warmup: 1000 } : { rounds: 11, perRound: 10000, warmup: 5000 },
    );
    return { network: summarise(network, 'raw fetch'), inProcess: summarise(overhead, 'raw fetch') };
  } finally {
    server.stop();
  }
}
