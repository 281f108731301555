// @ts-check
// The records the description's examples name: the invoice GetInvoiceById shows (with its
// case), the batch that made it and the settlement GetSettlementById shows, under the ids
// the examples' path parameters give. A sandbox that holds them answers every sample of
// the docs as written. Nothing here is listed by hand but which operations show them.
import { mediaExample, operationById, pathParameterExamples, resolve } from './contract.js';
import { toCents } from './state.js';

/**
 * @param {any} document the AutoCollect description
 * @param {string} operationId
 * @returns {any} the `data` of its 200 answer's first example
 */
function answerExample(document, operationId) {
  const operation = operationById(document, operationId);
  const media = resolve(document, operation?.responses?.['200'])?.content?.['application/json'];
  return /** @type {any} */ (mediaExample(document, media))?.data;
}

/** A date-time of an example as a plain date, as a client sends it. @param {unknown} value */
const date = (value) => (typeof value === 'string' ? value.slice(0, 10) : undefined);

/**
 * Adds the examples' records to a sandbox's state.
 * @param {import('./state.js').SandboxState} state @param {any} document
 */
export function addExampleRecords(state, document) {
  const ids = pathParameterExamples(document);
  const invoice = answerExample(document, 'GetInvoiceById');
  const settlement = answerExample(document, 'GetSettlementById');
  if (!invoice || !ids.invoiceId || !ids.caseId || !ids.batchId) return;
  const createdAt = Date.parse(invoice.createdAt);
  const batch = state.addBatch(
    { type: 'INVOICE', createdAt, operationId: 'CreateInvoices', idempotencyKey: undefined, items: null },
    ids.batchId,
  );
  // As the invoice was sent: the fields of a new invoice, from what GetInvoiceById shows of it.
  const input = {
    type: invoice.type,
    invoiceNumber: invoice.invoiceNumber,
    originalInvoiceAmount: invoice.originalInvoiceAmount,
    currency: invoice.currency,
    invoiceDate: date(invoice.invoiceDate),
    dueDate: date(invoice.dueDate),
    ocrReferenceNumber: invoice.ocrReferenceNumber,
    uniqueSourceInvoiceId: invoice.uniqueSourceInvoiceId,
    debtors: invoice.debtors,
  };
  const record = state.addInvoice(input, batch.batchId, createdAt, {
    id: ids.invoiceId,
    caseId: ids.caseId,
    caseNumber: Number(invoice.collectionCaseNumber),
  });
  // Its uniqueSourceInvoiceId stays free: the CreateInvoices example sends this very invoice,
  // and the docs' samples and Try it send that example as written.
  state.sourceIds.delete(input.uniqueSourceInvoiceId);
  record.paid = toCents(invoice.paidAmount ?? 0);
  record.adjusted = toCents((invoice.currentAmount ?? invoice.originalInvoiceAmount) - invoice.originalInvoiceAmount);
  Object.assign(batch, { status: 'SUCCESS', finishedAt: createdAt, succeeded: [record] });
  if (settlement && ids.settlementId) {
    state.addSettlement(
      {
        invoiceId: record.id,
        caseNumber: record.caseNumber,
        currency: settlement.currency ?? input.currency,
        customerReference: settlement.customerReference,
        collectionType: settlement.collectionType ?? 'REMINDER',
        settlementDate: date(invoice.createdAt) ?? '2025-01-01',
        amount: 0,
      },
      ids.settlementId,
    );
  }
}
