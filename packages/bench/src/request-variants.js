// @ts-check
// The ways of making one GetInvoiceById that the request benchmarks compare, each returning
// the parsed invoice. One is run per process (request-variant-process.js), as an application
// would run one.
import { Agent, request as httpRequest } from 'node:http';
import { createAutoCollectClient } from '@autocollect/client';
import axios from 'axios';
import createClient from 'openapi-fetch';
import { request as undiciRequest } from 'undici';

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
export function variants(origin, fetchImpl) {
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
