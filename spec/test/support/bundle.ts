import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a bundle that `npm run bundle` wrote into spec/dist/. */
export function loadBundle(file = 'openapi.json'): any {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../dist/${file}`, import.meta.url)), 'utf8'));
}

export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
  operation: any;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation of a bundled document, with where it lives. */
export function listOperations(document: any): OperationRef[] {
  return Object.entries<any>(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      operationId: item[method].operationId,
      method,
      path,
      operation: item[method],
    })),
  );
}
