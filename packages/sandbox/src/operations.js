// @ts-check
// What each operation does, by its operationId. Routing, authentication and the
// validation of requests and responses happen around these (server.js): a handler
// gets checked, typed parameters and answers with a status and a body.
import { createHash, randomUUID } from 'node:crypto';
import { ITEM_KINDS } from './batches.js';
import { CASE_ACTIONS, refusal } from './case-actions.js';
import { canonicalJson } from './json-shape.js';
import { listName, page } from './pages.js';
import { invalid, problem } from './problem.js';
import { batchView, caseDebtors, caseView, invoiceView, isAmount, MAX_AMOUNT, settlementView } from './state.js';
import { clip, MAX_ECHOED } from './text.js';

/**
 * @typedef {import('./problem.js').Reply} Reply
 * @typedef {import('./sandbox.js').Sandbox} Sandbox
 * @typedef {import('./state.js').InvoiceRecord} InvoiceRecord
 * @typedef {{ sandbox: Sandbox, operationId: string, path: Record<string, any>, query: Record<string, any>, header: Record<string, any>, body: any }} Context
 * @typedef {(context: Context) => Reply} Handler
 */

const ok = (/** @type {unknown} */ data, /** @type {string | null} */ nextPageToken = null) => ({
  status: 200,
  body: { summary: { status: 'SUCCESS', nextPageToken }, data },
});

/** The most items one create takes: the sandbox's own limit (Amili documents none), so that one request cannot stall the others. */
export const MAX_ITEMS = 1000;

/**
 * A create with more items than the sandbox takes, in any of its item lists, refused before
 * its items are checked one by one (which would keep every other client waiting); undefined
 * for any other body.
 * @param {unknown} body @param {number} status what the operation answers a bad body with
 * @returns {Reply | undefined}
 */
export function tooManyItems(body, status) {
  if (body === null || typeof body !== 'object') return undefined;
  /** @type {{ field: string, message: string }[]} */
  const over = [];
  for (const [key, items] of Object.entries(body)) {
    if (!Object.hasOwn(ITEM_KINDS, key) || !Array.isArray(items)) continue;
    if (items.length > MAX_ITEMS) {
      over.push({
        field: key,
        message: `holds ${items.length} items; the sandbox takes at most ${MAX_ITEMS} a request (Amili documents no limit): send them in several requests`,
      });
    } else if (items.some(holdsLongList)) {
      for (const [index, item] of items.entries()) longLists(item, `${key}[${index}]`, over);
    }
  }
  return over.length === 0 ? undefined : invalid(status, 'The request body is not valid', over);
}

/** The most entries a list within an item takes (debtors, their addresses, …): the sandbox's own limit. */
export const MAX_LIST = 100;

/** Whether a value holds a list longer than MAX_LIST, at any depth: a walk that makes nothing, for every create. @param {unknown} value @returns {boolean} */
function holdsLongList(value) {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length > MAX_LIST || value.some(holdsLongList);
  for (const key in value) if (holdsLongList(/** @type {Record<string, unknown>} */ (value)[key])) return true;
  return false;
}

/**
 * Adds to `over` each list within an item longer than MAX_LIST: an invoice of 300 000 debtors
 * would make every read of the cases that show it build tens of megabytes.
 * @param {unknown} value @param {string} field @param {{ field: string, message: string }[]} over
 */
function longLists(value, field, over) {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value) && value.length > MAX_LIST) {
    over.push({ field, message: `holds ${value.length} entries; the sandbox takes at most ${MAX_LIST}` });
    return;
  }
  for (const [key, item] of Object.entries(value))
    longLists(item, Array.isArray(value) ? `${field}[${key}]` : `${field}.${key}`, over);
}

