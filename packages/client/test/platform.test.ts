import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const srcDir = new URL('../src/', import.meta.url);
const sources = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
const importsOf = (file: string) =>
  [...readFileSync(new URL(file, srcDir), 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map(
    (m) => m[1]!,
  );

describe('the shipped code', () => {
  it('imports only openapi-fetch and its own modules, so it runs wherever fetch and WebCrypto do', () => {
    const foreign = sources.flatMap((file) =>
      importsOf(file)
        .filter((spec) => !spec.startsWith('./') && spec !== 'openapi-fetch')
        .map((spec) => `${file}: ${spec}`),
    );
    expect(sources.length).toBeGreaterThan(8);
    expect(foreign).toEqual([]);
  });

  it('keeps the webhooks entry free of the HTTP client', () => {
    const reachable = new Set<string>();
    const visit = (file: string) => {
      if (reachable.has(file)) return;
      reachable.add(file);
      for (const spec of importsOf(file)) if (spec.startsWith('./')) visit(spec.slice(2).replace(/\.js$/, '.ts'));
    };
    visit('webhooks.ts');
    expect([...reachable].sort()).toEqual([
      'errors.ts',
      'generated/autocollect.meta.ts',
      'generated/autocollect.ts',
      'webhooks.ts',
    ]);
  });
});
