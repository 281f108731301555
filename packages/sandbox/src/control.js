// @ts-check
// The control API under /_sandbox/: what a test or a developer does to the sandbox that
// Amili's API has no call for. It sits outside the API's paths, needs no token and
// never meets injected faults.
import { compileTemplate, matchTemplate } from './contract.js';
import { SandboxError } from './sandbox.js';

/**
 * @typedef {import('./sandbox.js').Sandbox} Sandbox
 * @typedef {{ status: number, body?: unknown }} ControlReply
 * @typedef {{ method: string, path: string, what: string, run: (sandbox: Sandbox, body: any, params: Record<string, string>) => ControlReply }} ControlEndpoint
 */

/** @type {ControlEndpoint[]} */
export const CONTROL_ENDPOINTS = [
  {
    method: 'GET',
    path: '/_sandbox',
    what: 'This list, and where the sandbox serves what.',
    run: (sandbox) => ({ status: 200, body: describe(sandbox) }),
  },
  {
    method: 'POST',
    path: '/_sandbox/reset',
    what: "Forget every invoice, case, batch, settlement, delivery (aborting one under way) and idempotency key, and hold the examples' records again (unless it started empty).",
    run: (sandbox) => {
      sandbox.reset();
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/_sandbox/process',
    what: 'Process every QUEUED batch now, without waiting for the batch delay.',
    run: (sandbox) => ({ status: 200, body: { processed: sandbox.processQueued() } }),
  },
  {
    method: 'GET',
    path: '/_sandbox/deliveries',
    what: 'Every webhook delivery, with its payload and each attempt.',
    run: (sandbox) => ({ status: 200, body: { deliveries: sandbox.webhooks.log.map(deliveryView) } }),
  },
  {
    method: 'POST',
    path: '/_sandbox/webhooks',
    what: 'Register a webhook URL: { "url": "http://127.0.0.1:3000/webhooks" }.',
    run: (sandbox, body) => {
      sandbox.addWebhookUrl(body?.url);
      return { status: 200, body: { webhookUrls: sandbox.webhooks.urls } };
    },
  },
  {
    method: 'PUT',
    path: '/_sandbox/faults',
    what: 'Set the injected faults: { "faults": "429=10%,503=5%" }, or "" for none.',
    run: (sandbox, body) => {
      if (typeof body?.faults !== 'string')
        throw new SandboxError(422, 'Send { "faults": "429=10%,503=5%,reset=2%,latency=200ms" }, or "" for none.');
      try {
        sandbox.setFaults(body.faults);
      } catch (error) {
        throw new SandboxError(422, /** @type {Error} */ (error).message);
      }
      return { status: 200, body: { faults: sandbox.faults.describe() } };
    },
  },
  {
    method: 'POST',
    path: '/_sandbox/tokens/expire',
    what: 'Expire every access token issued so far, to exercise a client that renews them.',
    run: (sandbox) => {
      sandbox.tokens.expireAll();
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/_sandbox/invoices/{invoiceId}/collect',
    what: 'The debtor pays Amili: { "amount": 500 } comes off the invoice and a settlement is made (SETTLEMENT_CREATED).',
    run: (sandbox, body, params) => {
      if (typeof body?.amount !== 'number') throw new SandboxError(422, 'Send { "amount": <number> }.');
      const settlement = sandbox.collect({
        invoiceId: /** @type {string} */ (params.invoiceId),
        amount: body.amount,
      });
      return { status: 200, body: { settlementId: settlement.id } };
    },
  },
  {
    method: 'POST',
    path: '/_sandbox/cases/{caseId}/sub-status',
    what: 'Put an OPEN case where a decision is asked of you: { "subStatus": "DEBT_COLLECTION_LIST_MANUAL" | "EVICTION_REQUEST" | "EVICTION_CONFIRMATION" }.',
    run: (sandbox, body, params) => {
      sandbox.setSubStatus(/** @type {string} */ (params.caseId), body?.subStatus);
      return { status: 204 };
    },
  },
];

const TEMPLATES = CONTROL_ENDPOINTS.map((endpoint) => compileTemplate(endpoint.path));

/**
 * The control endpoints at a path (one per method), each with the path's parameters.
 * A trailing slash is ignored.
 * @param {string} pathname
 */
export function controlEndpointsAt(pathname) {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  return CONTROL_ENDPOINTS.flatMap((endpoint, index) => {
    const params = matchTemplate(/** @type {import('./contract.js').PathTemplate} */ (TEMPLATES[index]), path);
    return params ? [{ endpoint, params }] : [];
  });
}

/** @param {Sandbox} sandbox */
function describe(sandbox) {
  const origin = new URL(sandbox.baseUrl).origin;
  return {
    api: sandbox.baseUrl,
    tokenUrl: `${origin}/token`,
    legacy: `${origin}/webapi/api`,
    organizationId: sandbox.state.organization.id,
    faults: sandbox.faults.describe(),
    webhookUrls: sandbox.webhooks.urls,
    endpoints: CONTROL_ENDPOINTS.map(({ method, path, what }) => ({
      method,
      path,
      what,
    })),
  };
}

/** A delivery as the control API lists it: the payload parsed, the secret nowhere. @param {import('./webhooks.js').Delivery} delivery */
export function deliveryView(delivery) {
  const { body, ...rest } = delivery;
  return { ...rest, payload: JSON.parse(body) };
}