/** @type {Handler} */
function createBatch({ sandbox, operationId, header, body }) {
  const { state } = sandbox;
  // The list this operation takes (invoices for CreateInvoices), whatever else the body holds.
  const [itemsKey, kind] = /** @type {[string, (typeof ITEM_KINDS)[string]]} */ (
    Object.entries(ITEM_KINDS).find(([, entry]) => entry.operationId === operationId)
  );
  /** @type {Record<string, unknown>[]} */
  const items = body[itemsKey];
  const amounts = items.flatMap((item, index) =>
    isAmount(item[kind.amount])
      ? []
      : [
          {
            field: `${itemsKey}[${index}].${kind.amount}`,
            message: `must be an amount in whole øre (at most two decimals) of at most ${MAX_AMOUNT}`,
          },
        ],
  );
  if (amounts.length > 0) return invalid(422, 'The request body is not valid', amounts);
  const key = header.idempotencykey;
  // Only a request with a key needs its fingerprint: creates without one stay off this cost.
  // The body as a JSON value: the same body with its keys in another order is the same request.
  const fingerprint =
    key === undefined
      ? ''
      : createHash('sha256')
          .update(`${operationId}\n${canonicalJson(body)}`)
          .digest('base64url');
  if (key !== undefined) {
    const earlier = state.idempotency.get(key);
    if (earlier && (earlier.operationId !== operationId || earlier.fingerprint !== fingerprint)) {
      return problem(
        409,
        `IdempotencyKey '${key}' was already used for another request (${earlier.operationId}, batch ${earlier.batchId}); use a new key for a new request, and the same key only to retry the same request.`,
      );
    }
    if (earlier) return batchReference(sandbox, earlier.batchId);
  }
  const batch = state.addBatch({
    type: kind.type,
    createdAt: Date.now(),
    operationId,
    idempotencyKey: key,
    items,
  });
  if (key !== undefined) state.idempotency.set(key, { operationId, fingerprint, batchId: batch.batchId });
  sandbox.schedule(batch);
  return batchReference(sandbox, batch.batchId);
}

/** The create operations' 202 answer. @param {Sandbox} sandbox @param {string} batchId @returns {Reply} */
function batchReference(sandbox, batchId) {
  const batchUrl = `${sandbox.baseUrl}/orgs/${sandbox.state.organization.id}/batches/${batchId}`;
  return { status: 202, body: { summary: { status: 'SUCCESS' }, data: { batchId, batchUrl } } };
}

/** @type {Handler} */
function getBatch({ sandbox, path }) {
  const batch = sandbox.state.batches.get(path.batchId);
  if (!batch) return problem(404, `Batch ${path.batchId} was not found.`);
  return ok(batchView(sandbox.state, batch));
}

/** @type {Handler} */
function listBatches({ sandbox, operationId, query }) {
  const { state } = sandbox;
  const result = page(
    state.batchList,
    (batch) =>
      (query.State === undefined || batch.status === query.State) &&
      (query.Type === undefined || batch.type === query.Type) &&
      (query.IdempotencyKey === undefined || batch.idempotencyKey === query.IdempotencyKey) &&
      (query.SubjectId === undefined || batch.succeeded.some((record) => record.id === query.SubjectId)),
    {
      token: query.PageToken,
      size: query.PageSize,
      descending: /^desc/i.test(query.SortDirection ?? ''),
      of: listName(operationId, query, ['PageToken', 'PageSize']),
    },
  );
  return ok(
    result.items.map((batch) => batchView(state, batch)),
    result.next,
  );
}

/** @type {Handler} */
function getInvoice({ sandbox, path }) {
  const record = sandbox.state.invoices.get(path.invoiceId);
  if (!record) return problem(404, `Invoice ${path.invoiceId} was not found.`);
  return ok(invoiceView(sandbox.state, record));
}

const hasCustomer = (/** @type {InvoiceRecord} */ record, /** @type {string} */ number) =>
  (record.input.debtors ?? []).some(
    (/** @type {{ customerNumber?: string }} */ debtor) => debtor.customerNumber === number,
  );
const createdWithin = (
  /** @type {InvoiceRecord} */ record,
  /** @type {string | undefined} */ from,
  /** @type {string | undefined} */ to,
) => (from === undefined || record.createdAt >= instant(from)) && (to === undefined || record.createdAt < instant(to));

/**
 * A date-time the description's `date-time` format took, in ms. RFC 3339 allows a leap second
 * (`23:59:60`), which Date.parse reads as NaN, so that a filter on it matched nothing: it is read
 * as the second that ends where the next minute begins.
 * @param {string} dateTime
 */
