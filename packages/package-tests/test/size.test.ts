import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, inject, it } from 'vitest';

const consumerDir = inject('consumerDir');

/**
 * Size budgets (bytes) for what a bundler ships of each entry of the packed client,
 * minified, openapi-fetch included. Raise one only with a reason in the commit.
 */
const BUDGETS = {
  '@autocollect/client': { minified: 25_000, gzip: 9_000 },
  '@autocollect/client/webhooks': { minified: 3_200, gzip: 2_000 },
};

async function bundleSize(entry: string) {
  const result = await build({
    stdin: { contents: `export * from '${entry}';`, resolveDir: consumerDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs),
  };
}

describe('size budget of the packed client, minified and gzipped', () => {
  it.each(Object.entries(BUDGETS))('%s stays within its budget', async (entry, budget) => {
    const { inputs: _, ...size } = await bundleSize(entry);
    console.log(
      `${entry}: ${size.minified} B minified, ${size.gzip} B gzip (budget ${budget.minified} / ${budget.gzip})`,
    );
    expect(size.minified).toBeLessThanOrEqual(budget.minified);
    expect(size.gzip).toBeLessThanOrEqual(budget.gzip);
  });

  it('the webhooks entry pulls in none of the HTTP client', async () => {
    const { inputs } = await bundleSize('@autocollect/client/webhooks');
    const files = inputs.filter((input) => input !== '<stdin>').map((input) => input.replace(/^.*node_modules\//, ''));
    expect(files.sort()).toEqual([
      '@autocollect/client/dist/errors.js',
      '@autocollect/client/dist/generated/autocollect.meta.js',
      '@autocollect/client/dist/webhooks.js',
    ]);
  });
});
