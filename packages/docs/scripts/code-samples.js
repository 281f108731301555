// @ts-check
// Generates, for every operation of a description, a TypeScript sample that uses
// @autocollect/client and a curl command, from the operation's own parameters,
// examples and extensions, each twice: against Amili, and against the local sandbox
// (its `Sandbox` server and default credentials), where it runs as written. Nothing
// here is written per operation.
import { listOperations, mediaTypeExample, successResponse } from '@autocollect/spec/description';
import { DEFAULT_CREDENTIALS as SANDBOX, tokenCommand } from '../../sandbox/src/credentials.js';
import { caseActionExamples } from '../../sandbox/src/examples.js';
import { formatTypeScript } from './format-samples.js';
import { literal, shellQuote } from './literals.js';

/** @typedef {import('@autocollect/spec/description').OperationRef} OperationRef */

/**
 * How each description's samples create their client, and the name its servers go by.
 * @type {Record<string, { module: string, factory: string, servers: string } | undefined>}
 */
const CLIENTS = {
  'autocollect@v1': { module: '@autocollect/client', factory: 'createAutoCollectClient', servers: 'servers' },
  'legacy@v1': {
    module: '@autocollect/client/legacy',
    factory: 'createAutoCollectLegacyClient',
    servers: 'legacyServers',
  },
};

/**
 * Where a sample sends: Amili (its first server, credentials from the environment) or the
 * sandbox (its `Sandbox` server, the sandbox's default credentials, and the case each case
 * action needs, which the sandbox holds ready).
 * @typedef {{ label: string, server: string, serverName: string | undefined, credentials: string, clientId: string, clientSecret: string, token: string, pathExamples: Record<string, Record<string, string>> }} Target
 */

/** @param {any} document @returns {Target[]} */
function targets(document) {
  const sandbox = (document.servers ?? []).find((/** @type {any} */ server) => server.description === 'Sandbox');
  /** @type {Target[]} */
  const list = [
    {
      label: '',
      server: document.servers[0].url,
      serverName: undefined,
      credentials:
        "auth: { clientId: process.env.AMILI_CLIENT_ID ?? '', clientSecret: process.env.AMILI_CLIENT_SECRET ?? '' }",
      clientId: '$AMILI_CLIENT_ID',
      clientSecret: '$AMILI_CLIENT_SECRET',
      token: '$AMILI_TOKEN',
      pathExamples: {},
    },
  ];
  if (sandbox) {
    list.push({
      label: ' (sandbox)',
      server: sandbox.url,
      serverName: 'sandbox',
      credentials: `auth: { clientId: '${SANDBOX.clientId}', clientSecret: '${SANDBOX.clientSecret}' }`,
      clientId: SANDBOX.clientId,
      clientSecret: SANDBOX.clientSecret,
      token: '$TOKEN',
      pathExamples: caseActionExamples(document),
    });
  }
  return list;
}

/** @typedef {{ path: Record<string, unknown>, query: Record<string, unknown> }} SampleParameters */

/**
 * The parameters a sample passes: path parameters and required query parameters, with their
 * examples (a path parameter the target names for the operation, with that).
 * @param {any[]} all
 * @param {Record<string, string>} [pathExamples]
 * @returns {SampleParameters}
 */
function sampleParameters(all, pathExamples = {}) {
  const pick = (/** @type {string} */ where) =>
    Object.fromEntries(
      all
        .filter((p) => p.in === where && (where === 'path' || p.required))
        .map((p) => [p.name, (where === 'path' && pathExamples[p.name]) || p.example]),
    );
  return { path: pick('path'), query: pick('query') };
}

/** A value as a literal on one line: Biome lays the sample out (format-samples.js). */
const inline = (/** @type {unknown} */ value) => literal(value).replaceAll(/\n\s*/g, ' ');

/** @param {SampleParameters} params */
function paramsLiteral({ path, query }) {
  const parts = [];
  if (Object.keys(path).length) parts.push(`path: ${inline(path)}`);
  if (Object.keys(query).length) parts.push(`query: ${inline(query)}`);
  return parts.length ? `params: { ${parts.join(', ')} }` : undefined;
}

