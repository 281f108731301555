import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The bundled description the docs were built from. */
export const bundle = JSON.parse(readFileSync(require.resolve('@autocollect/spec/openapi.json'), 'utf8'));

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export const operations: { operationId: string; summary: string; tags: string[] }[] = Object.values<any>(bundle.paths).flatMap(
  (item) => METHODS.filter((method) => item[method]).map((method) => item[method]),
);
