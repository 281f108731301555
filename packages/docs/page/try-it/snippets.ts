// "Copy as curl" and "Copy as TypeScript" of exactly what was sent: the method, URL, headers
// and body that went out (the token as $TOKEN, fetched first), or the same call with the client.
import { tokenCommand } from '../../../sandbox/src/credentials.js';
import { literal, shellQuote } from '../../scripts/literals.js';
import type { Credentials, Request, Sent } from './send.js';

/** Headers the client adds itself, which a copy through the client leaves to it. */
const CLIENT_HEADERS = new Set(['accept', 'content-type', 'content-length']);

export function asCurl(sent: Sent, credentials: Credentials, secured: boolean): string {
  const lines = [`curl -X ${sent.method} ${shellQuote(sent.url)}`];
  for (const [name, value] of sent.headers) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (secured) lines.push('-H "Authorization: Bearer $TOKEN"');
  if (sent.body !== undefined) lines.push(`-d ${shellQuote(sent.body)}`);
  const command = lines.join(' \\\n  ');
  if (!secured) return command;
  const tokenUrl = `${new URL(sent.url).origin}/token`;
  return `${tokenCommand({ tokenUrl, ...credentials })}\n${command}`;
}

export function asTypeScript(request: Request, sent: Sent): string {
  const { api, server, credentials, operation, params, body } = request;
  if (api === 'identity@v1') return asFetch(sent);
  const legacy = api === 'legacy@v1';
  const factory = legacy ? 'createAutoCollectLegacyClient' : 'createAutoCollectClient';
  // The header parameters as sent, the idempotency key the client made among them.
  const header = Object.fromEntries(
    sent.headers.filter(
      ([name]) =>
        !CLIENT_HEADERS.has(name) &&
        operation.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === name),
    ),
  );
  const parts = Object.entries({ ...params, header })
    .filter(([, values]) => Object.keys(values).length > 0)
    .map(([where, values]) => `${where}: ${literal(values).replaceAll(/\n\s*/g, ' ')}`);
  const init = [
    ...(parts.length ? [`params: { ${parts.join(', ')} }`] : []),
    ...(body === undefined ? [] : [`body: ${literal(body, 2)}`]),
  ];
  return [
    ...(legacy
      ? ["import { unwrap } from '@autocollect/client';", `import { ${factory} } from '@autocollect/client/legacy';`]
      : [`import { ${factory}, unwrap } from '@autocollect/client';`]),
    '',
    `const client = ${factory}({`,
    `  baseUrl: ${JSON.stringify(server)},`,
    `  auth: { clientId: ${JSON.stringify(credentials.clientId)}, clientSecret: ${JSON.stringify(credentials.clientSecret)}, tokenUrl: ${JSON.stringify(`${new URL(server).origin}/token`)} },`,
    '});',
    `const result = await client.${operation.method}('${operation.path}'${init.length ? `, {\n  ${init.join(',\n  ')},\n}` : ''});`,
    'console.log(unwrap(result));',
  ].join('\n');
}

/** The token request as fetch sends it. */
function asFetch(sent: Sent): string {
  return [
    `const response = await fetch(${JSON.stringify(sent.url)}, {`,
    `  method: '${sent.method}',`,
    `  headers: ${literal(Object.fromEntries(sent.headers), 2)},`,
    ...(sent.body === undefined ? [] : [`  body: ${JSON.stringify(sent.body)},`]),
    '});',
    'console.log(response.status, await response.json());',
  ].join('\n');
}