/**
 * @param {any} document
 * @param {{ module: string, factory: string, servers: string }} client
 * @param {OperationRef} entry
 * @param {Target} target
 */
function typeScriptSample(document, { module, factory, servers }, { method, path, operation, parameters }, target) {
  const params = sampleParameters(parameters, target.pathExamples[operation.operationId]);
  const init = [paramsLiteral(params)];
  const body = mediaTypeExample(document, Object.values(operation.requestBody?.content ?? {})[0]);
  if (body !== undefined) init.push(`body: ${inline(body)}`);
  const options = init.filter(Boolean);
  const initText = options.length ? `, { ${options.join(', ')} }` : '';
  const usesUnwrap = !operation['x-pagination'];
  const names = [factory, ...(target.serverName ? [servers] : [])];
  const lines =
    module === '@autocollect/client'
      ? [`import { ${[...names, ...(usesUnwrap ? ['unwrap'] : [])].sort().join(', ')} } from '${module}';`]
      : [
          ...(usesUnwrap ? ["import { unwrap } from '@autocollect/client';"] : []),
          `import { ${names.sort().join(', ')} } from '${module}';`,
        ];
  lines.push('');
  if (target.serverName) lines.push('// The local sandbox: `npm start`, or `npx autocollect-sandbox`.');
  lines.push(`const client = ${factory}({`);
  if (target.serverName) lines.push(`  baseUrl: ${servers}.${target.serverName},`);
  lines.push(`  ${target.credentials},`, '});', '');
  if (operation['x-pagination']) {
    lines.push(`for await (const item of client.paginate('${path}'${initText})) {`, '  console.log(item);', '}');
  } else if (answersNoBody(document, operation)) {
    // The spec gives its success no body: what there is to show is that it succeeded.
    lines.push(`const result = await client.${method.toUpperCase()}('${path}'${initText});`);
    lines.push('unwrap(result); // an ApiError unless it succeeded');
    lines.push('console.log(result.response.status);');
  } else {
    lines.push(`const result = await client.${method.toUpperCase()}('${path}'${initText});`);
    lines.push(`const data = unwrap(result);`);
    if (operation['x-batch']) {
      const organizationId = JSON.stringify(params.path.organizationId);
      lines.push(`// The work happens later, in a batch: wait for it to finish.`);
      lines.push(
        `const batch = await client.waitForBatch({ organizationId: ${organizationId}, batchId: data.data.batchId });`,
      );
      lines.push(`console.log(batch.status, batch.succeeded, batch.failed);`);
    } else {
      lines.push('console.log(data);');
    }
  }
  return lines.join('\n');
}

/**
 * Whether an operation's success has no body in the spec (a case action's 202, say).
 * @param {any} document
 * @param {any} operation
 */
function answersNoBody(document, operation) {
  const success = successResponse(document, operation);
  return success !== undefined && !success.content;
}

/** @param {string} name */
function webhookSample(name) {
  return [
    "import { parseWebhookEvent } from '@autocollect/client/webhooks';",
    '',
    '// Call this from your HTTP handler, with the raw body',
    '// and the request headers.',
    'export async function onAmiliWebhook(rawBody: string, headers: Headers) {',
    "  const event = await parseWebhookEvent({ payload: rawBody, headers, secret: process.env.AMILI_WEBHOOK_SECRET ?? '' });",
    `  if (event.type === '${name}') {`,
    '    console.log(event.payload.data);',
    '  }',
    '}',
  ].join('\n');
}

/**
 * @param {any} document
 * @param {OperationRef} entry
 * @param {Target} target
 */
