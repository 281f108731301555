// @ts-check
// The case actions as a small state machine: each action applies to cases in given
// states and moves them on, or is refused with 409. Amili documents none of these
// transitions; they are the sandbox's reading of the actions' names. `OPEN`, `PAUSED`
// and `DEBT_COLLECTION_LIST_MANUAL` are Amili's values, the others the sandbox's own.
import { CLOSED_STATUSES } from './state.js';

/**
 * @typedef {import('./state.js').InvoiceRecord} InvoiceRecord
 * @typedef {object} CaseAction
 * @property {(record: InvoiceRecord) => boolean} applies
 * @property {string} refusal why it does not apply
 * @property {(record: InvoiceRecord, now: number) => void} apply
 * @property {(record: InvoiceRecord) => string} [hint] how to get an open case where it applies
 * @property {{ status?: string, subStatus?: string }} [ready] where a case must be for it to apply: the sandbox holds one there for its sample
 */

/**
 * How to move a paused case on: resume that very case (the docs' ResumeCase sample names a case
 * of its own), or start afresh. @param {InvoiceRecord} record
 */
export const resumeHint = (record) =>
  `Resume it first (ResumeCase on case ${record.caseId}), or POST /_sandbox/reset to start afresh with the examples' cases.`;

const withSubStatus = (/** @type {string} */ subStatus) => (/** @type {InvoiceRecord} */ record) =>
  record.status === 'OPEN' && record.subStatus === subStatus;
/** How to have a case asked for a decision: Amili asks, the sandbox's control API stands in for it. */
const askFor = (/** @type {string} */ subStatus) => (/** @type {InvoiceRecord} */ record) =>
  record.status === 'OPEN'
    ? `In the sandbox, POST /_sandbox/cases/${record.caseId}/sub-status with {"subStatus":"${subStatus}"} asks for this decision, as Amili would.`
    : resumeHint(record);
const setSubStatus = (/** @type {string | undefined} */ subStatus) => (/** @type {InvoiceRecord} */ record) => {
  record.subStatus = subStatus;
};

/** Ends the case without collecting it: withdrawing it, or declining to send it to debt collection. @param {InvoiceRecord} record @param {number} now */
const withdraw = (record, now) => {
  record.status = 'WITHDRAWN';
  record.subStatus = undefined;
  record.closedAt = now;
};

/** Sub-statuses a test may put a case in (through the control API) so that an action applies. */
export const DECISION_SUB_STATUSES = ['DEBT_COLLECTION_LIST_MANUAL', 'EVICTION_REQUEST', 'EVICTION_CONFIRMATION'];

/** @type {CaseAction} */
const resume = {
  applies: (record) => record.status === 'PAUSED',
  refusal: 'only a PAUSED case can be resumed',
  apply: (record) => {
    record.status = 'OPEN';
  },
  hint: () => 'Pause it first (PauseCase).',
  ready: { status: 'PAUSED' },
};

/** @type {Record<string, CaseAction>} by operationId */
export const CASE_ACTIONS = {
  PauseCase: {
    applies: (record) => record.status === 'OPEN',
    refusal: 'only an OPEN case can be paused',
    apply: (record) => {
      record.status = 'PAUSED';
    },
    hint: resumeHint,
    ready: { status: 'OPEN' },
  },
  ResumeCase: resume,
  ResumeInvoice: resume,
  WithdrawCase: {
    applies: (record) => record.status === 'OPEN' || record.status === 'PAUSED',
    refusal: 'only an OPEN or PAUSED case can be withdrawn',
    apply: withdraw,
    ready: { status: 'OPEN' },
  },
  AcceptDebtCollectionList: {
    applies: withSubStatus('DEBT_COLLECTION_LIST_MANUAL'),
    hint: askFor('DEBT_COLLECTION_LIST_MANUAL'),
    ready: { subStatus: 'DEBT_COLLECTION_LIST_MANUAL' },
    refusal: 'the case is not waiting on the debt collection list (subStatus DEBT_COLLECTION_LIST_MANUAL)',
    apply: setSubStatus('DEBT_COLLECTION'),
  },
  RejectDebtCollectionList: {
    applies: withSubStatus('DEBT_COLLECTION_LIST_MANUAL'),
    hint: askFor('DEBT_COLLECTION_LIST_MANUAL'),
    ready: { subStatus: 'DEBT_COLLECTION_LIST_MANUAL' },
    refusal: 'the case is not waiting on the debt collection list (subStatus DEBT_COLLECTION_LIST_MANUAL)',
    apply: withdraw,
  },
  AcceptEvictionRequest: {
    applies: withSubStatus('EVICTION_REQUEST'),
    hint: askFor('EVICTION_REQUEST'),
    ready: { subStatus: 'EVICTION_REQUEST' },
    refusal: 'the case has no eviction request waiting (subStatus EVICTION_REQUEST)',
    apply: setSubStatus('EVICTION_REQUESTED'),
  },
  RejectEvictionRequest: {
    applies: withSubStatus('EVICTION_REQUEST'),
    hint: askFor('EVICTION_REQUEST'),
    ready: { subStatus: 'EVICTION_REQUEST' },
    refusal: 'the case has no eviction request waiting (subStatus EVICTION_REQUEST)',
    apply: setSubStatus(undefined),
  },
  AcceptEvictionConfirmation: {
    applies: withSubStatus('EVICTION_CONFIRMATION'),
    hint: askFor('EVICTION_CONFIRMATION'),
    ready: { subStatus: 'EVICTION_CONFIRMATION' },
    refusal: 'the case has no eviction waiting for confirmation (subStatus EVICTION_CONFIRMATION)',
    apply: setSubStatus('EVICTION_CONFIRMED'),
  },
  RejectEvictionConfirmation: {
    applies: withSubStatus('EVICTION_CONFIRMATION'),
    hint: askFor('EVICTION_CONFIRMATION'),
    ready: { subStatus: 'EVICTION_CONFIRMATION' },
    refusal: 'the case has no eviction waiting for confirmation (subStatus EVICTION_CONFIRMATION)',
    apply: setSubStatus(undefined),
  },
};

/** What a closed case's refusals say: nothing moves it on, but the sandbox starts afresh. */
export const RESET_HINT =
  "A closed case stays closed; in the sandbox, POST /_sandbox/reset starts afresh, with the examples' cases.";

/** Why an action does not apply to the case, or undefined when it does. @param {CaseAction} action @param {InvoiceRecord} record */
export function refusal(action, record) {
  if (action.applies(record)) return undefined;
  const state = CLOSED_STATUSES.has(record.status)
    ? `${record.status}`
    : `${record.status}${record.subStatus ? `/${record.subStatus}` : ''}`;
  // A closed case stays closed: only a reset of the sandbox brings the examples' cases back.
  const hint = CLOSED_STATUSES.has(record.status) ? ` ${RESET_HINT}` : action.hint ? ` ${action.hint(record)}` : '';
  return `Case ${record.caseId} is ${state}: ${action.refusal}.${hint}`;
}