function instant(dateTime) {
  const leap = /^(.{10}[Tt ]\d\d:\d\d:)60/.exec(dateTime);
  return leap ? Date.parse(`${leap[1]}59${dateTime.slice(leap[0].length)}`) + 1000 : Date.parse(dateTime);
}

/** @type {Handler} */
function listInvoices({ sandbox, operationId, query }) {
  const { state } = sandbox;
  const result = page(
    state.invoiceList,
    (record) =>
      (query.Status === undefined || record.status === query.Status) &&
      (query.Type === undefined || record.type === query.Type) &&
      (query.InvoiceNumber === undefined || record.input.invoiceNumber === query.InvoiceNumber) &&
      (query.UniqueSourceInvoiceId === undefined ||
        record.input.uniqueSourceInvoiceId === query.UniqueSourceInvoiceId) &&
      (query.CustomerNumber === undefined || hasCustomer(record, query.CustomerNumber)) &&
      createdWithin(record, query.From, query.To),
    { token: query.PageToken, size: query.PageSize, of: listName(operationId, query, ['PageToken', 'PageSize']) },
  );
  return ok(
    result.items.map((record) => invoiceView(state, record)),
    result.next,
  );
}

/** @type {Handler} */
function listCases({ sandbox, operationId, query }) {
  const { state } = sandbox;
  const term = query.SearchTerm?.toLowerCase();
  const result = page(
    state.invoiceList,
    (record) =>
      (query.Status === undefined || record.status === query.Status) &&
      (query.Type === undefined || record.caseType === query.Type) &&
      (query.CaseNumber === undefined || String(record.caseNumber) === query.CaseNumber) &&
      (query.UniqueSourceInvoiceId === undefined ||
        record.input.uniqueSourceInvoiceId === query.UniqueSourceInvoiceId) &&
      (query.CustomerNumber === undefined || hasCustomer(record, query.CustomerNumber)) &&
      (term === undefined || searchText(record).includes(term)) &&
      createdWithin(record, query.FromCreatedAt, query.ToCreatedAt),
    { token: query.PageToken, size: query.PageSize, of: listName(operationId, query, ['PageToken', 'PageSize']) },
  );
  return ok(
    result.items.map((record) => caseView(state, record)),
    result.next,
  );
}

