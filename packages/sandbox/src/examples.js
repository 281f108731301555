// @ts-check
// The records the description's examples name: the invoice GetInvoiceById shows (with its
// case), the batch that made it and the settlement GetSettlementById shows, under the ids
// the examples' path parameters give; and, for each case action, a case of its own already
// where it applies (open, paused, or asked for a decision), so that no sample moves another's.
// A sandbox that holds them answers every sample of the docs as written. Nothing here is
// listed by hand but which operations show them.
import { createHash } from 'node:crypto';
import { CASE_ACTIONS } from './case-actions.js';
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

/**
 * The uniqueSourceInvoiceIds CreateInvoices' request examples send: a sample, or Try it,
 * sends them as written, so no record the sandbox holds from the start may have one.
 * @param {any} document the AutoCollect description
 * @returns {Set<unknown>}
 */
function createdSourceIds(document) {
  const media = operationById(document, 'CreateInvoices')?.requestBody?.content?.['application/json'];
  const bodies = [
    ...(media && 'example' in media ? [media.example] : []),
    ...Object.values(media?.examples ?? {}).map((example) => resolve(document, example)?.value),
  ];
  return new Set(
    bodies.flatMap((body) =>
      Array.isArray(body?.invoices) ? body.invoices.map((/** @type {any} */ item) => item?.uniqueSourceInvoiceId) : [],
    ),
  );
}

/** A date-time of an example as a plain date, as a client sends it. @param {unknown} value */
const date = (value) => (typeof value === 'string' ? value.slice(0, 10) : undefined);

/** A UUID made of a name (version 5's layout): the same on every start, and for the docs' build. @param {string} name */
function namedUuid(name) {
  const hash = createHash('sha1').update(name).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * For each case action, a case the sandbox holds where it applies, for that action alone (so
 * that withdrawing a case leaves the example's open, and accepting a decision leaves rejecting
 * it a case of its own): its name, its ids, and where it is.
 * @param {any} document the AutoCollect description
 */
function readyCases(document) {
  const { caseId } = pathParameterExamples(document);
  /** @type {Map<string, { name: string, caseId: string, invoiceId: string, state: { status?: string, subStatus?: string } }>} */
  const cases = new Map();
  if (!caseId) return cases;
  for (const [operationId, { ready }] of Object.entries(CASE_ACTIONS)) {
    if (!ready) continue;
    cases.set(operationId, {
      name: operationId,
      caseId: namedUuid(`${caseId}/${operationId}/case`),
      invoiceId: namedUuid(`${caseId}/${operationId}/invoice`),
      state: ready,
    });
  }
  return cases;
}

/**
 * The case and invoice each case action's sandbox sample names, for the actions that need a
 * case elsewhere than the example's open one: one the sandbox holds ready for it. The others
 * use the examples' ids.
 * @param {any} document the AutoCollect description
 * @returns {Record<string, { caseId: string, invoiceId: string }>} by operationId
 */
export function caseActionExamples(document) {
  return Object.fromEntries(
    [...readyCases(document)].map(([operationId, { caseId, invoiceId }]) => [operationId, { caseId, invoiceId }]),
  );
}

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
  // As the invoice was sent: the fields of a new invoice, from what GetInvoiceById shows of it,
  // but for a uniqueSourceInvoiceId the CreateInvoices example sends (it sends this very
  // invoice): the invoice holds one of its own, so that the example, sent as the docs' samples
  // and Try it send it, succeeds once, and is refused as a duplicate after that.
  const sourceId =
    invoice.uniqueSourceInvoiceId !== undefined && createdSourceIds(document).has(invoice.uniqueSourceInvoiceId)
      ? `${invoice.uniqueSourceInvoiceId}-example`
      : invoice.uniqueSourceInvoiceId;
  const input = {
    type: invoice.type,
    invoiceNumber: invoice.invoiceNumber,
    originalInvoiceAmount: invoice.originalInvoiceAmount,
    currency: invoice.currency,
    invoiceDate: date(invoice.invoiceDate),
    dueDate: date(invoice.dueDate),
    ocrReferenceNumber: invoice.ocrReferenceNumber,
    uniqueSourceInvoiceId: sourceId,
    debtors: invoice.debtors,
  };
  const record = state.addInvoice(input, batch.batchId, createdAt, {
    id: ids.invoiceId,
    caseId: ids.caseId,
    caseNumber: Number(invoice.collectionCaseNumber),
  });
  record.paid = toCents(invoice.paidAmount ?? 0);
  record.adjusted = toCents((invoice.currentAmount ?? invoice.originalInvoiceAmount) - invoice.originalInvoiceAmount);
  Object.assign(batch, { status: 'SUCCESS', finishedAt: createdAt, succeeded: [record] });
  // A case where each action applies that does not to the example's, in a batch of their own.
  const readyBatch = state.addBatch(
    { type: 'INVOICE', createdAt, operationId: 'CreateInvoices', idempotencyKey: undefined, items: null },
    namedUuid(`${ids.batchId}/ready-cases`),
  );
  const readyRecords = [...readyCases(document).values()].map((ready, index) => {
    const readyInput = {
      ...input,
      invoiceNumber: `${input.invoiceNumber}-${ready.name}`,
      uniqueSourceInvoiceId: `${invoice.uniqueSourceInvoiceId}-${ready.name}`,
    };
    const made = state.addInvoice(readyInput, readyBatch.batchId, createdAt, {
      id: ready.invoiceId,
      caseId: ready.caseId,
      caseNumber: record.caseNumber + index + 1,
    });
    return Object.assign(made, ready.state);
  });
  Object.assign(readyBatch, { status: 'SUCCESS', finishedAt: createdAt, succeeded: readyRecords });
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
