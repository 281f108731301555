// @ts-check
// What happens to a batch when it is processed: each item succeeds or fails with a
// reason, the batch ends SUCCESS, PARTIAL or FAILED, and the state changes it made are
// announced as webhook events.
import { mainDescription, operationById } from './contract.js';
import { CLOSED_STATUSES, fromCents, MAX_AMOUNT, remainingCents, toCents } from './state.js';

/**
 * @typedef {import('./state.js').SandboxState} SandboxState
 * @typedef {import('./state.js').BatchRecord} BatchRecord
 * @typedef {import('./state.js').InvoiceRecord} InvoiceRecord
 * @typedef {(event: string, data: Record<string, unknown>) => void} Emit
 * @typedef {(item: any, context: { state: SandboxState, batch: BatchRecord, now: number, emit: Emit }) => InvoiceRecord | string} ItemProcessor
 */

/**
 * The type of batch each create makes, as the description's `x-batch` gives it (the
 * client looks a create's batch up by it).
 * @param {string} operationId
 */
function batchTypeOf(operationId) {
  const type = operationById(mainDescription(), operationId)?.['x-batch']?.type;
  if (!type) throw new Error(`The description gives ${operationId} no x-batch type.`);
  return type;
}

/** @param {string} operationId @param {ItemProcessor} process @param {string} amount */
function kind(operationId, process, amount) {
  return { operationId, type: batchTypeOf(operationId), process, amount };
}

/**
 * How each kind of item is processed, by the name of the request's item list: the create
 * that takes it, the type of batch it makes, and the field that holds its amount.
 * @type {Record<string, ReturnType<typeof kind>>}
 */
export const ITEM_KINDS = {
  invoices: kind('CreateInvoices', processInvoice, 'originalInvoiceAmount'),
  payments: kind('CreatePayments', processPayment, 'amount'),
  corrections: kind('CreateCorrections', processCorrection, 'amount'),
};

/** Processes a queued batch: every item, then the batch's status and BATCH_COMPLETED. @param {SandboxState} state @param {BatchRecord} batch @param {number} now @param {Emit} emit */
export function processBatch(state, batch, now, emit) {
  if (batch.status !== 'QUEUED' || !batch.items) return;
  const kind = /** @type {{ process: ItemProcessor }} */ (
    Object.values(ITEM_KINDS).find((entry) => entry.type === batch.type)
  );
  batch.items.forEach((item, index) => {
    const outcome = kind.process(item, { state, batch, now, emit });
    if (typeof outcome === 'string')
      batch.failed.push(failure(/** @type {Record<string, unknown>} */ (item), index, outcome));
    else batch.succeeded.push(outcome);
  });
  batch.items = null;
  batch.status = batch.failed.length === 0 ? 'SUCCESS' : batch.succeeded.length === 0 ? 'FAILED' : 'PARTIAL';
  batch.finishedAt = now;
  emit('BATCH_COMPLETED', batchEventData(state, batch));
}

/** The `data` of BATCH_COMPLETED events. @param {SandboxState} state @param {BatchRecord} batch */
export const batchEventData = (state, batch) => ({
  batchId: batch.batchId,
  organizationId: state.organization.id,
  status: batch.status,
});

/** A failed item: where it was in the request, what identifies it, and why it failed. */
function failure(
  /** @type {Record<string, unknown>} */ item,
  /** @type {number} */ index,
  /** @type {string} */ reason,
) {
  /** @type {Record<string, unknown>} */
  const entry = { index };
  for (const key of ['invoiceId', 'invoiceNumber', 'uniqueSourceInvoiceId']) {
    if (item[key] !== undefined) entry[key] = item[key];
  }
  entry.reason = reason;
  return entry;
}

