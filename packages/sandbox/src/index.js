// @ts-check
// @autocollect/sandbox: a local, stateful AutoCollect API to build and test against.
import { deliveryView } from './control.js';
import { resolveOptions } from './options.js';
import { ownUrlProblem, Sandbox } from './sandbox.js';
import { createSandboxServer } from './server.js';

export { DEFAULTS } from './options.js';
export { signature as signWebhookBody } from './webhooks.js';

/**
 * @typedef {import('./options.js').SandboxOptions} SandboxOptions
 * @typedef {ReturnType<typeof deliveryView>} SandboxDelivery
 */

/**
 * @typedef {object} RunningSandbox
 * @property {string} baseUrl The AutoCollect API: `http://127.0.0.1:<port>/collection/v1`.
 * @property {string} tokenUrl The token endpoint: `http://127.0.0.1:<port>/token`.
 * @property {string} legacyUrl The legacy API: `http://127.0.0.1:<port>/webapi/api` (its client's paths begin
 *   with /webapi/api: give `createAutoCollectLegacyClient` the origin, as `legacyServers.sandbox` is).
 * @property {string} controlUrl The sandbox's own endpoints: `http://127.0.0.1:<port>/_sandbox`.
 * @property {string} organizationId The organization the client acts for.
 * @property {string} clientId
 * @property {string} clientSecret
 * @property {string} webhookSecret The secret deliveries are signed with.
 * @property {() => string} faults The injected faults in words, with the seed that repeats them.
 * @property {() => SandboxDelivery[]} deliveries Every webhook delivery so far, with each attempt.
 * @property {() => number} processQueued Processes every QUEUED batch now; how many there were.
 * @property {(url: string) => void} addWebhookUrl Registers another webhook URL.
 * @property {(faults: string) => void} setFaults Replaces the injected faults ("" for none).
 * @property {(collection: { invoiceId: string, amount: number }) => { settlementId: string }} collect The debtor pays Amili: a settlement is made.
 * @property {(caseId: string, subStatus: string) => void} setCaseSubStatus Puts a case where a decision is asked of the creditor.
 * @property {() => void} expireTokens Expires every access token issued so far.
 * @property {() => void} reset Forgets all invoices, cases, batches, settlements and deliveries.
 * @property {() => Promise<void>} webhooksIdle Resolves once no webhook delivery is pending.
 * @property {() => { operationId: string, status: number, field: string, message: string }[]} violations Answers or webhooks that did not match the description (a sandbox bug).
 * @property {() => Promise<void>} close Stops serving and delivering, at once: webhook attempts under way are aborted.
 */

/**
 * Starts a sandbox; resolves once it listens.
 * @param {SandboxOptions} [options]
 * @returns {Promise<RunningSandbox>}
 */
export async function startSandbox(options) {
  const resolved = resolveOptions(options);
  const sandbox = new Sandbox(resolved);
  const server = createSandboxServer(sandbox);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;
  sandbox.baseUrl = `${origin}/collection/v1`;
  const own = resolved.webhookUrls.find((url) => sandbox.isOwnUrl(url));
  if (own) {
    sandbox.close();
    await new Promise((resolve) => server.close(() => resolve(undefined)));
    throw new TypeError(ownUrlProblem(own));
  }
  return {
    baseUrl: sandbox.baseUrl,
    tokenUrl: `${origin}/token`,
    legacyUrl: `${origin}/webapi/api`,
    controlUrl: `${origin}/_sandbox`,
    organizationId: resolved.organizationId,
    clientId: resolved.clientId,
    clientSecret: resolved.clientSecret,
    webhookSecret: resolved.webhookSecret,
    faults: () => sandbox.faults.describe(),
    deliveries: () => sandbox.webhooks.log.map(deliveryView),
    processQueued: () => sandbox.processQueued(),
    addWebhookUrl: (url) => sandbox.addWebhookUrl(url),
    setFaults: (faults) => sandbox.setFaults(faults),
    collect: (collection) => ({ settlementId: sandbox.collect(collection).id }),
    setCaseSubStatus: (caseId, subStatus) => sandbox.setSubStatus(caseId, subStatus),
    expireTokens: () => sandbox.tokens.expireAll(),
    reset: () => sandbox.reset(),
    webhooksIdle: () => sandbox.webhooks.idle(),
    violations: () => [...sandbox.violations],
    close: async () => {
      sandbox.close();
      await new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
    },
  };
}