/** What SearchTerm looks in: the case and invoice numbers, the description and the debtors' names. */
const searchText = (/** @type {InvoiceRecord} */ record) =>
  [
    record.caseNumber,
    record.input.invoiceNumber,
    record.input.description,
    ...caseDebtors(record).map((debtor) => debtor.fullName),
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();

/** A case action, on the case named in the path (or the invoice's case, for ResumeInvoice). @type {Handler} */
function caseAction({ sandbox, operationId, path }) {
  const { state } = sandbox;
  const record = path.caseId !== undefined ? state.cases.get(path.caseId) : state.invoices.get(path.invoiceId);
  if (!record) {
    return problem(
      404,
      path.caseId !== undefined ? `Case ${path.caseId} was not found.` : `Invoice ${path.invoiceId} was not found.`,
    );
  }
  const action = /** @type {import('./case-actions.js').CaseAction} */ (CASE_ACTIONS[operationId]);
  const refused = refusal(action, record);
  if (refused) return problem(409, refused);
  action.apply(record, Date.now());
  sandbox.caseChanged(record, ['status']);
  return { status: 202 };
}

/** @type {Handler} */
function listSettlements({ sandbox, operationId, query }) {
  const result = page(
    sandbox.state.settlementList,
    (settlement) =>
      (query.fromDate === undefined || settlement.settlementDate >= query.fromDate) &&
      (query.toDate === undefined || settlement.settlementDate <= query.toDate),
    { token: query.pageToken, size: query.pageSize, of: listName(operationId, query, ['pageToken', 'pageSize']) },
  );
  return ok(result.items.map(settlementView), result.next);
}

/** @type {Handler} */
function getSettlement({ sandbox, path }) {
  const settlement = sandbox.state.settlements.get(path.settlementId);
  if (!settlement) return problem(404, `Settlement ${path.settlementId} was not found.`);
  return ok(settlementView(settlement));
}

/** @type {Handler} */
function requestToken({ sandbox, body }) {
  return tokenRefusal(sandbox, (name) => body[name]) ?? { status: 200, body: sandbox.tokens.issue(body.client_id) };
}

/**
 * Why the token endpoint turns a request away before it looks at the rest of the form: the
 * client is not this sandbox's (401 invalid_client), or asks for a grant other than
 * client_credentials (400 unsupported_grant_type, as RFC 6749 §5.2 says). A field not given
 * once is left to the form's own check, which says it is missing or repeated.
 * @param {Sandbox} sandbox @param {(name: string) => string | undefined} field
 * @returns {Reply | undefined}
 */
export function tokenRefusal(sandbox, field) {
  const [clientId, clientSecret, grantType] = ['client_id', 'client_secret', 'grant_type'].map(field);
  if (clientId !== undefined && clientSecret !== undefined && !sandbox.checkCredentials(clientId, clientSecret)) {
    return oauthError(401, 'invalid_client', 'Client authentication failed: the client id or secret is wrong.');
  }
  if (grantType !== undefined && grantType !== 'client_credentials') {
    return oauthError(
      400,
      'unsupported_grant_type',
      `The grant type '${clip(grantType, MAX_ECHOED)}' is not supported; send grant_type=client_credentials.`,
    );
  }
  return undefined;
}

/** An OAuth 2.0 error answer (RFC 6749 §5.2), as the token endpoint gives them. */
export const oauthError = (
  /** @type {number} */ status,
  /** @type {string} */ error,
  /** @type {string} */ description,
) => ({
  status,
  body: { error, error_description: description },
});

/** @type {Handler} */
function legacyGetBatch({ sandbox, query }) {
  const { state } = sandbox;
  const cases = state.invoiceList.filter(
    (record) =>
      (query.includeclosed === true || record.closedAt === null) &&
      (query.customerref === undefined || hasCustomer(record, query.customerref)) &&
      (query.ledgerref === undefined || record.input.invoiceNumber === query.ledgerref),
  );
  return {
    status: 200,
    body: {
      batchid: randomUUID(),
      offline: false,
      case: cases.map((record) => caseView(state, record)),
      settlement: [],
    },
  };
}

/** @type {Record<string, Handler>} */
export const OPERATIONS = {
  RequestAccessToken: requestToken,
  CreateInvoices: createBatch,
  CreatePayments: createBatch,
  CreateCorrections: createBatch,
  GetBatchById: getBatch,
  GetBatchByIdLegacy: getBatch,
  GetBatchesByOrganization: listBatches,
  GetInvoiceById: getInvoice,
  GetInvoicesByOrganization: listInvoices,
  GetCasesByOrganization: listCases,
  ...Object.fromEntries(Object.keys(CASE_ACTIONS).map((operationId) => [operationId, caseAction])),
  GetSettlements: listSettlements,
  GetSettlementById: getSettlement,
  LegacyPing: () => ({ status: 200, mediaType: 'text/plain', body: 'pong' }),
  LegacyGetBatch: legacyGetBatch,
  // The sandbox receives legacy batches but does not turn them into cases.
  LegacyPostBatch: () => ({ status: 200 }),
  // Any attachment id gets a one-page placeholder PDF, so that download code has bytes to handle.
  LegacyAttachment: ({ query }) => ({
    status: 200,
    mediaType: 'application/octet-stream',
    body: placeholderPdf(String(query.attachmentid)),
  }),
};

/** A minimal PDF naming the attachment id: what the legacy API's Attachment returns in the sandbox. */
function placeholderPdf(/** @type {string} */ attachmentId) {
  const text = `Sandbox attachment ${attachmentId}`.replace(/[()\\]/g, '');
  return `%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R>> endobj\n4 0 obj <</Length ${text.length + 24}>> stream\nBT /F1 12 Tf 72 770 Td (${text}) Tj ET\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n`;
}
