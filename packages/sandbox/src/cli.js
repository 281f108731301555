// @ts-check
// The command line: `autocollect-sandbox [options]` serves a sandbox until stopped;
// `autocollect-sandbox trigger <EVENT> --to URL [--secret SECRET]` sends one signed example
// delivery to a webhook handler. Exit codes: 0 done, 1 failed, 2 misused.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { Contract, exampleOrganization } from './contract.js';
import { exampleEventData } from './example-events.js';
import { startSandbox } from './index.js';
import { nextSteps } from './next-steps.js';
import { DEFAULTS, ENVIRONMENT, optionsFromEnvironment } from './options.js';
import { deliveryHeaders, redirectedTo, webhookUrlProblem } from './webhooks.js';

const { version } = createRequire(import.meta.url)('../package.json');
const EXIT = { done: 0, failed: 1, misused: 2 };
/** How long trigger waits for the handler's answer, and for the start of its body. */
const TRIGGER_TIMEOUT_MS = 10_000;

/**
 * Every flag of the server: what it sets, what it does, and its default. The parser, the
 * help and the options passed to startSandbox are all made from this table.
 * @typedef {{ flag: string, value?: string, option?: keyof import('./options.js').SandboxOptions, kind?: 'number' | 'list', short?: string, does: string, default?: string }} Flag
 * @type {Flag[]}
 */
const FLAGS = [
  {
    flag: 'port',
    value: 'PORT',
    option: 'port',
    kind: 'number',
    does: 'The port to listen on; 0 picks a free one.',
    default: String(DEFAULTS.port),
  },
  {
    flag: 'host',
    value: 'HOST',
    option: 'host',
    does: 'The address to listen on; any but loopback lets other machines in.',
    default: DEFAULTS.host,
  },
  {
    flag: 'client-id',
    value: 'ID',
    option: 'clientId',
    does: 'The client id the token endpoint accepts (pass --client-secret with it).',
    default: DEFAULTS.clientId,
  },
  {
    flag: 'client-secret',
    value: 'SECRET',
    option: 'clientSecret',
    does: 'The client secret the token endpoint accepts.',
    default: DEFAULTS.clientSecret,
  },
  {
    flag: 'organization-id',
    value: 'UUID',
    option: 'organizationId',
    does: 'The organization the API acts for (or SANDBOX_ORGANIZATION_ID).',
    default: `${exampleOrganization().id} (the docs' examples' organization)`,
  },
  {
    flag: 'webhook-url',
    value: 'URL',
    option: 'webhookUrls',
    kind: 'list',
    does: 'Where webhook events are POSTed; repeat it for more (or SANDBOX_WEBHOOK_URL, comma-separated).',
    default: 'none',
  },
  {
    flag: 'webhook-secret',
    value: 'SECRET',
    option: 'webhookSecret',
    does: 'The secret webhook deliveries are signed with.',
    default: DEFAULTS.webhookSecret,
  },
  {
    flag: 'batch-delay-ms',
    value: 'MS',
    option: 'batchDelayMs',
    kind: 'number',
    does: 'How long a batch stays QUEUED; 0 processes it before the 202 is sent.',
    default: String(DEFAULTS.batchDelayMs),
  },
  {
    flag: 'token-ttl-seconds',
    value: 'SECONDS',
    option: 'tokenTtlSeconds',
    kind: 'number',
    does: 'How long an access token is valid.',
    default: String(DEFAULTS.tokenTtlSeconds),
  },
  {
    flag: 'faults',
    value: 'SPEC',
    option: 'faults',
    does: 'Faults to inject, such as "429=10%,503=5%,reset=2%,latency=200ms@50%,retry-after=2,seed=42".',
    default: 'none',
  },
  {
    flag: 'lenient',
    option: 'lenient',
    does: 'Accept request bodies with properties the description does not have. Otherwise they get 422, naming each.',
  },
  {
    flag: 'empty',
    does: "Start with no records. Otherwise it holds those the docs' examples name (an invoice, its case, batch and settlement, and a case ready for each case action), so every sample works as written.",
  },
  { flag: 'quiet', does: 'Print no line per request, nor of failing webhook deliveries.' },
  { flag: 'version', short: 'v', does: 'Print the version and exit.' },
  { flag: 'help', short: 'h', does: 'Print this help and exit.' },
];

/** Flags as help lists them: one a line, what it does, and its default. @param {Flag[]} flags */
const describeFlags = (flags) => {
  const names = flags.map(
    ({ flag, value, short }) => `${short ? `-${short}, ` : '    '}--${flag}${value ? ` ${value}` : ''}`,
  );
  const width = Math.max(...names.map((name) => name.length)) + 2;
  return flags
    .map(({ does, default: given }, i) => `  ${names[i]?.padEnd(width)}${does}${given ? ` Default: ${given}.` : ''}`)
    .join('\n');
};

