import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The API descriptions redocly.yaml lists, by name, with the path of each bundle. */
export function listApis(): { name: string; bundle: string }[] {
  const { apis } = parse(readFileSync(`${repo}redocly.yaml`, 'utf8'));
  return Object.entries<any>(apis).map(([name, api]) => ({ name, bundle: `${repo}${api.output}` }));
}

/** Reads a bundle that `npm run bundle` wrote into spec/dist/. */
export function loadBundle(file = 'openapi.json'): any {
  return JSON.parse(readFileSync(`${repo}spec/dist/${file}`, 'utf8'));
}

export function loadApi(name: string): any {
  const api = listApis().find((a) => a.name === name);
  if (!api) throw new Error(`redocly.yaml lists no API named ${name}.`);
  return JSON.parse(readFileSync(api.bundle, 'utf8'));
}

export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
  operation: any;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation of a bundled document's paths (or, with `webhooks`, of its webhooks). */
export function listOperations(document: any, where: 'paths' | 'webhooks' = 'paths'): OperationRef[] {
  return Object.entries<any>(document[where] ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      operationId: item[method].operationId,
      method,
      path,
      operation: item[method],
    })),
  );
}

/** Follows local $refs (`#/components/...`) in a bundled document. */
export function deref(document: any, node: any): any {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((n: any, part: string) => n?.[part.replaceAll('~1', '/').replaceAll('~0', '~')], document);
  }
  return current;
}
