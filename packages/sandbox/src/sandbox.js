// @ts-check
// The sandbox's state and behaviour, apart from HTTP: the contract it checks, what it
// holds, its tokens, batch processing on a timer, webhook events and faults.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { caseEventData, changeAmounts, processBatch, settlementEventData } from './batches.js';
import { DECISION_SUB_STATUSES, RESET_HINT, resumeHint } from './case-actions.js';
import { Contract, organizationFor } from './contract.js';
import { addExampleRecords } from './examples.js';
import { FaultPlan, NO_FAULTS, parseFaults } from './faults.js';
import { reachesSandbox } from './own-address.js';
import { CLOSED_STATUSES, fromCents, isAmount, remainingCents, SandboxState, toCents } from './state.js';
import { TokenIssuer } from './tokens.js';
import { WebhookDispatcher, webhookUrlProblem } from './webhooks.js';

/**
 * @typedef {import('./options.js').ResolvedOptions} ResolvedOptions
 * @typedef {import('./state.js').BatchRecord} BatchRecord
 * @typedef {import('./state.js').InvoiceRecord} InvoiceRecord
 * @typedef {{ operationId: string, status: number, field: string, message: string }} ContractViolation
 */

/** One contract for every sandbox in a process: compiling validators is the costly part. */
let sharedContract;

export class Sandbox {
  /** @param {ResolvedOptions} options */
  constructor(options) {
    this.options = options;
    sharedContract ??= new Contract();
    this.contract = sharedContract;
    this.state = new SandboxState({
      organization: organizationFor(options.organizationId),
      createdBy: randomUUID(),
    });
    this.tokens = new TokenIssuer({ ttlSeconds: options.tokenTtlSeconds });
    this.webhooks = new WebhookDispatcher({
      urls: options.webhookUrls,
      secret: options.webhookSecret,
      retry: options.webhookRetry,
      isSandbox: (url) =>
        this.baseUrl ? reachesSandbox(url, options.host, Number(new URL(this.baseUrl).port)) : Promise.resolve(false),
      // Beside the request lines: a failing receiver shows where the user looks, not only in /_sandbox/deliveries.
      logLine: options.log,
    });
    this.faults = new FaultPlan(options.faults);
    /** Set once listening: the AutoCollect API's base URL. */
    this.baseUrl = '';
    /** @type {Map<string, ReturnType<typeof setTimeout>>} batch id → its processing timer */
    this.timers = new Map();
    /** Responses or webhooks the sandbox produced that do not fit the description: a sandbox bug, kept for tests. @type {ContractViolation[]} */
    this.violations = [];
    if (options.examples) addExampleRecords(this.state, this.contract.documents.openapi);
  }

  /** Processes the batch after the batch delay; at once when the delay is 0. @param {BatchRecord} batch */
  schedule(batch) {
    if (this.options.batchDelayMs === 0) {
      this.process(batch);
      return;
    }
    this.timers.set(
      batch.batchId,
      setTimeout(() => this.process(batch), this.options.batchDelayMs),
    );
  }

  /** @param {BatchRecord} batch */
  process(batch) {
    clearTimeout(this.timers.get(batch.batchId));
    this.timers.delete(batch.batchId);
    processBatch(this.state, batch, Date.now(), (event, data) => this.emit(event, data));
  }

  /** Processes every queued batch now; how many there were. */
  processQueued() {
    const queued = this.state.batchList.filter((batch) => batch.status === 'QUEUED');
    for (const batch of queued) this.process(batch);
    return queued.length;
  }

  /** Announces a change of a case's state. @param {InvoiceRecord} record @param {string[]} fields */
  caseChanged(record, fields) {
    this.emit('CASE_UPDATED', { ...caseEventData(this.state, record), fields });
  }

  /** Sends a webhook event, in the envelope the spec gives it, to every registered URL. @param {string} event @param {Record<string, unknown>} data */
  emit(event, data) {
    if (this.webhooks.urls.length === 0) return;
    // Two events carry their name in `type`, two in `eventType`: as Amili sends them.
    const nameKey = event === 'CASE' || event === 'CASE_UPDATED' ? 'eventType' : 'type';
    const payload = {
      id: randomUUID(),
      [nameKey]: event,
      source: 'COLLECTION',
      timeStamp: new Date().toISOString(),
      data,
    };
    for (const violation of this.contract.webhook(event, payload))
      this.violations.push({ operationId: event, status: 0, ...violation });
    this.webhooks.send(event, payload);
  }

