// @ts-check
// Everything the sandbox holds, in memory: invoices (each with its case), batches,
// settlements and idempotency keys, and how each is shown in the API's shapes. One
// record stands for an invoice and its case, which keeps 100 000 of them small.
import { randomUUID } from 'node:crypto';

/**
 * @typedef {{ debtorId: string, type: string, debtorNumber: string, customerNumber: string, firstName?: string, lastName?: string, fullName?: string }} CaseDebtor
 * @typedef {{
 *   seq: number, id: string, caseId: string, caseNumber: number, batchId: string, input: Record<string, any>,
 *   type: string, caseType: string, status: string, subStatus: string | undefined,
 *   createdAt: number, closedAt: number | null, original: number, paid: number, adjusted: number, debtorIds: string[]
 * }} InvoiceRecord
 * @typedef {{
 *   seq: number, batchId: string, type: string, status: string, createdAt: number, finishedAt: number | null,
 *   operationId: string, idempotencyKey: string | undefined, items: unknown[] | null,
 *   succeeded: InvoiceRecord[], failed: Record<string, unknown>[]
 * }} BatchRecord
 * @typedef {{ seq: number, id: string, invoiceId: string, caseNumber: number, currency: string, customerReference: string | undefined, collectionType: string, settlementDate: string, amount: number }} SettlementRecord
 * @typedef {{ id: string, organizationNumber: string, name: string }} Organization
 */

/** Money in øre, so that sums of kroner add up exactly. */
export const toCents = (/** @type {number} */ amount) => Math.round(amount * 100);
/** The largest amount the sandbox takes: its sums in øre stay whole numbers JavaScript holds exactly. */
export const MAX_AMOUNT = 1e12;
/** An amount the sandbox can keep exactly: finite, at most MAX_AMOUNT, and in whole øre (two decimals). @param {unknown} amount */
export const isAmount = (amount) =>
  typeof amount === 'number' &&
  Math.abs(amount) <= MAX_AMOUNT &&
  Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;
export const fromCents = (/** @type {number} */ cents) => cents / 100;

/** Statuses in which a case takes no more payments, corrections or actions. */
export const CLOSED_STATUSES = new Set(['CLOSED', 'WITHDRAWN']);

const FIRST_CASE_NUMBER = 100_001;

export class SandboxState {
  /** @param {{ organization: Organization, createdBy: string }} identity */
  constructor(identity) {
    this.organization = identity.organization;
    this.createdBy = identity.createdBy;
    this.seq = 0;
    this.nextCaseNumber = FIRST_CASE_NUMBER;
    /** @type {Set<number>} the case numbers examples gave their cases, which a new case never takes */
    this.givenCaseNumbers = new Set();
    /** @type {Map<string, InvoiceRecord>} */
    this.invoices = new Map();
    /** @type {InvoiceRecord[]} */
    this.invoiceList = [];
    /** @type {Map<string, InvoiceRecord>} by case id */
    this.cases = new Map();
    /** @type {Map<string, string>} uniqueSourceInvoiceId → invoice id */
    this.sourceIds = new Map();
    /** @type {Map<string, BatchRecord>} */
    this.batches = new Map();
    /** @type {BatchRecord[]} */
    this.batchList = [];
    /** @type {Map<string, SettlementRecord>} */
    this.settlements = new Map();
    /** @type {SettlementRecord[]} */
    this.settlementList = [];
    /** @type {Map<string, { operationId: string, fingerprint: string, batchId: string }>} */
    this.idempotency = new Map();
  }

  /** The next case number no case has. */
  #newCaseNumber() {
    while (this.givenCaseNumbers.has(this.nextCaseNumber)) this.nextCaseNumber++;
    return this.nextCaseNumber++;
  }

  /** Forgets everything but the organization. */
  reset() {
    this.seq = 0;
    this.nextCaseNumber = FIRST_CASE_NUMBER;
    this.givenCaseNumbers.clear();
    for (const map of [this.invoices, this.cases, this.sourceIds, this.batches, this.settlements, this.idempotency])
      map.clear();
    for (const list of [this.invoiceList, this.batchList, this.settlementList]) list.length = 0;
  }

  /**
   * @param {Omit<BatchRecord, 'seq' | 'batchId' | 'status' | 'finishedAt' | 'succeeded' | 'failed'>} fields
   * @param {string} [batchId] an id of its own (an example's); default a new one
   */
  addBatch(fields, batchId = randomUUID()) {
    /** @type {BatchRecord} */
    const batch = {
      ...fields,
      seq: ++this.seq,
      batchId,
      status: 'QUEUED',
      finishedAt: null,
      succeeded: [],
      failed: [],
    };
    this.batches.set(batch.batchId, batch);
    this.batchList.push(batch);
    return batch;
  }

  /**
   * @param {Record<string, any>} input @param {string} batchId @param {number} now
   * @param {{ id: string, caseId: string, caseNumber: number }} [known] ids of its own (an example's)
   */
  addInvoice(input, batchId, now, known) {
    const type = input.type ?? 'PAYMENT_REMINDER';
    /** @type {InvoiceRecord} */
    const record = {
      seq: ++this.seq,
      id: known?.id ?? randomUUID(),
      caseId: known?.caseId ?? randomUUID(),
      caseNumber: known?.caseNumber ?? this.#newCaseNumber(),
      batchId,
      input,
      type,
      caseType: type === 'NOTICE' ? 'COLLECTION_NOTICE' : type,
      status: 'OPEN',
      subStatus: undefined,
      createdAt: now,
      closedAt: null,
      original: toCents(input.originalInvoiceAmount),
      paid: 0,
      adjusted: 0,
      // Only the ids are kept; the rest of each debtor is read from the input when shown.
      debtorIds: (input.debtors ?? []).map(() => randomUUID()),
    };
    if (known) this.givenCaseNumbers.add(known.caseNumber);
    this.invoices.set(record.id, record);
    this.cases.set(record.caseId, record);
    this.invoiceList.push(record);
    if (input.uniqueSourceInvoiceId !== undefined) this.sourceIds.set(input.uniqueSourceInvoiceId, record.id);
    return record;
  }

  /** @param {Omit<SettlementRecord, 'seq' | 'id'>} fields @param {string} [id] an id of its own (an example's) */
  addSettlement(fields, id = randomUUID()) {
    const settlement = { ...fields, seq: ++this.seq, id };
    this.settlements.set(settlement.id, settlement);
    this.settlementList.push(settlement);
    return settlement;
  }

  organizationSummary() {
    return {
      id: this.organization.id,
      organizationNumber: this.organization.organizationNumber,
      name: this.organization.name,
    };
  }
}

