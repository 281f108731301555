// A property an operation does not have fails to compile, for every operation of both
// clients: in the body (at every level of the spec's example: the body, its items, their
// debtors and addresses), in path, query and header parameters, and in the init itself.
// Each call is written out from the spec and type-checked by the real compiler: the call
// as the spec shows it compiles, and each one with a property added has exactly that error.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { deref, listOperations, mediaTypeExample } from '@autocollect/spec/walk';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { typeCheckSnippets } from '../../../scripts/typecheck.js';
import type { AutoCollectClient } from '../src/index.js';

const require = createRequire(import.meta.url);
const packageDir = fileURLToPath(new URL('../', import.meta.url));
const EXTRA = 'notInTheSpec';

const CLIENTS = [
  { description: 'openapi', create: 'createAutoCollectClient', module: 'index' },
  { description: 'legacy', create: 'createAutoCollectLegacyClient', module: 'legacy' },
] as const;

interface Call {
  client: string;
  operationId: string;
  /** Where the property was added; undefined for the call as the spec shows it. */
  where: string | undefined;
  code: string;
}

/** A value of a parameter's type: its example, else a placeholder of its schema's type. */
function parameterValue(document: any, parameter: any): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const schema = deref(document, parameter.schema) ?? {};
  return schema.type === 'integer' || schema.type === 'number' ? 1 : schema.type === 'boolean' ? true : 'x';
}

/** Every object in a value, by where it is ("body.invoices[0]"), the value itself first. */
function objectsIn(value: unknown, where: string): [string, Record<string, unknown>][] {
  if (Array.isArray(value)) return value.length ? objectsIn(value[0], `${where}[0]`) : [];
  if (value === null || typeof value !== 'object') return [];
  return [
    [where, value as Record<string, unknown>],
    ...Object.entries(value).flatMap(([key, inner]) => objectsIn(inner, `${where}.${key}`)),
  ];
}

/** The call as the spec shows it, then one with a property added at each place it can go. */
function callsOf(client: (typeof CLIENTS)[number]): Call[] {
  const document = JSON.parse(readFileSync(require.resolve(`@autocollect/spec/${client.description}.json`), 'utf8'));
  return listOperations(document).flatMap(({ operationId, method, path, operation, parameters }) => {
    const params: Record<string, Record<string, unknown>> = {};
    for (const parameter of parameters) {
      if (!parameter.required && parameter.in !== 'path') continue;
      params[parameter.in] ??= {};
      params[parameter.in]![parameter.name] = parameterValue(document, parameter);
    }
    const content = deref(document, operation.requestBody)?.content ?? {};
    const body = mediaTypeExample(document, content['application/json'] ?? Object.values(content)[0]);
    const init = (change?: (init: any) => void) => {
      const value: any = structuredClone({
        ...(Object.keys(params).length && { params }),
        ...(body !== undefined && { body }),
      });
      change?.(value);
      return value;
    };
    const call = (where: string | undefined, value: object) => ({
      client: client.create,
      operationId,
      where,
      code: `await ${client.create}Client.${method.toUpperCase()}(${JSON.stringify(path)}, ${JSON.stringify(value)});`,
    });
    const locations = new Set(parameters.map((parameter) => parameter.in as string));
    return [
      call(undefined, init()),
      call(
        'init',
        init((value) => Object.assign(value, { [EXTRA]: 1 })),
      ),
      ...[...locations].map((location) =>
        call(
          `params.${location}`,
          init((value) => {
            value.params ??= {};
            value.params[location] = { ...value.params[location], [EXTRA]: 'x' };
          }),
        ),
      ),
      ...objectsIn(body, 'body').map(([where]) =>
        call(
          where,
          init((value) => {
            const at = (where.match(/\[0\]|[^.[\]]+/g) ?? []).reduce(
              (node: any, key) => (key === '[0]' ? node[0] : node[key]),
              { body: value.body },
            );
            Object.assign(at, { [EXTRA]: 1 });
          }),
        ),
      ),
    ];
  });
}

describe('a property the operation does not have', () => {
  it('fails to compile wherever it is added, for every operation; the call as the spec shows it compiles', () => {
    const calls = CLIENTS.flatMap(callsOf);
    const lines = CLIENTS.flatMap((client) => [
      `import { ${client.create} } from '${packageDir}src/${client.module}.js';`,
      `const ${client.create}Client = ${client.create}({ baseUrl: 'http://127.0.0.1:1', auth: { accessToken: 'token' } });`,
    ]);
    const first = lines.length + 1;
    lines.push(...calls.map((call) => call.code), 'export {};');
    const result = typeCheckSnippets(
      `${packageDir}test-results/excess-properties/`,
      { 'calls.ts': lines.join('\n') },
      { types: [] },
    );
    const errors = new Map<number, string[]>();
    for (const [, line, message] of result.output.matchAll(/calls\.ts\((\d+),\d+\): error (TS\d+: .*)/g))
      errors.set(Number(line), [...(errors.get(Number(line)) ?? []), message!]);

    const found = calls.map((call, index) => ({
      call: `${call.operationId} ${call.where ?? 'as the spec shows it'}`,
      errors: (errors.get(first + index) ?? []).map((message) =>
        message.startsWith('TS2353') && message.includes(`${EXTRA}"' does not exist`) ? 'excess property' : message,
      ),
    }));
    const expected = calls.map((call) => ({
      call: `${call.operationId} ${call.where ?? 'as the spec shows it'}`,
      errors: call.where ? ['excess property'] : [],
    }));
    expect(found).toEqual(expected);
    expect(result.output.match(/error TS/g)?.length).toBe(calls.filter((call) => call.where).length);
    // Every operation, and every level of each body, was tried.
    for (const operationId of ['CreateInvoices', 'GetSettlements', 'LegacyPostBatch', 'LegacyPing'])
      expect(calls.some((call) => call.operationId === operationId)).toBe(true);
    expect(calls.map((call) => call.where)).toContain('body.invoices[0].debtors[0].addresses[0]');
  });
});

// The mistakes users make, as they make them: checked when the package's tests are
// type-checked (an error that stops showing fails the check, as an unused directive).
async function typos(client: AutoCollectClient, organizationId: string) {
  const path = { organizationId };
  await client.POST('/orgs/{organizationId}/invoices', {
    params: { path },
    // @ts-expect-error `debtor` for `debtors`
    body: { invoices: [{ invoiceNumber: '1', debtor: [{ name: 'Kari Nordmann' }] }] },
  });
  await client.POST('/orgs/{organizationId}/payments', {
    params: { path },
    // @ts-expect-error `ammount` for `amount`
    body: { payments: [{ ammount: 100 }] },
  });
  // @ts-expect-error `Statuss` for `Status`
  await client.GET('/orgs/{organizationId}/invoices', { params: { path, query: { Statuss: 'OPEN' } } });
  // @ts-expect-error `parms` for `params`
  await client.GET('/orgs/{organizationId}/invoices', { parms: { path } });
}

describe('the mistakes the compiler catches', () => {
  it('are type-checked with the tests', () => {
    expectTypeOf(typos).toBeFunction();
  });
});
