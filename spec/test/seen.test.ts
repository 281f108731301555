import { describe, expect, it } from 'vitest';
import {
  SEEN_ENUMS,
  SEEN_PROPERTIES,
  SEEN_QUERY_PARAMETERS,
  SEEN_URLS,
  SEEN_WEBHOOK_HEADERS,
} from './fixtures/seen.js';
import { deref, enumOf, listOperations, loadApi, schemaProperties } from './support/bundle.js';

/** The schema at `Component.prop.prop[]`, following $refs and allOf. */
function schemaAt(document: any, location: string): any {
  const [component, ...steps] = location.split('.');
  let schema = deref(document, document.components.schemas[component!]);
  for (const step of steps) {
    const name = step.replace(/\[\]$/, '');
    schema = deref(document, schemaProperties(document, schema)[name]);
    if (step.endsWith('[]')) schema = deref(document, schema.items);
  }
  if (!schema) throw new Error(`No schema at ${location}.`);
  return schema;
}

describe('everything Amili shows is in the spec', () => {
  describe.each(Object.entries(SEEN_PROPERTIES))('%s properties', (api, schemas) => {
    const document = loadApi(api);
    it.each(Object.entries(schemas))('%s', (location, names) => {
      const present = Object.keys(schemaProperties(document, schemaAt(document, location)));
      expect(names.filter((name) => !present.includes(name))).toEqual([]);
    });
  });

  describe('enum values', () => {
    const document = loadApi('autocollect@v1');
    it.each(Object.entries(SEEN_ENUMS))('%s', (location, values) => {
      expect(enumOf(schemaAt(document, location), document)?.values).toEqual(expect.arrayContaining(values));
    });
  });

  describe.each(Object.entries(SEEN_QUERY_PARAMETERS))(
    "%s query parameters, with Amili's casing",
    (api, byOperation) => {
      const operations = listOperations(loadApi(api));
      const document = loadApi(api);
      it.each(Object.entries(byOperation))('%s', (operationId, names) => {
        const operation = operations.find((op) => op.operationId === operationId)!.operation;
        const query = (operation.parameters ?? [])
          .map((p: any) => deref(document, p))
          .filter((p: any) => p.in === 'query');
        expect(query.map((p: any) => p.name)).toEqual(expect.arrayContaining(names));
      });
    },
  );

  it('webhook deliveries carry the documented headers', () => {
    const document = loadApi('autocollect@v1');
    for (const { operationId, operation } of listOperations(document, 'webhooks')) {
      const headers = operation.parameters.map((p: any) => deref(document, p)).filter((p: any) => p.in === 'header');
      expect(
        headers.map((h: any) => h.name),
        operationId,
      ).toEqual(SEEN_WEBHOOK_HEADERS);
    }
  });

  it('the servers, token URLs and the known scope', () => {
    const document = loadApi('autocollect@v1');
    // Amili's servers, and last the local sandbox's (not Amili's: `npm start` serves it).
    const amilis = (api: string) =>
      loadApi(api)
        .servers.filter((s: any) => s.description !== 'Sandbox')
        .map((s: any) => s.url);
    expect(amilis('autocollect@v1')).toEqual(SEEN_URLS.servers);
    for (const api of ['autocollect@v1', 'identity@v1', 'legacy@v1']) {
      expect(new URL(loadApi(api).servers.at(-1).url).host, api).toBe('127.0.0.1:4010');
    }
    const schemes = Object.values<any>(document.components.securitySchemes);
    expect(schemes.map((s) => s.flows.clientCredentials.tokenUrl)).toEqual(SEEN_URLS.tokenUrls);
    for (const scheme of schemes) expect(Object.keys(scheme.flows.clientCredentials.scopes)).toContain(SEEN_URLS.scope);
    expect(amilis('identity@v1')).toEqual(SEEN_URLS.identityServers);
  });
});
