import { type ApiError, type AutoCollectClientOptions, createAutoCollectClient, unwrap } from '../../src/index.js';

export const organizationId = '0d87bfbd-f478-451c-aa73-91c208ce3e09';
export const invoiceId = '7073c4a6-24b4-4059-9653-58cb3a64e377';
export const batchId = 'ae257e86-dc53-4865-9c97-5b125a3a5ac2';
export const caseId = '4f6dd45f-cd32-4530-843d-b278387ae272';

/** A client for a test server, with a fixed token unless `auth` says otherwise, and the default retries and timeout. */
export function testClient(origin: string, options: Partial<AutoCollectClientOptions> = {}) {
  return createAutoCollectClient({
    baseUrl: `${origin}/collection/v1`,
    auth: { accessToken: 'token-for-tests' },
    ...options,
  });
}

export const invoicePath = `/collection/v1/orgs/${organizationId}/invoices/${invoiceId}`;

/** What unwrap throws for a call's result (the test then checks it is an ApiError); an Error saying it threw nothing, if it did not. */
export function unwrapFailure(result: Parameters<typeof unwrap>[0]): ApiError {
  try {
    unwrap(result);
  } catch (error) {
    return error as ApiError;
  }
  return new Error('expected unwrap to throw, and it returned the data') as ApiError;
}