const HELP = `autocollect-sandbox: a local, stateful Amili AutoCollect API to build and test against.

Usage:
  autocollect-sandbox [options]           Serve the API, its token endpoint and the legacy API until stopped.
  autocollect-sandbox trigger <EVENT> --to URL [--secret SECRET]
                                          Send one signed example webhook delivery (see trigger --help).

Options:
${describeFlags(FLAGS)}

Environment:
${Object.entries(ENVIRONMENT)
  .map(([name, flag]) => `  ${name.padEnd(29)}As ${flag}; the flag wins.`)
  .join('\n')}

Exit codes: 0 done, 1 failed (such as a port in use), 2 misused (a bad flag or value).`;

/** @param {string[]} argv @returns {Promise<number | undefined>} an exit code, or undefined while serving */
export async function main(argv) {
  if (argv[0] === 'trigger') return trigger(argv.slice(1));
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: Object.fromEntries(
        FLAGS.map(({ flag, value, kind, short }) => [
          flag,
          { type: value ? 'string' : 'boolean', ...(kind === 'list' && { multiple: true }), ...(short && { short }) },
        ]),
      ),
    }).values;
  } catch (error) {
    return misused(parseProblem(error, 'a command: trigger, or none to serve'));
  }
  if (values.help) return print(HELP);
  if (values.version) return print(version);
  let options;
  try {
    options = { ...optionsFromEnvironment(process.env), ...flagOptions(values) };
  } catch (error) {
    return misused(/** @type {Error} */ (error).message);
  }
  let sandbox;
  try {
    sandbox = await startSandbox({
      ...options,
      examples: !values.empty,
      ...(values.quiet ? {} : { log: (/** @type {string} */ line) => console.log(line) }),
    });
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code === 'EADDRINUSE') {
      console.error(
        `autocollect-sandbox: port ${options.port ?? DEFAULTS.port} is in use; pass another with --port, or --port 0 for a free one.`,
      );
      return EXIT.failed;
    }
    return misused(/** @type {Error} */ (error).message);
  }
  printBanner(sandbox, values, options);
  const stop = () => {
    void sandbox.close().then(() => process.exit(EXIT.done));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Started by a program with an IPC channel (a test runner, a script): stop when it goes away.
  if (process.connected) process.once('disconnect', stop);
  return undefined;
}

/** The startSandbox options the flags give. @param {Record<string, unknown>} values */
function flagOptions(values) {
  /** @type {Record<string, unknown>} */
  const options = {};
  for (const { flag, option, kind } of FLAGS) {
    const value = values[flag];
    if (option === undefined || value === undefined) continue;
    options[option] = kind === 'number' ? wholeNumber(flag, /** @type {string} */ (value)) : value;
  }
  return /** @type {import('./options.js').SandboxOptions} */ (options);
}

/** @param {string} flag @param {string} value */
function wholeNumber(flag, value) {
  if (!/^\d+$/.test(value)) throw new TypeError(`--${flag} must be a whole number; got "${value}".`);
  return Number(value);
}

/**
 * What it serves, with which credentials (defaults marked), then what to do next.
 * @param {import('./index.js').RunningSandbox} sandbox @param {Record<string, unknown>} values
 * @param {import('./options.js').SandboxOptions} options
 */
function printBanner(sandbox, values, options) {
  const { baseUrl, tokenUrl, legacyUrl, controlUrl, organizationId, clientId, clientSecret, webhookSecret } = sandbox;
  const given = (/** @type {unknown} */ value) => (value === undefined ? ' (default)' : '');
  console.log(
    [
      'AutoCollect sandbox',
      `  API             ${baseUrl}`,
      `  Token URL       ${tokenUrl}`,
      `  Legacy API      ${legacyUrl}`,
      `  Control         ${controlUrl}`,
      `  Organization    ${organizationId}${given(options.organizationId)}`,
      `  Client id       ${clientId}${given(options.clientId)}`,
      `  Client secret   ${clientSecret}${given(options.clientSecret)}`,
      `  Webhook URLs    ${options.webhookUrls?.join(', ') ?? 'none (add one: --webhook-url, or POST /_sandbox/webhooks)'}`,
      `  Webhook secret  ${webhookSecret}${given(options.webhookSecret)}`,
      `  Batch delay     ${options.batchDelayMs ?? DEFAULTS.batchDelayMs} ms${given(options.batchDelayMs)}`,
      `  Token lifetime  ${options.tokenTtlSeconds ?? DEFAULTS.tokenTtlSeconds} s${given(options.tokenTtlSeconds)}`,
      `  Faults          ${sandbox.faults()}`,
      `  Unknown fields  ${options.lenient ? 'accepted and ignored (--lenient)' : 'refused with 422, naming each (--lenient accepts them)'}`,
      `  Records         ${values.empty ? 'none (--empty)' : "those the docs' examples name: an invoice, its case, batch and settlement, and a case ready for each case action"}`,
      nextSteps(sandbox),
    ].join('\n'),
  );
  if (!/^(127\.|localhost$|\[?::1\]?$)/.test(String(values.host ?? DEFAULTS.host))) {
    console.log(`  Listening on ${values.host}: other machines can reach this sandbox.`);
  }
}

