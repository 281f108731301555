// The bench's consumer type-check joins the docs' sample of every operation into one file
// and type-checks it with TypeScript 5 and 7: what it measures must compile, however the
// samples are laid out, or `npm run bench` stops there.
import { expect, it } from 'vitest';
import { typecheckCost } from '../src/typecheck.js';

it('type-checks every operation of the AutoCollect API, the docs samples joined, with TypeScript 5 and 7', () => {
  const results = typecheckCost({ runs: 1 });
  expect(results.operations).toBeGreaterThanOrEqual(20);
  for (const label of ['TypeScript 5', 'TypeScript 7']) {
    expect(results[label], label).toMatchObject({ instantiations: expect.any(Number), types: expect.any(Number) });
    expect((results[label] as { types: number }).types, label).toBeGreaterThan(1000);
  }
});
