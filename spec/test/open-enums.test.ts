// Enums Amili does not list completely accept any string in what Amili sends; complete
// lists stay closed, and so do the values a request sends (`Known…`, and the payment type,
// which is only ever sent): a misspelled value is caught before it goes out.
import { describe, expect, it } from 'vitest';
import { enumOf, listApis, loadApi } from './support/bundle.js';
import { createValidator, pointerPart } from './support/validator.js';

/** Amili's complete lists: the batch states (the guide names every one, and which are final), the webhook events it documents. */
const CLOSED = ['BatchStatus', 'WebhookEventName', 'BatchCompletedEvent.data.status'];
/** What requests send, of the values Amili shows: closed, and marked as the inference it is. */
const REQUEST_CLOSED = ['KnownInvoiceType', 'KnownDebtorType', 'PaymentType'];

/** Every schema in a bundle that names values: where it is, and how. */
function enums(document: any) {
  const found: { at: string; open: boolean; schema: any }[] = [];
  const visit = (node: any, at: string): void => {
    if (!node || typeof node !== 'object') return;
    const named = enumOf(node, document);
    if (named && !at.includes('/anyOf/')) found.push({ at, open: named.open, schema: node });
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'examples' && key !== 'example') visit(value, `${at}/${pointerPart(key)}`);
    }
  };
  visit(document.components?.schemas, '');
  return found;
}
/** `/BatchCompletedEvent/properties/data/properties/status` as `BatchCompletedEvent.data.status`. */
const readable = (at: string) =>
  at
    .slice(1)
    .replaceAll('/properties/', '.')
    .replace(/\/(allOf\/\d+|items)/g, '');

const document = loadApi('autocollect@v1');
const validator = createValidator(document);
const requestBody = (path: string) => `/paths/${pointerPart(path)}/post/requestBody/content/application~1json/schema`;
const response = (path: string) => `/paths/${pointerPart(path)}/get/responses/200/content/application~1json/schema`;

describe('open and closed enums', () => {
  it.each(listApis().map((api) => api.name))(
    '%s: every enum is open, but for the lists Amili gives in full',
    (name) => {
      for (const { at, open, schema } of enums(loadApi(name))) {
        expect(open, readable(at)).toBe(!CLOSED.includes(readable(at)) && !REQUEST_CLOSED.includes(readable(at)));
        if (REQUEST_CLOSED.includes(readable(at)))
          expect(schema['x-provenance-reason'], readable(at)).toMatch(/misspelled value is caught/);
        // An open list says so, and why, where readers and tools see it.
        if (open) expect(schema['x-provenance'], readable(at)).toBe('inferred');
      }
    },
  );

  it('finds the enums it checks', () => {
    expect(
      enums(document)
        .filter((e) => e.open)
        .map((e) => readable(e.at)),
    ).toEqual(
      expect.arrayContaining(['DebtorType', 'InvoiceType', 'ClaimType', 'InvoiceStatus', 'BatchType', 'WebhookSource']),
    );
  });

  it('a company debtor validates in CreateInvoices without a type; with a type Amili has not shown, it does not', () => {
    const body = structuredClone(document.components.examples.CreateInvoicesTwoInvoices.value);
    body.invoices[0].debtors = [{ name: 'Nordlys Eiendom AS', organizationNumber: '912345678' }];
    expect(validator.validate(requestBody('/orgs/{organizationId}/invoices'), body)).toEqual([]);
    body.invoices[0].debtors[0].type = 'COMPANY';
    const errors = validator.validate(requestBody('/orgs/{organizationId}/invoices'), body);
    expect(errors.map((error) => `${error.instancePath} ${error.keyword}`)).toContain(
      '/invoices/0/debtors/0/type enum',
    );
  });

  it('a debtor Amili answers with may have a type it has not shown', () => {
    const invoice = structuredClone(document.components.examples.InvoicePaymentReminderOpen.value);
    invoice.data.debtors[0].type = 'COMPANY';
    expect(validator.validate(response('/orgs/{organizationId}/invoices/{invoiceId}'), invoice)).toEqual([]);
  });

  it('an invoice in a status Amili has not shown validates in GetInvoiceById', () => {
    const invoice = structuredClone(document.components.examples.InvoicePaymentReminderOpen.value);
    invoice.data.status = 'SENT_TO_COLLECTION';
    expect(validator.validate(response('/orgs/{organizationId}/invoices/{invoiceId}'), invoice)).toEqual([]);
  });

  it('a batch status outside the complete list does not validate', () => {
    const batch = structuredClone(document.components.examples.InvoiceBatchSucceeded.value);
    batch.data.status = 'DONE';
    const errors = validator.validate(response('/orgs/{organizationId}/batches/{batchId}'), batch);
    expect(errors.map((error) => `${error.instancePath} ${error.keyword}`)).toEqual(['/data/status enum']);
  });

  it('an open enum still refuses what is not a string', () => {
    const invoice = structuredClone(document.components.examples.InvoicePaymentReminderOpen.value);
    invoice.data.debtors[0].type = 7;
    const errors = validator.validate(response('/orgs/{organizationId}/invoices/{invoiceId}'), invoice);
    expect(errors.map((error) => `${error.instancePath} ${error.keyword}`)).toContain('/data/debtors/0/type type');
  });
});
