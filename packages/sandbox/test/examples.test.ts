// With `examples`, the sandbox holds the records the description's examples name, under
// their ids, from the start and after each reset; without, it starts empty.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, sandboxWithToken } from './support/api.js';

const description = createRequire(import.meta.url)('@autocollect/openapi/openapi.json');
const example = (name: string) => description.components.examples[name].value.data;
const invoice = example('InvoicePaymentReminderOpen');
const parameter = (name: string) => description.components.parameters[name].example as string;

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
      'uniqueSourceInvoiceId',
      'debtors',
    ];
    expect(shown.body.data).toMatchObject(Object.fromEntries(fields.map((field) => [field, invoice[field]])));
    const { id, invoiceNumber } = invoice;
    const batch = await call('GET', `{org}/batches/${parameter('BatchId')}`);
    expect(batch.body.data).toMatchObject({ status: 'SUCCESS', succeeded: [{ invoiceId: id, invoiceNumber }] });
    expect((await call('GET', `{org}/settlements/${parameter('SettlementId')}`)).status).toBe(200);
    const cases = await call('GET', '{org}/cases');
    expect(cases.body.data.map((item: { caseId: string }) => item.caseId)).toEqual([parameter('CaseId')]);
    expect((await call('POST', `{org}/cases/${parameter('CaseId')}/pause`)).status).toBe(202);
    // The CreateInvoices example, sent as written, makes a new invoice: the example's is not a duplicate of it.
    const media = description.paths['/orgs/{organizationId}/invoices'].post.requestBody.content['application/json'];
    const body =
      media.example ??
      description.components.examples[Object.values<any>(media.examples)[0].$ref.split('/').at(-1)].value;
    const created = await call('POST', '{org}/invoices', body);
    const made = await call('GET', `{org}/batches/${created.body.data.batchId}`);
    expect(made.body.data.status).toBe('SUCCESS');
    expect(sandbox.violations()).toEqual([]);
  });

  it('come back after a reset; new records come after them', async () => {
    sandbox.reset();
    expect((await call('GET', `{org}/invoices/${parameter('InvoiceId')}`)).status).toBe(200);
    expect((await call('GET', '{org}/invoices')).body.data).toHaveLength(1);
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
