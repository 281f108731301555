// Open enums in the generated types: the known values for autocomplete, and any other
// string Amili may send or accept. Complete lists stay closed. The type assertions are
// checked when the package's tests are type-checked.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { components } from '../src/generated/autocollect.js';
import { unwrap } from '../src/index.js';
import { invoiceId, organizationId, testClient } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/server.js';
import { specExample } from './support/spec.js';

type Schemas = components['schemas'];
/** The literal values of a string type, without an open enum's `string & {}`. */
type Known<T> = T extends string ? (string extends T ? never : T) : never;

let server: TestServer | undefined;

describe('open enums in the types', () => {
  it('keep the known values and accept any other string', () => {
    expectTypeOf<Known<Schemas['DebtorType']>>().toEqualTypeOf<'PRIVATE'>();
    expectTypeOf<Known<Schemas['InvoiceType']>>().toEqualTypeOf<'NOTICE' | 'PAYMENT_REMINDER'>();
    expectTypeOf<Known<Schemas['InvoiceStatus']>>().toEqualTypeOf<'OPEN'>();
    expectTypeOf<'COMPANY'>().toExtend<Schemas['DebtorType']>();
    expectTypeOf<'SENT_TO_COLLECTION'>().toExtend<Schemas['InvoiceStatus']>();
    // Not collapsed to plain string, which would lose the autocomplete.
    expectTypeOf<Schemas['DebtorType']>().not.toEqualTypeOf<string>();
    expectTypeOf<number>().not.toExtend<Schemas['DebtorType']>();
  });

  it('stay open enums inline, as the items of a list', () => {
    type Field = NonNullable<Schemas['CaseUpdatedEvent']['data']['fields']>[number];
    expectTypeOf<Known<Field>>().toEqualTypeOf<'amounts' | 'status' | 'type' | 'description'>();
    expectTypeOf<'dueDate'>().toExtend<Field>();
    // Not widened to unknown by the branches the open enum is spelt with.
    expectTypeOf<Field>().not.toEqualTypeOf<unknown>();
    expectTypeOf<number>().not.toExtend<Field>();
  });

  it('leave complete lists closed', () => {
    expectTypeOf<Schemas['BatchStatus']>().toEqualTypeOf<'QUEUED' | 'SUCCESS' | 'PARTIAL' | 'FAILED'>();
    expectTypeOf<'DONE'>().not.toExtend<Schemas['BatchStatus']>();
  });

  it('a company debtor is sent, and an unknown invoice status read, without a cast', async () => {
    const accepted = specExample('BatchReferenceAccepted');
    const invoice = specExample('InvoicePaymentReminderOpen');
    server = await startServer((request, response) =>
      request.method === 'POST'
        ? sendJson(response, 202, accepted)
        : sendJson(response, 200, { ...invoice, data: { ...invoice.data, status: 'SENT_TO_COLLECTION' } }),
    );
    const client = testClient(server.origin);
    const [newInvoice] = specExample('CreateInvoicesTwoInvoices').invoices;
    await client.POST('/orgs/{organizationId}/invoices', {
      params: { path: { organizationId } },
      body: {
        invoices: [
          {
            ...newInvoice,
            debtors: [{ type: 'COMPANY', name: 'Nordlys Eiendom AS', organizationNumber: '912345678' }],
          },
        ],
      },
    });
    expect(JSON.parse(server.requests[0]!.body).invoices[0].debtors[0].type).toBe('COMPANY');

    const { status, debtors } = unwrap(
      await client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
        params: { path: { organizationId, invoiceId } },
      }),
    ).data;
    // As users get them: through the client's methods, not only in the schema types.
    expectTypeOf(status).toEqualTypeOf<Schemas['InvoiceStatus']>();
    expectTypeOf(debtors).toEqualTypeOf<Schemas['Debtor'][] | undefined>();
    // An exhaustive switch over the known values still needs its default: Amili may send more.
    const label = (() => {
      switch (status) {
        case 'OPEN':
          return 'open';
        default:
          return `other: ${status}`;
      }
    })();
    expect(label).toBe('other: SENT_TO_COLLECTION');
  });
});
