// Every operation of the three descriptions is called, in success and in failure, and each
// answer as it came over the wire is checked against the description: its status, its
// media type and its body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Contract } from '../src/contract.js';
import { newInvoice, type RunningSandbox, sandboxWithToken } from './support/api.js';

const contract = new Contract();
let sandbox: RunningSandbox;
let call: Awaited<ReturnType<typeof sandboxWithToken>>['call'];
/** operationId → the statuses it answered with, each checked. */
const answered = new Map<string, Set<number>>();

/** Calls an operation and checks its answer against the description. */
async function checked(method: string, url: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  const answer = await call(method, url, init.body, init.headers);
  const { pathname } = new URL(
    url.startsWith('http') ? url : `${sandbox.baseUrl}${url.replace('{org}', `/orgs/${sandbox.organizationId}`)}`,
  );
  const { route } = contract.match(method, pathname);
  expect(route, `${method} ${pathname} is an operation`).toBeDefined();
  const mediaType = answer.headers.get('content-type')?.split(';')[0];
  expect(
    contract.response(route!, answer.status, mediaType, answer.body),
    `${route!.operationId} ${answer.status}`,
  ).toEqual([]);
  answered.set(route!.operationId, (answered.get(route!.operationId) ?? new Set()).add(answer.status));
  return answer;
}

beforeAll(async () => {
  ({ sandbox, call } = await sandboxWithToken());
});
afterAll(() => sandbox.close());

