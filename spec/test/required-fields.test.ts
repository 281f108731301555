// What responses and requests require: the fields that identify or classify an object
// are required where every example Amili shows carries them; a request requires what
// Amili shows as required, and what it cannot do without (an invoice's number, amounts,
// dates and debtors; a debtor's name), each an inference marked as one.
import { describe, expect, it } from 'vitest';
import { deref, listApis, listOperations, loadApi } from './support/bundle.js';

/** The response schemas that require what every example of them carries. */
const RESPONSE_REQUIRED: Record<string, Record<string, string[]>> = {
  'autocollect@v1': {
    ResponseSummary: ['status'],
    Batch: ['batchId', 'type', 'status', 'organizationId'],
    BatchSucceededItem: ['invoiceId', 'invoiceNumber'],
    Invoice: [
      'id',
      'organization',
      'invoiceNumber',
      'collectionCaseNumber',
      'type',
      'status',
      'originalInvoiceAmount',
      'currency',
      'currentAmount',
      'remainingAmount',
      'paidAmount',
      'creditedAmount',
    ],
    OrganizationSummary: ['id', 'organizationNumber'],
    Claim: [
      'type',
      'invoiceId',
      'originalAmount',
      'currentAmount',
      'remainingAmount',
      'paidAmount',
      'creditedAmount',
      'currency',
    ],
    Case: ['caseId', 'caseNumber', 'organizationId', 'status', 'type'],
    CaseInvoice: [
      'invoiceId',
      'invoiceNumber',
      'caseId',
      'originalAmount',
      'remainingAmount',
      'remainingPrincipal',
      'paidAmount',
      'creditedAmount',
    ],
    CaseDebtor: ['debtorId', 'type', 'debtorNumber', 'customerNumber'],
    Settlement: ['caseNumber', 'collectionType'],
    BatchCompletedEvent: ['id', 'type', 'data'],
    SettlementCreatedEvent: ['id', 'type', 'data'],
    CaseEvent: ['id', 'eventType', 'data'],
    CaseUpdatedEvent: ['id', 'eventType', 'data'],
    CaseEventData: ['orgId', 'caseId', 'caseNumber', 'type', 'status'],
  },
};

/** What request bodies require, as Amili's pages and guide show it. */
const REQUEST_REQUIRED: Record<string, string[]> = {
  CreateInvoicesRequest: ['invoices'],
  CreatePaymentsRequest: ['payments'],
  CreateCorrectionsRequest: ['corrections'],
  TokenRequest: ['grant_type', 'client_id', 'client_secret'],
};
/** What requests cannot do without, though Amili does not say so: inferred, and marked so. */
const REQUEST_REQUIRED_INFERRED: Record<string, string[]> = {
  NewInvoice: ['invoiceNumber', 'originalInvoiceAmount', 'currency', 'invoiceDate', 'dueDate', 'debtors'],
  NewPrivateDebtor: ['firstname', 'lastname'],
  NewCompanyDebtor: ['name', 'organizationNumber'],
  NewPayment: ['invoiceId', 'amount', 'currency'],
  NewCorrection: ['invoiceId', 'amount', 'currency'],
};

/**
 * Every component schema whose requirements bind a request body, by name. Where an anyOf
 * or oneOf offers a branch that requires nothing (the legacy Batch's cases may be legacy
 * or new-model cases), a request can always take it: only such branches bind.
 */
function requestSchemas(document: any): Set<string> {
  const names = new Set<string>();
  const visit = (node: any, seen: Set<unknown>): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/components/schemas/')) {
      names.add(node.$ref.split('/').at(-1));
      visit(deref(document, node), seen);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      const free =
        (key === 'anyOf' || key === 'oneOf') && Array.isArray(value)
          ? value.filter((branch) => !deref(document, branch)?.required?.length)
          : [];
      visit(free.length > 0 ? free : value, seen);
    }
  };
  for (const { operation } of listOperations(document)) visit(operation.requestBody, new Set());
  return names;
}

describe('required fields', () => {
  it.each(Object.entries(RESPONSE_REQUIRED['autocollect@v1']!))(
    '%s requires what identifies and classifies it',
    (name, fields) => {
      const schema = loadApi('autocollect@v1').components.schemas[name];
      expect(schema.required).toEqual(fields);
      // The requirement is an inference, and says so where readers and tools see it.
      expect(schema['x-provenance']).toBe('inferred');
      expect(schema['x-provenance-reason']).toMatch(/required here because every example Amili shows carries/);
    },
  );

  it('the data of BATCH_COMPLETED and SETTLEMENT_CREATED requires its ids', () => {
    const schemas = loadApi('autocollect@v1').components.schemas;
    expect(schemas.BatchCompletedEvent.properties.data.required).toEqual(['batchId', 'organizationId', 'status']);
    expect(schemas.SettlementCreatedEvent.properties.data.required).toEqual([
      'settlementId',
      'organizationId',
      'invoiceId',
      'invoiceNumber',
      'caseNumber',
    ]);
  });

  it.each(listApis().map((api) => api.name))(
    '%s: requests require what Amili shows as required, and what they cannot do without, marked as inferred',
    (name) => {
      const document = loadApi(name);
      for (const schemaName of requestSchemas(document)) {
        const schema = document.components.schemas[schemaName];
        const inferred = name === 'autocollect@v1' ? REQUEST_REQUIRED_INFERRED[schemaName] : undefined;
        expect(schema.required ?? [], schemaName).toEqual(inferred ?? REQUEST_REQUIRED[schemaName] ?? []);
        if (inferred) {
          expect(schema['x-provenance'], schemaName).toBe('inferred');
          expect(schema['x-provenance-reason'], schemaName).toMatch(/Amili does not say which .* fields are required/);
        }
      }
    },
  );

  it('an invoice needs at least one debtor', () => {
    expect(loadApi('autocollect@v1').components.schemas.NewInvoice.properties.debtors.minItems).toBe(1);
  });
});
