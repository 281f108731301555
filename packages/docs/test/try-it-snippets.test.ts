// What Try it's copy buttons write, for any server the panel was pointed at: TypeScript that
// compiles against the client (header parameters as the spec names them, numbers and booleans
// as such), and a token request to the endpoint the client itself would ask.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { typeCheckSnippets } from '../../../scripts/typecheck.js';
import { findOperation } from '../page/try-it/description.js';
import type { Request, Sent } from '../page/try-it/send.js';
import { asCurl, asTypeScript } from '../page/try-it/snippets.js';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
const bundle = JSON.parse(readFileSync(`${packageDir}dist/openapi.json`, 'utf8'));
const credentials = { clientId: 'sandbox-client', clientSecret: 'sandbox-secret' };
const organizationId = '0d87bfbd-f478-451c-aa73-91c208ce3e09';

/** A request as the panel makes it (every field a string), and what the client sent of it. */
function made(operationId: string, server: string, params: Request['params'], sent: Partial<Sent> = {}) {
  const operation = findOperation(bundle, operationId)!;
  const body = operation.body?.example;
  const request: Request = { api: 'autocollect@v1', server, credentials, operation, params, body };
  const headers = Object.entries(params.header).map(([name, value]) => [name.toLowerCase(), value] as [string, string]);
  const url = `${server}${operation.path.replace('{organizationId}', organizationId)}`;
  return { request, sent: { method: operation.method, url, headers, body: undefined, ...sent } };
}

describe("Try it's copies", () => {
  it('as TypeScript compile against the client: header names as the spec writes them, numbers as numbers', () => {
    const list = made('GetInvoicesByOrganization', 'http://127.0.0.1:4010/collection/v1', {
      path: { organizationId },
      query: { PageSize: '2', Status: 'OPEN' },
      header: {},
    });
    const create = made('CreateInvoices', 'https://api.staging.amili.no/collection/v1', {
      path: { organizationId },
      query: {},
      header: { IdempotencyKey: '5b0b3c1e-7f7a-4c55-9d5b-1b2f0c8e9a11' },
    });
    // A create the client gave a key of its own: a copy leaves the key to its own client, or an edited copy would be a repeat.
    const keyed = made('CreateInvoices', 'http://127.0.0.1:4010/collection/v1', {
      path: { organizationId },
      query: {},
      header: {},
    });
    keyed.sent.headers.push(['idempotencykey', '0f6a0a3e-2c7e-4f55-8d5b-1b2f0c8e9a12']);
    const copies = [list, create, keyed].map(({ request, sent }) => asTypeScript(request, sent));
    expect(copies[0]).toContain('query: { PageSize: 2, Status: "OPEN" }');
    expect(copies[1]).toContain('header: { IdempotencyKey: "5b0b3c1e-7f7a-4c55-9d5b-1b2f0c8e9a11" }');
    expect(copies[2]).not.toMatch(/IdempotencyKey|0f6a0a3e/);
    const { status, output } = typeCheckSnippets(
      `${packageDir}test-results/try-it-copies/`,
      Object.fromEntries(copies.map((copy, i) => [`copy-${i}.ts`, `${copy}\nexport {};\n`])),
      { types: ['node'] },
    );
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it("ask for a token where the client would: Amili's identity service for its servers, the sandbox's own /token", () => {
    const staging = made('GetInvoiceById', 'https://api.staging.amili.no/collection/v1', {
      path: { organizationId },
      query: {},
      header: {},
    });
    expect(asCurl(staging.sent, credentials, true)).toMatch(
      /^TOKEN=\$\(curl -s https:\/\/auth\.staging\.amili\.no\/token /,
    );
    expect(asTypeScript(staging.request, staging.sent)).toContain('tokenUrl: "https://auth.staging.amili.no/token"');
    const sandbox = made('GetInvoiceById', 'http://127.0.0.1:4010/collection/v1', {
      path: { organizationId },
      query: {},
      header: {},
    });
    expect(asCurl(sandbox.sent, credentials, true)).toMatch(/^TOKEN=\$\(curl -s http:\/\/127\.0\.0\.1:4010\/token /);
    // The legacy API names no staging server: on staging's host, staging's identity service.
    const legacy = { ...staging.sent, url: 'https://api.staging.amili.no/webapi/api/Batch' };
    expect(asCurl(legacy, credentials, true, 'legacy@v1')).toMatch(
      /^TOKEN=\$\(curl -s https:\/\/auth\.staging\.amili\.no\/token /,
    );
  });
});