  /**
   * The debtor pays Amili: the amount comes off the invoice, a settlement is made for it,
   * and SETTLEMENT_CREATED and CASE_UPDATED are sent.
   * @param {{ invoiceId: string, amount: number }} collection
   */
  collect({ invoiceId, amount }) {
    const record = this.state.invoices.get(invoiceId);
    if (!record) throw new SandboxError(404, `Invoice ${invoiceId} was not found.`);
    if (CLOSED_STATUSES.has(record.status)) throw new SandboxError(409, `The invoice's case is ${record.status}.`);
    const cents = toCents(amount);
    if (!isAmount(amount) || !(cents > 0) || cents > remainingCents(record)) {
      throw new SandboxError(
        422,
        `amount must be positive, in whole øre (at most two decimals), and at most the ${fromCents(remainingCents(record))} that remains.`,
      );
    }
    record.paid += cents;
    const now = Date.now();
    const settlement = this.state.addSettlement({
      invoiceId,
      caseNumber: record.caseNumber,
      currency: record.input.currency,
      customerReference: record.input.debtors?.[0]?.customerNumber,
      collectionType: record.type === 'NOTICE' ? 'DEBT_COLLECTION' : 'REMINDER',
      settlementDate: new Date(now).toISOString().slice(0, 10),
      amount: cents,
    });
    changeAmounts(this.state, record, now, (event, data) => this.emit(event, data));
    this.emit('SETTLEMENT_CREATED', settlementEventData(this.state, settlement));
    return settlement;
  }

  /** Puts a case where Amili would ask a decision of the creditor. @param {string} caseId @param {string} subStatus */
  setSubStatus(caseId, subStatus) {
    const record = this.state.cases.get(caseId);
    if (!record) throw new SandboxError(404, `Case ${caseId} was not found.`);
    if (!DECISION_SUB_STATUSES.includes(subStatus)) {
      throw new SandboxError(422, `subStatus must be one of ${DECISION_SUB_STATUSES.join(', ')}.`);
    }
    if (record.status !== 'OPEN') {
      const hint = ` ${CLOSED_STATUSES.has(record.status) ? RESET_HINT : resumeHint(record)}`;
      throw new SandboxError(409, `Case ${caseId} is ${record.status}, not OPEN.${hint}`);
    }
    record.subStatus = subStatus;
    this.caseChanged(record, ['status']);
  }

  /** @param {string} url */
  addWebhookUrl(url) {
    const problem = webhookUrlProblem(url);
    if (problem) throw new SandboxError(422, `The webhook URL ${problem}.`);
    if (this.isOwnUrl(url)) throw new SandboxError(422, ownUrlProblem(url));
    if (!this.webhooks.urls.includes(url)) this.webhooks.urls.push(url);
  }

  /**
   * Whether a URL is this sandbox's own origin: deliveries there would drive the sandbox
   * itself (each event POSTed to /_sandbox/reset would wipe it).
   * @param {string} url
   */
  isOwnUrl(url) {
    if (!this.baseUrl) return false;
    const own = new URL(this.baseUrl);
    const target = new URL(url);
    const port = (/** @type {URL} */ at) => at.port || (at.protocol === 'https:' ? '443' : '80');
    const local = (/** @type {string} */ host) =>
      host === 'localhost' || /^127\./.test(host) || ['[::1]', '0.0.0.0', '[::]'].includes(host);
    return (
      port(target) === port(own) &&
      (target.hostname === own.hostname || (local(target.hostname) && local(own.hostname)))
    );
  }

  /** @param {string} spec */
  setFaults(spec) {
    this.faults = new FaultPlan(spec.trim() === '' ? NO_FAULTS : parseFaults(spec));
  }

  /** @param {unknown} clientId @param {unknown} clientSecret */
  checkCredentials(clientId, clientSecret) {
    return same(clientId, this.options.clientId) && same(clientSecret, this.options.clientSecret);
  }

  /** Forgets every invoice, case, batch, settlement, delivery and idempotency key; keeps credentials, URLs and faults. */
  reset() {
    this.#stopTimers();
    this.state.reset();
    if (this.options.examples) addExampleRecords(this.state, this.contract.documents.openapi);
    this.webhooks.forget();
    this.violations.length = 0;
  }

  close() {
    this.#stopTimers();
    this.webhooks.close();
  }

  /** Cancels the processing timers of queued batches. */
  #stopTimers() {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** A refusal of a control request, with its HTTP status. */
/** Why a webhook URL at the sandbox itself is refused, and what to give instead. @param {string} url */
export const ownUrlProblem = (url) =>
  `The webhook URL ${url} is the sandbox itself: its deliveries would drive the sandbox (one to /_sandbox/reset would wipe it). Give your own endpoint's URL, such as http://127.0.0.1:3000/webhooks.`;

export class SandboxError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Compares secrets in constant time. */
function same(/** @type {unknown} */ given, /** @type {string} */ expected) {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
