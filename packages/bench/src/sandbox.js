// @ts-check
// The sandbox against Stoplight Prism (stateless, `prism mock` of the same bundle):
// requests per second on GetInvoiceById and CreateInvoices, each server in a process of
// its own, loaded by autocannon from this one, interleaved. Then the sandbox's memory
// while it takes 100,000 invoices in batches of 1,000.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { median } from './support.js';

const require = createRequire(import.meta.url);
const bundle = fileURLToPath(new URL('../../openapi/dist/openapi.json', import.meta.url));

/** An invoice as CreateInvoices takes it. @param {number} n */
const invoice = (n) => ({
  type: 'PAYMENT_REMINDER',
  invoiceNumber: `2025-${n}`,
  vat: false,
  fees: true,
  originalInvoiceAmount: 1250.5,
  currency: 'NOK',
  invoiceDate: '2025-03-01',
  dueDate: '2025-03-15',
  uniqueSourceInvoiceId: `ORDER-${n}`,
  description: 'Strøm mars',
  debtors: [{ type: 'PRIVATE', firstname: 'Kari', lastname: 'Nordmann', customerNumber: `C-${n}` }],
});

/** @param {string} script @returns {Promise<{ child: import('node:child_process').ChildProcess, info: any }>} */
function startSandboxProcess(script = './sandbox-server.js') {
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (chunk) => resolve({ child, info: JSON.parse(String(chunk)) }));
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
  });
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

/** `prism mock` of the bundle, quiet, on a free port; resolves once it listens. */
async function startPrism() {
  const port = await freePort();
  const cli = require.resolve('@stoplight/prism-cli/dist/index.js');
  const child = spawn(process.execPath, [cli, 'mock', bundle, '-h', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SCARF_ANALYTICS: 'false' },
  });
  await new Promise((resolve, reject) => {
    let output = '';
    const seen = (/** @type {Buffer} */ chunk) => {
      output += chunk;
      if (output.includes('Prism is listening')) resolve(undefined);
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.once('exit', (code) => reject(new Error(`prism exited with ${code}: ${output.slice(-500)}`)));
  });
  // Drop Prism's per-request log lines unread, as a quiet server would.
  child.stdout.resume();
  child.stderr.resume();
  return { child, origin: `http://127.0.0.1:${port}` };
}

/** @param {{ url: string, method?: 'GET' | 'POST', body?: string, headers: Record<string, string>, seconds: number }} load */
async function requestsPerSecond({ url, method = 'GET', body, headers, seconds }) {
  const result = await autocannon({
    url,
    method,
    ...(body ? { body } : {}),
    headers,
    connections: 10,
    duration: seconds,
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${method} ${url}: ${failed} of ${result.requests.total} requests failed`);
  return result.requests.average;
}

/** The headers of an authorized JSON call to the sandbox, with a token from its token endpoint. @param {{ tokenUrl: string, clientId: string, clientSecret: string }} info */
async function authorized({ tokenUrl, clientId, clientSecret }) {
  const answer = await fetch(tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  const { access_token } = await answer.json();
  return { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' };
}

export async function sandboxBench({ quick = false } = {}) {
  const seconds = quick ? 1 : 4;
  const rounds = quick ? 1 : 3;
  const sandbox = await startSandboxProcess();
  const prism = await startPrism();
  try {
    const { baseUrl, organizationId } = sandbox.info;
    const headers = await authorized(sandbox.info);
    const createBody = JSON.stringify({ invoices: [invoice(1)] });
    const created = await (
      await fetch(`${baseUrl}/orgs/${organizationId}/invoices`, { method: 'POST', headers, body: createBody })
    ).json();
    const batch = await (await fetch(created.data.batchUrl, { headers })).json();
    const invoiceId = batch.data.succeeded[0].invoiceId;
    const prismOrg = '0d87bfbd-f478-451c-aa73-91c208ce3e09';
    const targets = {
      GetInvoiceById: {
        sandbox: { url: `${baseUrl}/orgs/${organizationId}/invoices/${invoiceId}` },
        prism: { url: `${prism.origin}/orgs/${prismOrg}/invoices/${invoiceId}` },
      },
      CreateInvoices: {
        sandbox: {
          url: `${baseUrl}/orgs/${organizationId}/invoices`,
          method: /** @type {const} */ ('POST'),
          body: createBody,
        },
        prism: {
          url: `${prism.origin}/orgs/${prismOrg}/invoices`,
          method: /** @type {const} */ ('POST'),
          body: createBody,
        },
      },
    };
    /** @type {Record<string, any>} */
    const throughput = {};
    for (const [operation, servers] of Object.entries(targets)) {
      // Warm both up, then interleave rounds so that neither gets the quieter machine.
      for (const target of Object.values(servers)) await requestsPerSecond({ ...target, headers, seconds: 1 });
      /** @type {{ sandbox: number[], prism: number[] }} */
      const samples = { sandbox: [], prism: [] };
      for (let round = 0; round < rounds; round++) {
        samples.sandbox.push(await requestsPerSecond({ ...servers.sandbox, headers, seconds }));
        samples.prism.push(await requestsPerSecond({ ...servers.prism, headers, seconds }));
      }
      const [ours, theirs] = [median(samples.sandbox), median(samples.prism)];
      throughput[operation] = { sandbox: ours, prism: theirs, ratio: ours / theirs };
    }
    return {
      throughput,
      prismVersion: require('@stoplight/prism-cli/package.json').version,
      memory: await memoryWith100kInvoices(),
    };
  } finally {
    sandbox.child.kill();
    prism.child.kill();
  }
}

/** Peak RSS of a fresh sandbox process that takes 100 batches of 1,000 invoices. */
async function memoryWith100kInvoices() {
  const sandbox = await startSandboxProcess();
  try {
    const { baseUrl, organizationId } = sandbox.info;
    const headers = await authorized(sandbox.info);
    const rss = () => {
      const status = readFileSync(`/proc/${sandbox.child.pid}/status`, 'utf8');
      const field = (/** @type {string} */ name) =>
        Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024;
      return { rssMb: field('VmRSS'), peakRssMb: field('VmHWM') };
    };
    const idle = rss();
    const started = performance.now();
    let created = 0;
    for (let batch = 0; batch < 100; batch++) {
      const invoices = Array.from({ length: 1000 }, (_, i) => invoice(batch * 1000 + i));
      const answer = await fetch(`${baseUrl}/orgs/${organizationId}/invoices`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ invoices }),
      });
      const reference = await answer.json();
      const processed = await (await fetch(reference.data.batchUrl, { headers })).json();
      created += processed.data.succeeded.length;
    }
    const seconds = (performance.now() - started) / 1000;
    if (created !== 100_000) throw new Error(`the sandbox created ${created} of 100,000 invoices`);
    return { invoices: created, seconds, idle, loaded: rss() };
  } finally {
    sandbox.child.kill();
  }
}
