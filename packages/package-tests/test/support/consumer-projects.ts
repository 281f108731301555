// The consumer projects (test/fixtures/consumer) that installed the packed client as a user
// would, type-checked with each TypeScript version the client supports: one file per
// version, since each loads its own compiler.
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { compilerApi } from './typescript-api.js';

export const consumerDir = inject('consumerDir');
// plain-js: JavaScript with // @ts-check, as its users' editors check it.
export const PROJECTS = ['ts-esm-bundler', 'ts-cjs-node16', 'plain-js'];

/** Every project, type-checked through a TypeScript version's compiler API (typescript-5, typescript-6). */
export function typeChecksWith(name: string) {
  describe(`the packed client type-checks with ${name}`, () => {
    const compiler = compilerApi(name);
    it.each(PROJECTS)('in a %s project', (project) => {
      expect(compiler.check(join(consumerDir, project, 'tsconfig.json'))).toBe('');
    });
  });
}