/** What is still owed, in øre: the original amount, plus corrections, less payments. */
export const remainingCents = (/** @type {InvoiceRecord} */ record) => record.original + record.adjusted - record.paid;

const iso = (/** @type {number} */ ms) => new Date(ms).toISOString();
const isoOrNull = (/** @type {number | null} */ ms) => (ms === null ? null : iso(ms));
/** The spec shows invoice dates on invoices as date-times; a plain date is midnight UTC. */
const dateTime = (/** @type {string | undefined} */ value) =>
  value === undefined ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;

/** @param {Record<string, unknown>} object */
const defined = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

/** An invoice as GetInvoiceById shows it. @param {SandboxState} state @param {InvoiceRecord} record */
export function invoiceView(state, record) {
  const { input } = record;
  return defined({
    id: record.id,
    organization: state.organizationSummary(),
    invoiceNumber: input.invoiceNumber,
    collectionCaseNumber: String(record.caseNumber),
    type: record.type,
    status: record.status,
    createdAt: iso(record.createdAt),
    closedAt: isoOrNull(record.closedAt),
    originalInvoiceAmount: fromCents(record.original),
    currency: input.currency,
    invoiceDate: dateTime(input.invoiceDate),
    dueDate: dateTime(input.dueDate),
    ocrReferenceNumber: input.ocrReferenceNumber,
    uniqueSourceInvoiceId: input.uniqueSourceInvoiceId,
    debtors: input.debtors,
    currentAmount: fromCents(record.original + record.adjusted),
    remainingAmount: fromCents(remainingCents(record)),
    paidAmount: fromCents(record.paid),
    creditedAmount: fromCents(-record.adjusted),
  });
}

/** A case as GetCasesByOrganization shows it. @param {SandboxState} state @param {InvoiceRecord} record */
export function caseView(state, record) {
  const { input } = record;
  return defined({
    caseId: record.caseId,
    caseNumber: record.caseNumber,
    organizationId: state.organization.id,
    status: record.status,
    subStatus: record.subStatus,
    type: record.caseType,
    description: input.description,
    registeredAt: iso(record.createdAt),
    closedAt: isoOrNull(record.closedAt),
    invoices: [
      defined({
        invoiceId: record.id,
        invoiceNumber: input.invoiceNumber,
        caseId: record.caseId,
        invoiceDate: input.invoiceDate,
        dueDate: input.dueDate,
        batchId: record.batchId,
        registeredAt: iso(record.createdAt),
        originalAmount: fromCents(record.original),
        remainingAmount: fromCents(remainingCents(record)),
        remainingPrincipal: fromCents(remainingCents(record)),
        uniqueSourceInvoiceId: input.uniqueSourceInvoiceId,
        paidAmount: fromCents(record.paid),
        creditedAmount: fromCents(-record.adjusted),
        currency: input.currency,
      }),
    ],
    debtors: caseDebtors(record),
  });
}

/** The debtors of a case, as GetCasesByOrganization shows them. @param {InvoiceRecord} record @returns {CaseDebtor[]} */
export function caseDebtors(record) {
  return (record.input.debtors ?? []).map((/** @type {Record<string, any>} */ debtor, /** @type {number} */ index) => {
    const fullName = debtor.name ?? [debtor.firstname, debtor.lastname].filter(Boolean).join(' ');
    return /** @type {CaseDebtor} */ (
      defined({
        debtorId: record.debtorIds[index],
        type: debtor.type ?? 'PRIVATE',
        debtorNumber: String(index + 1),
        customerNumber: debtor.customerNumber ?? '',
        firstName: debtor.firstname,
        lastName: debtor.lastname,
        fullName: fullName || undefined,
      })
    );
  });
}

/** A batch as GetBatchById shows it. @param {SandboxState} state @param {BatchRecord} batch */
export function batchView(state, batch) {
  return {
    batchId: batch.batchId,
    type: batch.type,
    status: batch.status,
    createdAt: iso(batch.createdAt),
    finishedAt: isoOrNull(batch.finishedAt),
    organizationId: state.organization.id,
    createdBy: state.createdBy,
    succeeded: batch.succeeded.map((record) => ({
      invoiceId: record.id,
      invoiceNumber: record.input.invoiceNumber,
      caseNumber: String(record.caseNumber),
    })),
    failed: batch.failed,
  };
}

/** @param {SettlementRecord} settlement */
export function settlementView(settlement) {
  return defined({
    caseNumber: settlement.caseNumber,
    collectionType: settlement.collectionType,
    currency: settlement.currency,
    customerReference: settlement.customerReference,
    exchangeRate: 1,
  });
}
