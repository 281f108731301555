// What the generated types promise: the fields that identify and classify a response
// object are there (no `!` needed), while what a request sends stays as optional as
// Amili shows it. Checked when the package's tests are type-checked.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { components } from '../src/generated/autocollect.js';
import { unwrap } from '../src/index.js';
import { batchId, invoiceId, organizationId, testClient } from './support/fixtures.js';
import { sendJson, startServer } from './support/server.js';
import { specExample } from './support/spec.js';

type Schemas = components['schemas'];

describe('response types', () => {
  it('carry the identifying fields and amounts without undefined', () => {
    expectTypeOf<Schemas['Invoice']['id']>().toEqualTypeOf<string>();
    expectTypeOf<Schemas['Invoice']['remainingAmount']>().toEqualTypeOf<number>();
    expectTypeOf<Schemas['Batch']['status']>().toEqualTypeOf<Schemas['BatchStatus']>();
    expectTypeOf<Schemas['Batch']['batchId']>().toEqualTypeOf<string>();
    expectTypeOf<Schemas['BatchCompletedEvent']['data']['batchId']>().toEqualTypeOf<string>();
    // What no example always shows stays optional.
    expectTypeOf<undefined>().toExtend<Schemas['Invoice']['ocrReferenceNumber']>();
  });

  it('requests stay as optional as Amili shows them', () => {
    expectTypeOf<Record<string, never>>().toExtend<Schemas['NewInvoice']>();
    expectTypeOf<Record<string, never>>().toExtend<Schemas['Debtor']>();
  });

  it('read without non-null assertions at run time too', async () => {
    const invoice = specExample('InvoicePaymentReminderOpen');
    const batch = specExample('InvoiceBatchSucceeded');
    const server = await startServer((request, response) =>
      sendJson(response, 200, request.url.includes('/batches/') ? batch : invoice),
    );
    try {
      const client = testClient(server.origin);
      const { id, remainingAmount, type } = unwrap(
        await client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
          params: { path: { organizationId, invoiceId } },
        }),
      ).data;
      // As users get them: through the client's methods, not only in the schema types.
      expectTypeOf(id).toEqualTypeOf<string>();
      expectTypeOf(type).toEqualTypeOf<Schemas['InvoiceType']>();
      const current = await client.waitForBatch({ organizationId, batchId });
      expect([id.length, remainingAmount, current.status.toLowerCase()]).toEqual([
        invoice.data.id.length,
        invoice.data.remainingAmount,
        batch.data.status.toLowerCase(),
      ]);
    } finally {
      await server.close();
    }
  });
});
