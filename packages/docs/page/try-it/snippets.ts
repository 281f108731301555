// "Copy as curl" of exactly what was sent: the method, URL, headers and body that went out (the
// token as $TOKEN, fetched first); "Copy as TypeScript" of the same call made with the client,
// which adds its own headers (and idempotency key).
import { tokenCommand } from '../../../sandbox/src/credentials.js';
import { literal, shellQuote } from '../../scripts/literals.js';
import type { Parameter } from './description.js';
import type { Credentials, Request, Sent } from './send.js';
import { tokenUrlFor } from './token-url.js';

export function asCurl(sent: Sent, credentials: Credentials, secured: boolean, api = 'autocollect@v1'): string {
  const lines = [`curl -X ${sent.method} ${shellQuote(sent.url)}`];
  for (const [name, value] of sent.headers) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (secured) lines.push('-H "Authorization: Bearer $TOKEN"');
  if (sent.body !== undefined) lines.push(`-d ${shellQuote(sent.body)}`);
  const command = lines.join(' \\\n  ');
  if (!secured) return command;
  const tokenUrl = tokenUrlFor(api, sent.url);
  return `${tokenCommand({ tokenUrl, ...credentials })}\n${command}`;
}

export function asTypeScript(request: Request, sent: Sent): string {
  // The token request is copied as sent; a call of the client's as the client makes it.
  const { api, server, credentials, operation, params, body } = request;
  if (api === 'identity@v1') return asFetch(sent);
  const legacy = api === 'legacy@v1';
  const factory = legacy ? 'createAutoCollectLegacyClient' : 'createAutoCollectClient';
  // The parameters as the panel gave them: an idempotency key the client made is left to the
  // copy's client, which makes one of its own (the panel's would make a changed copy a repeat).
  const parts = Object.entries(params)
    .filter(([, values]) => Object.keys(values).length > 0)
    .map(([where, values]) => {
      const typed = Object.entries(values).map(([name, value]) => {
        const parameter = operation.parameters.find((p) => p.in === where && p.name === name);
        return [name, where === 'header' ? value : typedValue(value, parameter)];
      });
      return `${where}: ${literal(Object.fromEntries(typed)).replaceAll(/\n\s*/g, ' ')}`;
    });
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
    `  auth: { clientId: ${JSON.stringify(credentials.clientId)}, clientSecret: ${JSON.stringify(credentials.clientSecret)}, tokenUrl: ${JSON.stringify(tokenUrlFor(api, server))} },`,
    '});',
    `const result = await client.${operation.method}('${operation.path}'${init.length ? `, {\n  ${init.join(',\n  ')},\n}` : ''});`,
    'console.log(unwrap(result));',
  ].join('\n');
}

/** A field's text as the value its parameter's type says: a number, or true or false, where it reads as one. */
function typedValue(text: string, parameter: Parameter | undefined): unknown {
  const type = parameter?.type;
  if ((type === 'integer' || type === 'number') && text.trim() !== '' && Number.isFinite(Number(text)))
    return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
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
    'export {}; // a module, for its top-level await',
  ].join('\n');
}