function curlSample(document, { method, path, operation, parameters }, target) {
  const params = sampleParameters(parameters, target.pathExamples[operation.operationId]);
  const { server } = target;
  const url = new URL(
    server +
      path.replace(/\{(\w+)\}/g, (_, /** @type {string} */ name) => encodeURIComponent(String(params.path[name]))),
  );
  for (const [name, value] of Object.entries(params.query)) url.searchParams.set(name, String(value));
  const lines = [`curl -X ${method.toUpperCase()} ${shellQuote(url.toString())}`];
  const content = operation.requestBody?.content ?? {};
  const [contentType] = Object.keys(content);
  const isTokenRequest = contentType === 'application/x-www-form-urlencoded';
  if (!isTokenRequest) lines.push(`-H "Authorization: Bearer ${target.token}"`);
  const idempotent = parameters.find((p) => p.in === 'header' && /idempotency/i.test(p.name));
  // A new key each run, from Node (which the token line needs too): uuidgen is not everywhere.
  if (idempotent) lines.push(`-H "${idempotent.name}: $(node -p 'crypto.randomUUID()')"`);
  const body = contentType === undefined ? undefined : mediaTypeExample(document, content[contentType]);
  if (isTokenRequest) {
    lines.push(
      '-d grant_type=client_credentials',
      `-d "client_id=${target.clientId}"`,
      `-d "client_secret=${target.clientSecret}"`,
    );
  } else if (body !== undefined) {
    lines.push(`-H 'Content-Type: ${contentType}'`, `-d ${shellQuote(JSON.stringify(body))}`);
  }
  // A success without a body would print nothing: its status says it succeeded (on a line of
  // its own, after a refusal's body).
  if (answersNoBody(document, operation)) lines.push(`-w '\\n%{http_code}\\n'`);
  const command = lines.join(' \\\n  ');
  // Against the sandbox, the sample gets its own token first.
  if (target.serverName && !isTokenRequest) {
    const origin = new URL(server).origin;
    return `${tokenCommand({ tokenUrl: `${origin}/token`, clientId: target.clientId, clientSecret: target.clientSecret })}\n${command}`;
  }
  return command;
}

/**
 * Adds `x-codeSamples` (TypeScript and curl) to every operation and webhook of a description.
 * @param {any} document
 * @param {string} api its name in redocly.yaml
 */
export function addCodeSamples(document, api) {
  const client = CLIENTS[api];
  for (const entry of listOperations(document)) {
    const samples = [];
    for (const target of targets(document)) {
      // Redoc shows one sample per language: the sandbox's are languages of their own (redocly.yaml).
      const label = (/** @type {string} */ lang) => `${lang}${target.label}`;
      if (client) {
        const source = typeScriptSample(document, client, entry, target);
        samples.push({ lang: label('TypeScript'), label: label('TypeScript'), source });
      } else if (api === 'identity@v1') {
        samples.push({ lang: label('TypeScript'), label: label('TypeScript'), source: tokenSample(target) });
      }
      samples.push({ lang: label('curl'), label: label('curl'), source: curlSample(document, entry, target) });
    }
    entry.operation['x-codeSamples'] = samples;
  }
  for (const [name, item] of Object.entries(document.webhooks ?? {})) {
    item.post['x-codeSamples'] = [{ lang: 'TypeScript', label: 'TypeScript', source: webhookSample(name) }];
  }
  return document;
}

/**
 * Lays out the TypeScript samples of every page to fit the sample pane, all at once.
 * @param {any[]} documents descriptions whose samples addCodeSamples added
 */
export function formatTypeScriptSamples(documents) {
  const samples = documents.flatMap((document) =>
    [...listOperations(document), ...listOperations(document, 'webhooks')].flatMap(({ operation }) =>
      (operation['x-codeSamples'] ?? []).filter((/** @type {any} */ sample) => sample.lang.startsWith('TypeScript')),
    ),
  );
  const formatted = formatTypeScript(samples.map((sample) => sample.source));
  samples.forEach((sample, i) => {
    sample.source = formatted[i];
  });
}

/** @param {Target} target */
function tokenSample(target) {
  return [
    "import { createAutoCollectClient, servers } from '@autocollect/client';",
    '',
    '// The client requests this token itself, caches it until shortly',
    '// before expires_on, and fetches a new one when it nears expiry',
    '// or the API answers 401.',
    'const client = createAutoCollectClient({',
    `  baseUrl: servers.${target.serverName ?? 'production'},`,
    `  ${target.credentials},`,
    '});',
  ].join('\n');
}
