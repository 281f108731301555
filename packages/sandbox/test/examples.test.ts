// With `examples`, the sandbox holds the records the description's examples name, under
// their ids, from the start and after each reset; without, it starts empty.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseActionExamples } from '../src/examples.js';
import { type RunningSandbox, sandboxWithToken } from './support/api.js';

const description = createRequire(import.meta.url)('@autocollect/openapi/openapi.json');
const example = (name: string) => description.components.examples[name].value.data;
const invoice = example('InvoicePaymentReminderOpen');
const parameter = (name: string) => description.components.parameters[name].example as string;
/** CreateInvoices' request example, as the docs' samples and Try it send it. */
function createExample() {
  const media = description.paths['/orgs/{organizationId}/invoices'].post.requestBody.content['application/json'];
  return (
    media.example ?? description.components.examples[Object.values<any>(media.examples)[0].$ref.split('/').at(-1)].value
  );
}

let sandbox: RunningSandbox;
let call: Awaited<ReturnType<typeof sandboxWithToken>>['call'];
beforeAll(async () => {
  ({ sandbox, call } = await sandboxWithToken({ examples: true }));
});
afterAll(() => sandbox?.close());

describe('the examples’ records', () => {
  it('are there under the ids the docs use, as the examples show them, and fit the description', async () => {
    const shown = await call('GET', `{org}/invoices/${parameter('InvoiceId')}`);
    expect(shown.status).toBe(200);
    // As GetInvoiceById's example shows it, field for field.
    const fields = [
      'id',
      'invoiceNumber',
      'collectionCaseNumber',
      'originalInvoiceAmount',
      'currency',
      'remainingAmount',
      'debtors',
    ];
    expect(shown.body.data).toMatchObject(Object.fromEntries(fields.map((field) => [field, invoice[field]])));
    // But for its uniqueSourceInvoiceId, which the CreateInvoices example sends (see below).
    expect(shown.body.data.uniqueSourceInvoiceId).toBe(`${invoice.uniqueSourceInvoiceId}-example`);
    const { id, invoiceNumber } = invoice;
    const batch = await call('GET', `{org}/batches/${parameter('BatchId')}`);
    expect(batch.body.data).toMatchObject({ status: 'SUCCESS', succeeded: [{ invoiceId: id, invoiceNumber }] });
    expect((await call('GET', `{org}/settlements/${parameter('SettlementId')}`)).status).toBe(200);
    const cases = await call('GET', '{org}/cases');
    const ready = caseActionExamples(description);
    expect(cases.body.data.map((item: { caseId: string }) => item.caseId)).toEqual([
      parameter('CaseId'),
      ...new Set(Object.values(ready).map((ids) => ids.caseId)),
    ]);
    expect((await call('POST', `{org}/cases/${parameter('CaseId')}/pause`)).status).toBe(202);
    // The CreateInvoices example, sent as written, makes a new invoice: the example's is not a duplicate of it.
    const created = await call('POST', '{org}/invoices', createExample());
    const made = await call('GET', `{org}/batches/${created.body.data.batchId}`);
    expect(made.body.data.status).toBe('SUCCESS');
    expect(sandbox.violations()).toEqual([]);
  });

  it("leave the CreateInvoices example's uniqueSourceInvoiceIds free, once: sent again, it is refused as a duplicate, as the examples' own invoice is", async () => {
    sandbox.reset();
    const body = createExample();
    const sourceIds: string[] = body.invoices.map(
      (item: { uniqueSourceInvoiceId: string }) => item.uniqueSourceInvoiceId,
    );
    expect(sourceIds).toContain(invoice.uniqueSourceInvoiceId);
    const batchOf = async (sent: unknown) =>
      (await call('GET', `{org}/batches/${(await call('POST', '{org}/invoices', sent)).body.data.batchId}`)).body.data;
    expect((await batchOf(body)).status).toBe('SUCCESS');
    // Each uniqueSourceInvoiceId is held by one invoice: the one just made, not the examples' too.
    for (const sourceId of sourceIds) {
      const found = (await call('GET', `{org}/invoices?UniqueSourceInvoiceId=${sourceId}`)).body.data;
      expect(
        found.map((item: { id: string }) => item.id),
        sourceId,
      ).toHaveLength(1);
      expect(found[0].id).not.toBe(invoice.id);
    }
    const again = await batchOf(body);
    expect(again.status).toBe('FAILED');
    expect(again.failed.map((failure: { reason: string }) => failure.reason)).toEqual(
      sourceIds.map((sourceId) => expect.stringContaining(`uniqueSourceInvoiceId '${sourceId}' already exists`)),
    );
    // The examples' invoice holds its own, and a create that repeats it is refused too.
    const [first] = body.invoices;
    const seeded = await batchOf({
      invoices: [{ ...first, uniqueSourceInvoiceId: `${invoice.uniqueSourceInvoiceId}-example` }],
    });
    expect(seeded.failed).toEqual([
      expect.objectContaining({ reason: expect.stringContaining(`already exists (${invoice.id})`) }),
    ]);
    expect(sandbox.violations()).toEqual([]);
  });

  it('hold a case of its own for each case action, where it applies: open, paused, or asked for a decision', async () => {
    sandbox.reset();
    const ready = caseActionExamples(description);
    expect(Object.keys(ready).sort()).toEqual([
      'AcceptDebtCollectionList',
      'AcceptEvictionConfirmation',
      'AcceptEvictionRequest',
      'PauseCase',
      'RejectDebtCollectionList',
      'RejectEvictionConfirmation',
      'RejectEvictionRequest',
      'ResumeCase',
      'ResumeInvoice',
      'WithdrawCase',
    ]);
    const paths = Object.entries<any>(description.paths);
    const pathOf = (operationId: string, ids: { caseId: string; invoiceId: string }) =>
      (paths.find(([, item]) => item.post?.operationId === operationId)?.[0] ?? '')
        .replace('/orgs/{organizationId}', '{org}')
        .replace('{caseId}', ids.caseId)
        .replace('{invoiceId}', ids.invoiceId);
    // One after another on one sandbox, as a reader tries them down the page: each has a case of its own.
    sandbox.reset();
    for (const [operationId, ids] of Object.entries(ready))
      expect((await call('POST', pathOf(operationId, ids))).status, operationId).toBe(202);
    // Done once, the case has moved on, as it would at Amili.
    for (const [operationId, ids] of Object.entries(ready))
      expect((await call('POST', pathOf(operationId, ids))).status, operationId).toBe(409);
    expect(new Set(Object.values(ready).map((ids) => ids.caseId)).size).toBe(10);
    // The example's own case is still open: no sample moved it.
    const listed = (await call('GET', '{org}/cases')).body.data;
    expect(listed.find((item: { caseId: string }) => item.caseId === parameter('CaseId')).status).toBe('OPEN');
    // The ids are the same on every start (the docs' samples name them).
    expect(caseActionExamples(description)).toEqual(ready);
    expect(sandbox.violations()).toEqual([]);
  });

  it('come back after a reset; new records come after them', async () => {
    sandbox.reset();
    expect((await call('GET', `{org}/invoices/${parameter('InvoiceId')}`)).status).toBe(200);
    const invoices = (await call('GET', '{org}/invoices')).body.data;
    expect(invoices).toHaveLength(
      1 + new Set(Object.values(caseActionExamples(description)).map((ids) => ids.caseId)).size,
    );
    expect(invoices[0].id).toBe(parameter('InvoiceId'));
  });

  it("never give a new case an example's case number", async () => {
    const { SandboxState } = await import('../src/state.js');
    const state = new SandboxState({ organization: { id: 'o', name: 'O' } as never, createdBy: 'test' });
    const known = { id: 'i-known', caseId: 'c-known', caseNumber: 100_002 };
    state.addInvoice({ originalInvoiceAmount: 1 }, 'b', 0, known);
    const numbers = [1, 2].map((n) => state.addInvoice({ originalInvoiceAmount: n }, 'b', 0).caseNumber);
    expect(numbers).toEqual([100_001, 100_003]);
  });

  it('are not there without the option', async () => {
    const empty = await sandboxWithToken();
    try {
      expect((await empty.call('GET', `{org}/invoices/${parameter('InvoiceId')}`)).status).toBe(404);
      expect((await empty.call('GET', '{org}/invoices')).body.data).toEqual([]);
    } finally {
      await empty.sandbox.close();
    }
  });
});
