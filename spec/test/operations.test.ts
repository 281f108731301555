import { describe, expect, it } from 'vitest';
import { deref, enumOf, listApis, listOperations, loadApi } from './support/bundle.js';

// Amili's operations and webhooks, under Amili's own names.
const EXPECTED: Record<string, { operationIds: string[]; webhooks?: string[] }> = {
  'autocollect@v1': {
    operationIds: [
      'GetBatchById',
      'GetBatchesByOrganization',
      'GetBatchByIdLegacy',
      'CreateInvoices',
      'GetInvoicesByOrganization',
      'GetInvoiceById',
      'ResumeInvoice',
      'CreatePayments',
      'CreateCorrections',
      'AcceptDebtCollectionList',
      'RejectDebtCollectionList',
      'PauseCase',
      'WithdrawCase',
      'ResumeCase',
      'GetCasesByOrganization',
      'AcceptEvictionRequest',
      'RejectEvictionRequest',
      'AcceptEvictionConfirmation',
      'RejectEvictionConfirmation',
      'GetSettlements',
      'GetSettlementById',
    ],
    webhooks: ['BATCH_COMPLETED', 'SETTLEMENT_CREATED', 'CASE', 'CASE_UPDATED'],
  },
  'identity@v1': { operationIds: ['RequestAccessToken'] },
  'legacy@v1': { operationIds: ['LegacyGetBatch', 'LegacyPostBatch', 'LegacyAttachment', 'LegacyPing'] },
};

const TAGS: Record<string, string> = {
  GetBatchById: 'Batches',
  GetBatchesByOrganization: 'Batches',
  GetBatchByIdLegacy: 'Batches',
  CreateInvoices: 'Invoice',
  GetInvoicesByOrganization: 'Invoice',
  GetInvoiceById: 'Invoice',
  ResumeInvoice: 'Invoice',
  CreatePayments: 'Payment',
  CreateCorrections: 'Correction',
  AcceptDebtCollectionList: 'Collections',
  RejectDebtCollectionList: 'Collections',
  PauseCase: 'Collections',
  WithdrawCase: 'Collections',
  ResumeCase: 'Collections',
  GetCasesByOrganization: 'Collections',
  AcceptEvictionRequest: 'Collections',
  RejectEvictionRequest: 'Collections',
  AcceptEvictionConfirmation: 'Collections',
  RejectEvictionConfirmation: 'Collections',
  GetSettlements: 'Settlement',
  GetSettlementById: 'Settlement',
};

const sorted = (names: string[]) => [...names].sort();

describe('operations of each bundled description', () => {
  it('covers every description in redocly.yaml', () => {
    expect(sorted(listApis().map((api) => api.name))).toEqual(sorted(Object.keys(EXPECTED)));
  });

  describe.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    const document = loadApi(name);
    const operations = listOperations(document);

    it('has exactly the listed operationIds', () => {
      expect(sorted(operations.map((op) => op.operationId))).toEqual(sorted(expected.operationIds));
    });

    it('has exactly the listed webhooks', () => {
      expect(sorted(Object.keys(document.webhooks ?? {}))).toEqual(sorted(expected.webhooks ?? []));
    });

    it('says for every operation whether Amili documents it', () => {
      for (const { operation } of [...operations, ...listOperations(document, 'webhooks')]) {
        expect(['documented', 'inferred'], operation.operationId).toContain(operation['x-provenance']);
      }
    });
  });

  it('tags the AutoCollect operations as Amili groups them', () => {
    const tags = Object.fromEntries(
      listOperations(loadApi('autocollect@v1')).map((op) => [op.operationId, op.operation.tags]),
    );
    expect(tags).toEqual(Object.fromEntries(Object.entries(TAGS).map(([id, tag]) => [id, [tag]])));
  });

  it('names the organization path parameter organizationId everywhere', () => {
    const document = loadApi('autocollect@v1');
    const orgPaths = Object.keys(document.paths).filter((path) => path.startsWith('/orgs/'));
    expect(orgPaths.length).toBeGreaterThan(15);
    for (const path of orgPaths) expect(path).toMatch(/^\/orgs\/\{organizationId\}/);
  });

  it('names in x-batch the type of batch each create makes, a value BatchType lists', () => {
    const document = loadApi('autocollect@v1');
    const types = Object.fromEntries(
      listOperations(document)
        .filter((op) => op.operation['x-batch'])
        .map((op) => [op.operationId, op.operation['x-batch'].type]),
    );
    expect(types).toEqual({ CreateInvoices: 'INVOICE', CreatePayments: 'PAYMENT', CreateCorrections: 'CORRECTION' });
    const listed = enumOf(deref(document, document.components.schemas.BatchType), document)?.values;
    expect(listed).toEqual(expect.arrayContaining(Object.values(types)));
  });

  it('marks the legacy batch path deprecated', () => {
    const [legacy] = listOperations(loadApi('autocollect@v1')).filter((op) => op.operationId === 'GetBatchByIdLegacy');
    expect(legacy).toMatchObject({ method: 'get', path: '/batches/{batchId}', operation: { deprecated: true } });
  });

  it('describes "Resume invoice" as Amili documents it: deprecated, 202 with no body', () => {
    const [resume] = listOperations(loadApi('autocollect@v1')).filter((op) => op.operationId === 'ResumeInvoice');
    expect(resume).toMatchObject({
      method: 'post',
      path: '/orgs/{organizationId}/invoices/{invoiceId}/resume',
      operation: { deprecated: true, 'x-provenance': 'documented' },
    });
    expect(resume!.operation.requestBody).toBeUndefined();
    expect(resume!.operation.responses['202'].content).toBeUndefined();
    expect(Object.keys(resume!.operation.responses)).toContain('400');
    expect(resume!.parameters.map((p: { in: string; name: string }) => `${p.in} ${p.name}`)).toEqual([
      'path organizationId',
      'path invoiceId',
    ]);
  });
});
