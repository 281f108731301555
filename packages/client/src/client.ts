import type { Client } from 'openapi-fetch';
import { type WaitForBatch, waitForBatch } from './batches.js';
import { createTypedClient } from './call.js';
import type { paths } from './generated/autocollect.js';
import { operations, servers } from './generated/autocollect.meta.js';
import { type ClientOptions, resolveOptions } from './options.js';
import { type Paginate, paginate } from './paginate.js';

/** Options of `createAutoCollectClient`; `baseUrl` defaults to `servers.production`. */
export type AutoCollectClientOptions = ClientOptions;

/** openapi-fetch's typed client (GET, POST, …, use) plus pagination and batch waiting. */
export interface AutoCollectClient extends Client<paths> {
  /** Walks every item of a list operation, page after page (`for await`). */
  paginate: Paginate;
  /** Polls a batch until it is SUCCESS, PARTIAL or FAILED. */
  waitForBatch: WaitForBatch;
}

export function createAutoCollectClient(options: AutoCollectClientOptions): AutoCollectClient {
  const resolved = resolveOptions(options, servers, 'createAutoCollectClient');
  const client = createTypedClient<AutoCollectClient>(operations, resolved);
  client.paginate = ((path: never, init: never) => paginate(client, path, init)) as Paginate;
  client.waitForBatch = (batch, waitOptions) => waitForBatch(client, batch, waitOptions);
  return client;
}