/**
 * What node's argument parser found wrong, in the CLI's words.
 * @param {unknown} error @param {string} positionals what the command takes besides options
 */
function parseProblem(error, positionals) {
  const { code, message } = /** @type {NodeJS.ErrnoException} */ (error);
  const named = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${named}.`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected "${named}"; it takes ${positionals}.`;
  return message;
}

/** @param {string} text */
function print(text) {
  console.log(text);
  return EXIT.done;
}

/** @param {string} problem @param {string} [help] */
function misused(problem, help = 'Run autocollect-sandbox --help for the options.') {
  console.error(`autocollect-sandbox: ${problem}\n${help}`);
  return EXIT.misused;
}

/** Sends one signed example delivery of an event. @param {string[]} argv */
async function trigger(argv) {
  const contract = new Contract();
  const events = contract.webhookEvents();
  const triggerHelp = `Usage: autocollect-sandbox trigger <EVENT> --to URL [--secret SECRET]

Sends one delivery of EVENT to URL, as Amili would: the description's example of the event,
with a new id and the time now, signed with SECRET. It prints the status your handler answered.

Events:
${events.map((event) => `  ${event.padEnd(20)}${contract.webhookSummary(event)}`).join('\n')}

Options:
${describeFlags([
  { flag: 'to', value: 'URL', does: 'Your webhook handler, such as http://127.0.0.1:3000/webhooks.' },
  {
    flag: 'secret',
    value: 'SECRET',
    does: 'The secret your handler verifies signatures with.',
    default: DEFAULTS.webhookSecret,
  },
  { flag: 'help', short: 'h', does: 'Print this help and exit.' },
])}

Exit codes: 0 your handler answered 2xx, 1 it answered otherwise or could not be reached, 2 misused.`;
  const seeHelp = 'Run autocollect-sandbox trigger --help for the events and options.';
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { to: { type: 'string' }, secret: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return misused(parseProblem(error, 'one event'), seeHelp);
  }
  if (parsed.values.help) return print(triggerHelp);
  const [event, ...extra] = parsed.positionals;
  const { to, secret = DEFAULTS.webhookSecret } = parsed.values;
  if (event === undefined) return misused(`name an event: ${events.join(', ')}.`, seeHelp);
  if (!events.includes(event))
    return misused(`"${event}" is not an event the sandbox knows; the events are ${events.join(', ')}.`, seeHelp);
  if (extra.length > 0) return misused(`one event at a time; "${extra.join(' ')}" is left over.`, seeHelp);
  if (!to)
    return misused("pass --to URL: your webhook handler's address, such as http://127.0.0.1:3000/webhooks.", seeHelp);
  const toProblem = webhookUrlProblem(to);
  if (toProblem) return misused(`--to ${toProblem}.`, seeHelp);
  // The spec's own example of the event, as a new event: its own id and the time now, and
  // what it says of the records it names as the sandbox's example records are.
  const example = contract.webhookExample(event);
  const payload = {
    ...example,
    id: randomUUID(),
    timeStamp: new Date().toISOString(),
    data: exampleEventData(contract.documents.openapi, example.data),
  };
  const body = JSON.stringify(payload);
  const headers = deliveryHeaders(event, payload.id, body, secret);
  // A timer, not AbortSignal.timeout: a test's fake clock drives it, as it drives the sandbox's.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), TRIGGER_TIMEOUT_MS);
  try {
    const response = await fetch(to, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: timeout.signal,
    });
    const answer = await startOf(response, 500);
    console.log(`POST ${to} ${event} → ${response.status}${answer ? `\n${answer}` : ''}`);
    const location = redirectedTo(response, to);
    if (location) {
      console.error(
        `Your handler redirected to ${location}: trigger does not follow redirects, nor do the sandbox's deliveries; pass that URL as --to.`,
      );
    }
    if ([400, 401, 403].includes(response.status)) {
      console.error(
        `Your handler refused the delivery: is --secret (${parsed.values.secret === undefined ? 'the default, ' : ''}"${secret}") the secret it verifies signatures with?`,
      );
    }
    return response.ok ? EXIT.done : EXIT.failed;
  } catch (error) {
    const cause = /** @type {{ cause?: { message?: string } }} */ (error).cause;
    const why = timeout.signal.aborted
      ? `no answer within ${TRIGGER_TIMEOUT_MS / 1000} s.`
      : (cause?.message ?? /** @type {Error} */ (error).message);
    console.error(`POST ${to} ${event} failed: ${why}`);
    return EXIT.failed;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The first `max` characters of an answer's body, the rest left unread: an endpoint may send
 * without end, faster than the timeout would stop it. A body the timeout cuts short is shown as
 * far as it came: the answer's status is what counts.
 * @param {Response} response @param {number} max
 */
async function startOf(response, max) {
  const decoder = new TextDecoder();
  let text = '';
  try {
    // Leaving the loop cancels the body.
    for await (const chunk of response.body ?? []) {
      text += decoder.decode(chunk, { stream: true });
      if (text.length >= max) break;
    }
  } catch {}
  return text.slice(0, max);
}