/** @type {ItemProcessor} */
function processInvoice(invoice, { state, batch, now, emit }) {
  // What the description requires (number, currency, …) was checked before the batch was made.
  // In whole øre: an amount below one øre (5e-324) would make a case nothing can pay.
  if (typeof invoice.originalInvoiceAmount !== 'number' || toCents(invoice.originalInvoiceAmount) <= 0) {
    return 'originalInvoiceAmount must be a positive amount.';
  }
  const source = invoice.uniqueSourceInvoiceId;
  if (source !== undefined && state.sourceIds.has(source)) {
    return `An invoice with uniqueSourceInvoiceId '${source}' already exists (${state.sourceIds.get(source)}).`;
  }
  const record = state.addInvoice(invoice, batch.batchId, now);
  emit('CASE', caseEventData(state, record));
  return record;
}

/** @type {ItemProcessor} */
function processPayment(payment, { state, now, emit }) {
  const record = openInvoice(state, payment);
  if (typeof record === 'string') return record;
  const cents = toCents(payment.amount);
  if (!(cents > 0)) return 'amount must be a positive amount.';
  if (cents > remainingCents(record)) {
    return `amount ${payment.amount} is more than the ${fromCents(remainingCents(record))} that remains on the invoice.`;
  }
  record.paid += cents;
  changeAmounts(state, record, now, emit);
  return record;
}

/** @type {ItemProcessor} */
function processCorrection(correction, { state, now, emit }) {
  const record = openInvoice(state, correction);
  if (typeof record === 'string') return record;
  const cents = toCents(correction.amount);
  if (!Number.isFinite(cents) || cents === 0)
    return 'amount must be a non-zero amount (negative to reduce what is owed).';
  if (remainingCents(record) + cents < 0) {
    return `amount ${correction.amount} would take the remaining ${fromCents(remainingCents(record))} below zero.`;
  }
  // Each amount is at most MAX_AMOUNT; so is what an invoice owes, or its sums in øre would
  // outgrow the whole numbers JavaScript holds exactly.
  if (remainingCents(record) + cents > toCents(MAX_AMOUNT)) {
    return `amount ${correction.amount} would take the remaining ${fromCents(remainingCents(record))} above ${MAX_AMOUNT}, more than an invoice can owe.`;
  }
  record.adjusted += cents;
  changeAmounts(state, record, now, emit);
  return record;
}

/** The open invoice a payment or correction is for, or why it cannot take one. @returns {InvoiceRecord | string} */
function openInvoice(/** @type {SandboxState} */ state, /** @type {Record<string, any>} */ item) {
  const record = item.invoiceId === undefined ? undefined : state.invoices.get(item.invoiceId);
  if (!record) return `No invoice ${item.invoiceId} in this organization.`;
  if (CLOSED_STATUSES.has(record.status)) return `The invoice's case is ${record.status}.`;
  if (item.currency !== undefined && item.currency !== record.input.currency) {
    return `currency ${item.currency} is not the invoice's currency (${record.input.currency}).`;
  }
  return record;
}

/** Announces new amounts, and closes the case once nothing remains. @param {SandboxState} state @param {InvoiceRecord} record @param {number} now @param {Emit} emit */
export function changeAmounts(state, record, now, emit) {
  const fields = ['amounts'];
  if (remainingCents(record) === 0) {
    record.status = 'CLOSED';
    record.subStatus = undefined;
    record.closedAt = now;
    fields.push('status');
  }
  emit('CASE_UPDATED', { ...caseEventData(state, record), fields });
}

/** The `data` of SETTLEMENT_CREATED events. @param {SandboxState} state @param {import('./state.js').SettlementRecord} settlement */
export function settlementEventData(state, settlement) {
  return {
    settlementId: settlement.id,
    organizationId: state.organization.id,
    settlementDate: settlement.settlementDate,
    invoiceId: settlement.invoiceId,
    invoiceNumber: state.invoices.get(settlement.invoiceId)?.input.invoiceNumber,
    caseNumber: String(settlement.caseNumber),
  };
}

/** The `data` of CASE and CASE_UPDATED events. @param {SandboxState} state @param {InvoiceRecord} record */
export function caseEventData(state, record) {
  return {
    orgId: state.organization.id,
    caseId: record.caseId,
    caseNumber: String(record.caseNumber),
    type: record.caseType,
    status: record.status,
    invoices: [record.id],
  };
}
