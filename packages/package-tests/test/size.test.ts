import { describe, expect, inject, it } from 'vitest';
import { bundleSize, SIZE_BUDGETS } from '../scripts/packed-checks.js';

const consumerDir = inject('consumerDir');

describe('size budget of the packed client, minified and gzipped', () => {
  it.each(Object.entries(SIZE_BUDGETS))('%s stays within its budget', async (entry, budget) => {
    const { inputs: _, ...size } = await bundleSize(entry, consumerDir);
    console.log(
      `${entry}: ${size.minified} B minified, ${size.gzip} B gzip (budget ${budget.minified} / ${budget.gzip})`,
    );
    expect(size.minified).toBeLessThanOrEqual(budget.minified);
    expect(size.gzip).toBeLessThanOrEqual(budget.gzip);
  });

  it('the webhooks entry pulls in none of the HTTP client', async () => {
    const { inputs } = await bundleSize('@autocollect/client/webhooks', consumerDir);
    const files = inputs.filter((input) => input !== '<stdin>').map((input) => input.replace(/^.*node_modules\//, ''));
    expect(files.sort()).toEqual([
      '@autocollect/client/dist/errors.js',
      '@autocollect/client/dist/generated/autocollect.meta.js',
      '@autocollect/client/dist/webhooks.js',
    ]);
  });
});
