// @ts-check
// The command line: `autocollect-sandbox [options]` serves a sandbox until stopped;
// `autocollect-sandbox trigger <EVENT> --to URL --secret SECRET` sends one signed example
// delivery to a webhook handler.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Contract } from './contract.js';
import { startSandbox } from './index.js';
import { DEFAULTS } from './options.js';
import { deliveryHeaders } from './webhooks.js';

const USAGE = `Usage:
  autocollect-sandbox [--port ${DEFAULTS.port}] [--host ${DEFAULTS.host}] [--client-id ID --client-secret SECRET]
                      [--organization-id UUID] [--webhook-url URL]... [--webhook-secret SECRET]
                      [--batch-delay-ms ${DEFAULTS.batchDelayMs}] [--token-ttl-seconds ${DEFAULTS.tokenTtlSeconds}] [--faults SPEC] [--quiet]
  autocollect-sandbox trigger <BATCH_COMPLETED|SETTLEMENT_CREATED|CASE|CASE_UPDATED> --to URL --secret SECRET

--faults takes a list such as "429=10%,503=5%,reset=2%,latency=200ms@50%,retry-after=2,seed=42".`;

/** @param {string[]} argv @returns {Promise<number | undefined>} an exit code, or undefined while serving */
export async function main(argv) {
  if (argv[0] === 'trigger') return trigger(argv.slice(1));
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'organization-id': { type: 'string' },
        'webhook-url': { type: 'string', multiple: true },
        'webhook-secret': { type: 'string' },
        'batch-delay-ms': { type: 'string' },
        'token-ttl-seconds': { type: 'string' },
        faults: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${/** @type {Error} */ (error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let sandbox;
  try {
    sandbox = await startSandbox({
      ...number('port', values.port),
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(values['client-id'] === undefined ? {} : { clientId: values['client-id'] }),
      ...(values['client-secret'] === undefined ? {} : { clientSecret: values['client-secret'] }),
      ...(values['organization-id'] === undefined ? {} : { organizationId: values['organization-id'] }),
      ...(values['webhook-url'] === undefined ? {} : { webhookUrls: values['webhook-url'] }),
      ...(values['webhook-secret'] === undefined ? {} : { webhookSecret: values['webhook-secret'] }),
      ...number('batchDelayMs', values['batch-delay-ms']),
      ...number('tokenTtlSeconds', values['token-ttl-seconds']),
      ...(values.faults === undefined ? {} : { faults: values.faults }),
      ...(values.quiet ? {} : { log: (/** @type {string} */ line) => console.log(line) }),
    });
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    const message =
      code === 'EADDRINUSE'
        ? `Port ${values.port ?? DEFAULTS.port} is in use; pass another with --port, or --port 0 for a free one.`
        : /** @type {Error} */ (error).message;
    console.error(`autocollect-sandbox: ${message}`);
    return 2;
  }
  const { baseUrl, tokenUrl, legacyUrl, controlUrl, organizationId, clientId, clientSecret, webhookSecret } = sandbox;
  const given = (/** @type {unknown} */ value) => (value === undefined ? ' (default)' : '');
  console.log(
    [
      'AutoCollect sandbox',
      `  API             ${baseUrl}`,
      `  Token URL       ${tokenUrl}`,
      `  Legacy API      ${legacyUrl}`,
      `  Control         ${controlUrl}`,
      `  Organization    ${organizationId}`,
      `  Client id       ${clientId}${given(values['client-id'])}`,
      `  Client secret   ${clientSecret}${given(values['client-secret'])}`,
      `  Webhook URLs    ${values['webhook-url']?.join(', ') ?? 'none (add one: POST /_sandbox/webhooks)'}`,
      `  Webhook secret  ${webhookSecret}${given(values['webhook-secret'])}`,
      `  Batch delay     ${values['batch-delay-ms'] ?? DEFAULTS.batchDelayMs} ms${given(values['batch-delay-ms'])}`,
      `  Token lifetime  ${values['token-ttl-seconds'] ?? DEFAULTS.tokenTtlSeconds} s${given(values['token-ttl-seconds'])}`,
      `  Faults          ${sandbox.faults()}`,
    ].join('\n'),
  );
  if (!/^(127\.|localhost$|\[?::1\]?$)/.test(values.host ?? DEFAULTS.host)) {
    console.log(`  Listening on ${values.host}: other machines can reach this sandbox.`);
  }
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Started by a program with an IPC channel (a test runner, a script): stop when it goes away.
  if (process.connected) process.once('disconnect', stop);
  return undefined;
}

/** `--name 12` as { name: 12 }, or a TypeError naming the flag. @param {string} name @param {string | undefined} value */
function number(name, value) {
  if (value === undefined) return {};
  if (!/^\d+$/.test(value))
    throw new TypeError(
      `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be a whole number; got "${value}".`,
    );
  return { [name]: Number(value) };
}

/** Sends one signed example delivery of an event. @param {string[]} argv */
async function trigger(argv) {
  const contract = new Contract();
  const events = contract.webhookEvents();
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { to: { type: 'string' }, secret: { type: 'string' } },
    });
  } catch (error) {
    console.error(`${/** @type {Error} */ (error).message}\n\n${USAGE}`);
    return 2;
  }
  const [event] = parsed.positionals;
  const { to, secret } = parsed.values;
  if (!event || !events.includes(event) || !to || !secret) {
    const problem =
      !event || !events.includes(event) ? `Name an event: ${events.join(', ')}.` : 'Pass --to URL and --secret SECRET.';
    console.error(`${problem}\n\n${USAGE}`);
    return 2;
  }
  if (!URL.canParse(to) || !/^https?:$/.test(new URL(to).protocol)) {
    console.error(`--to must be an absolute http(s) URL, such as http://127.0.0.1:3000/webhooks; got "${to}".`);
    return 2;
  }
  // The spec's own example of the event, as a new event: its own id and the time now.
  const payload = { ...contract.webhookExample(event), id: randomUUID(), timeStamp: new Date().toISOString() };
  const body = JSON.stringify(payload);
  const headers = deliveryHeaders(event, payload.id, body, secret);
  try {
    const response = await fetch(to, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.text()).slice(0, 500);
    console.log(`POST ${to} ${event} → ${response.status}${answer ? `\n${answer}` : ''}`);
    return response.ok ? 0 : 1;
  } catch (error) {
    const cause = /** @type {{ cause?: { message?: string } }} */ (error).cause;
    console.error(`POST ${to} ${event} failed: ${cause?.message ?? /** @type {Error} */ (error).message}`);
    return 1;
  }
}
