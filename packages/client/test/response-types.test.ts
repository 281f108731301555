// What the generated types promise: the fields that identify and classify a response
// object are there (no `!` needed), and its enums take values Amili has not shown; a
// request must carry what it cannot do without, and names only values Amili has shown.
// Checked when the package's tests are type-checked.
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

  it('requests carry what they cannot do without, and name only the values Amili has shown', () => {
    type NewInvoice = Schemas['NewInvoice'];
    expectTypeOf<Pick<NewInvoice, 'invoiceNumber' | 'currency' | 'dueDate'>>().toEqualTypeOf<{
      invoiceNumber: string;
      currency: string;
      dueDate: string;
    }>();
    expectTypeOf<NewInvoice['originalInvoiceAmount']>().toEqualTypeOf<number>();
    expectTypeOf<NewInvoice['type']>().toEqualTypeOf<'NOTICE' | 'PAYMENT_REMINDER' | undefined>();
    expectTypeOf<Schemas['NewPayment']['type']>().toEqualTypeOf<'DIRECT_PAYMENT' | undefined>();
    // A debtor is a person, by name, or a company, by name and organization number.
    expectTypeOf({ firstname: 'Kari', lastname: 'Nordmann' }).toExtend<Schemas['NewDebtor']>();
    expectTypeOf({ name: 'Nordlys Eiendom AS', organizationNumber: '912345678' }).toExtend<Schemas['NewDebtor']>();
    expectTypeOf({ firstname: 'Kari' }).not.toExtend<Schemas['NewDebtor']>();
    expectTypeOf({ name: 'Nordlys Eiendom AS', type: 'COMPANY' }).not.toExtend<Schemas['NewDebtor']>();
    // What Amili answers with stays open.
    expectTypeOf<'SENT_TO_COLLECTION'>().toExtend<Schemas['Invoice']['type']>();
    expectTypeOf<'COMPANY'>().toExtend<NonNullable<Schemas['Debtor']['type']>>();
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