describe('the answers of every operation', () => {
  it('fit the description, in success and failure', async () => {
    const token = await checked('POST', sandbox.tokenUrl, {
      body: `grant_type=client_credentials&client_id=${sandbox.clientId}&client_secret=${sandbox.clientSecret}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(token.status).toBe(200);
    const created = await checked('POST', '{org}/invoices', {
      body: {
        invoices: [
          ...Array.from({ length: 5 }, () => newInvoice()),
          newInvoice({ uniqueSourceInvoiceId: 'SAME' }),
          newInvoice({ uniqueSourceInvoiceId: 'SAME' }),
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    const batch = await checked('GET', created.body.data.batchUrl);
    const { succeeded } = batch.body.data;
    expect(succeeded).toHaveLength(6);
    const [first] = succeeded;
    await checked('GET', `/batches/${created.body.data.batchId}`);
    await checked('GET', '{org}/batches?PageSize=1');
    await checked('GET', '{org}/invoices?PageSize=2');
    await checked('GET', `{org}/invoices/${first.invoiceId}`);
    const cases = await checked('GET', '{org}/cases?PageSize=10');
    const caseIds: string[] = cases.body.data.map((entry: { caseId: string }) => entry.caseId);
    await checked('POST', '{org}/payments', {
      body: { payments: [{ invoiceId: first.invoiceId, type: 'DIRECT_PAYMENT', amount: 100, currency: 'NOK' }] },
    });
    await checked('POST', '{org}/corrections', {
      body: {
        corrections: [
          {
            invoiceId: first.invoiceId,
            amount: -50,
            currency: 'NOK',
            date: '2025-03-20T00:00:00Z',
            description: 'Kreditnota',
          },
        ],
      },
    });
    // Every case action, where it applies and where it does not.
    await checked('POST', `{org}/cases/${caseIds[0]}/pause`);
    await checked('POST', `{org}/cases/${caseIds[0]}/pause`);
    await checked('POST', `{org}/cases/${caseIds[0]}/resume`);
    await checked('POST', `{org}/invoices/${first.invoiceId}/resume`);
    await checked('POST', `{org}/cases/${caseIds[0]}/pause`);
    await checked('POST', `{org}/invoices/${first.invoiceId}/resume`);
    for (const [index, [subStatus, accept, reject]] of (
      [
        ['DEBT_COLLECTION_LIST_MANUAL', 'accept-debt-collection-list', 'reject-debt-collection-list'],
        ['EVICTION_REQUEST', 'accept-eviction-request', 'reject-eviction-request'],
        ['EVICTION_CONFIRMATION', 'accept-eviction-confirmation', 'reject-eviction-confirmation'],
      ] as const
    ).entries()) {
      await checked('POST', `{org}/cases/${caseIds[1]}/${accept}`);
      sandbox.setCaseSubStatus(caseIds[1]!, subStatus);
      await checked('POST', `{org}/cases/${caseIds[1]}/${accept}`);
      sandbox.setCaseSubStatus(caseIds[2 + index]!, subStatus);
      await checked('POST', `{org}/cases/${caseIds[2 + index]}/${reject}`);
    }
    await checked('POST', `{org}/cases/${caseIds[0]}/withdraw`);
    await checked('POST', `{org}/cases/${caseIds[0]}/withdraw`);
    const { settlementId } = sandbox.collect({ invoiceId: succeeded[5].invoiceId, amount: 200 });
    await checked('GET', '{org}/settlements?pageSize=5');
    await checked('GET', `{org}/settlements/${settlementId}`);
    // The legacy API, with a bearer token and with Basic credentials.
    await checked('GET', `${sandbox.legacyUrl}/Ping`);
    await checked('GET', `${sandbox.legacyUrl}/Batch?includeclosed=true`);
    const basic = `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64')}`;
    await checked('POST', `${sandbox.legacyUrl}/Batch?senderid=1`, {
      body: { batchid: '1', case: [] },
      headers: { authorization: basic },
    });
    await checked('GET', `${sandbox.legacyUrl}/Attachment?attachmentid=5521`);

    // Failures: malformed, invalid, unauthenticated, another organization, unknown, conflicts.
    await checked('GET', '{org}/invoices/not-a-uuid');
    await checked('GET', `{org}/invoices/${crypto.randomUUID()}`);
    await checked('GET', `/orgs/${crypto.randomUUID()}/invoices`);
    await checked('GET', '{org}/cases', { headers: { authorization: 'Bearer nope' } });
    await checked('GET', `${sandbox.legacyUrl}/Ping`, { headers: { authorization: 'Bearer nope' } });
    await checked('POST', '{org}/invoices', { body: { invoices: [{ originalInvoiceAmount: 'ten' }] } });
    await checked('POST', '{org}/invoices', { body: '{"invoices": [' });
    await checked('POST', '{org}/invoices', { body: { invoices: [newInvoice()] }, headers: { idempotencykey: 'K' } });
    await checked('POST', '{org}/invoices', { body: { invoices: [newInvoice()] }, headers: { idempotencykey: 'K' } });
    await checked('GET', '{org}/batches?PageToken=garbage');
    await checked('GET', `{org}/batches/${crypto.randomUUID()}`);
    await checked('GET', `{org}/settlements/${crypto.randomUUID()}`);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    await checked('POST', sandbox.tokenUrl, { body: 'grant_type=password&client_id=a&client_secret=b', headers: form });
    await checked('POST', sandbox.tokenUrl, {
      body: 'grant_type=client_credentials&client_id=a&client_secret=b',
      headers: form,
    });
    await checked('POST', sandbox.tokenUrl, { body: 'grant_type=client_credentials', headers: form });

    expect(sandbox.violations()).toEqual([]);
  });

  it('covered every operation of the three descriptions with a success', () => {
    const operations = [...new Set(contract.routes.map((route) => route.operationId))];
    expect(operations.length).toBeGreaterThanOrEqual(26);
    for (const operationId of operations) {
      const statuses = [...(answered.get(operationId) ?? [])];
      expect(
        statuses.some((status) => status < 300),
        `${operationId} answered ${statuses.join(', ') || 'nothing'}`,
      ).toBe(true);
    }
  });

  it('and the failures each answer declares', () => {
    const statuses = new Set([...answered.values()].flatMap((set) => [...set]));
    for (const status of [400, 401, 403, 404, 409, 422]) expect(statuses).toContain(status);
  });
});
