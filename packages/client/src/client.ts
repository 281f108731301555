import type { HeadersOptions } from 'openapi-fetch';
import { type WaitForBatch, waitForBatch } from './batches.js';
import { createTypedClient, type FindCreatedBatch } from './call.js';
import type { paths } from './generated/autocollect.js';
import { operations, servers } from './generated/autocollect.meta.js';
import { type ClientOptions, resolveOptions } from './options.js';
import { type Paginate, paginate } from './paginate.js';
import type { StrictClient } from './strict-methods.js';
import { unwrap } from './unwrap.js';

/** Options of `createAutoCollectClient`; `baseUrl` defaults to `servers.production`. */
export type AutoCollectClientOptions = ClientOptions;

/**
 * openapi-fetch's typed client (GET, POST, …, use) plus pagination and batch waiting. A call's
 * init is checked exactly: a property the operation does not have fails to compile.
 */
export interface AutoCollectClient extends StrictClient<paths> {
  /** Walks every item of a list operation, page after page (`for await`). */
  paginate: Paginate;
  /** Polls a batch until it is SUCCESS, PARTIAL or FAILED. */
  waitForBatch: WaitForBatch;
}

export function createAutoCollectClient(options: AutoCollectClientOptions): AutoCollectClient {
  const resolved = resolveOptions(options, servers, 'createAutoCollectClient');
  const client = createTypedClient<AutoCollectClient>(operations, resolved, (typed) =>
    findCreatedBatch(typed, resolved.baseUrl),
  );
  client.paginate = ((path: never, init: never) => paginate(client, path, init)) as Paginate;
  client.waitForBatch = (batch, waitOptions) => waitForBatch(client, batch, waitOptions);
  return client;
}

/**
 * After a create failed in a way that leaves open whether it landed: GetBatchesByOrganization
 * filters by IdempotencyKey, so the batch listed is this create's, and the call answers with
 * its reference, as the create's own 202 would have. A list that does not fit the filter (several
 * batches, or one of another type than the create makes: a server that ignores the filter, as
 * Prism's mock does) says nothing of whether it landed, so the create is not sent again.
 */
function findCreatedBatch(client: AutoCollectClient, clientBaseUrl: string): FindCreatedBatch {
  return async ({ organizationId, type, baseUrl, fetch, headers }, idempotencyKey, signal) => {
    const result = await client.GET('/orgs/{organizationId}/batches', {
      params: { path: { organizationId }, query: { IdempotencyKey: idempotencyKey } },
      signal: signal ?? null,
      ...(baseUrl !== undefined && { baseUrl }),
      ...(fetch && { fetch }),
      ...(headers !== undefined && { headers: headers as HeadersOptions }),
    });
    const [batch, another] = unwrap(result).data;
    if (!batch) return undefined;
    if (another || batch.type !== type) throw new TypeError('the batch list does not fit its IdempotencyKey filter');
    // Named by the URL asked, not the response's (a Response a fetch or middleware rebuilt has none).
    const batches = `${(baseUrl ?? clientBaseUrl).replace(/\/+$/, '')}/orgs/${encodeURIComponent(organizationId)}/batches`;
    const batchUrl = `${batches}/${encodeURIComponent(batch.batchId)}`;
    const reference = { summary: { status: 'SUCCESS' }, data: { batchId: batch.batchId, batchUrl } };
    return new Response(JSON.stringify(reference), { status: 202, headers: { 'content-type': 'application/json' } });
  };
}
