import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../scripts/description.js';
import { lintDescriptions } from '../scripts/redocly.js';
import { listApis } from './support/bundle.js';

/** A copy of the descriptions and their lint configuration, to break without touching the real ones. */
let copy: string;
beforeAll(() => {
  // Inside the repo, so that the copy's lint plugin resolves its imports from node_modules.
  mkdirSync(join(repoRoot, 'spec/test-results'), { recursive: true });
  copy = mkdtempSync(join(repoRoot, 'spec/test-results/lint-'));
  cpSync(join(repoRoot, 'redocly.yaml'), join(copy, 'redocly.yaml'));
  for (const part of ['openapi', 'lint', 'scripts'])
    cpSync(join(repoRoot, 'spec', part), join(copy, 'spec', part), { recursive: true });
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Applies `edit` to a file of the copy, lints the copy (its config, and the descriptions named), and puts the file back. */
async function lintWith(file: string, edit: (text: string) => string, names: string[]) {
  const path = join(copy, 'spec/openapi', file);
  const original = readFileSync(path, 'utf8');
  writeFileSync(path, edit(original));
  try {
    return (await lintDescriptions(copy, names)).flatMap((result) => result.findings);
  } finally {
    writeFileSync(path, original);
  }
}

describe('lint', () => {
  it('passes redocly.yaml and every description with no errors and no warnings', async () => {
    const results = await lintDescriptions();
    expect(results.map((result) => result.name)).toEqual(['redocly.yaml', ...listApis().map((api) => api.name)]);
    for (const result of results) expect(result.findings, result.name).toEqual([]);
  });

  it('fails a description with a defect and names the file, line and rule', async () => {
    const file = 'paths/orgs_{organizationId}_invoices_{invoiceId}.yaml';
    const findings = await lintWith(file, (text) => text.replace(/^ {2}summary: .*\n/m, ''), ['autocollect@v1']);
    expect(findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        rule: 'rule/operation-identity',
        file: join(copy, 'spec/openapi', file),
        line: 4,
      }),
    );
  });

  it('fails a loop of $refs at its own $ref, with the loop spelt out, where Redocly throws saying not where', async () => {
    const file = 'components/schemas/NewPayment.yaml';
    // Through a second file, in two steps, and back: a pointer into a file works the same.
    const money = join(copy, 'spec/openapi/components/schemas/LoopBack.yaml');
    writeFileSync(money, '$ref: ./NewPayment.yaml\n');
    try {
      const findings = await lintWith(file, () => '$ref: ./LoopBack.yaml\n', ['autocollect@v1']);
      expect(findings).toEqual([
        {
          severity: 'error',
          rule: 'no-ref-loop',
          message:
            '$ref leads back to itself through $refs alone: components/schemas/NewPayment.yaml → components/schemas/LoopBack.yaml → components/schemas/NewPayment.yaml',
          file: join(copy, 'spec/openapi', file),
          line: 1,
          column: 7,
        },
      ]);
    } finally {
      rmSync(money);
    }
  });

  it('fails an inferred item that gives no reason', async () => {
    const file = 'components/schemas/BatchFailedItem.yaml';
    const findings = await lintWith(file, (text) => text.replace(/^x-provenance-reason: .*\n/m, ''), [
      'autocollect@v1',
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'autocollect/provenance-reason',
        file: join(copy, 'spec/openapi', file),
      }),
    ]);
  });

  it('fails the token and legacy descriptions too', async () => {
    for (const [file, api] of [
      ['identity/paths/token.yaml', 'identity@v1'],
      ['legacy/paths/webapi_api_Ping.yaml', 'legacy@v1'],
    ] as const) {
      const findings = await lintWith(file, (text) => text.replace(/^ {2}operationId: .*\n/m, ''), [api]);
      expect(findings, file).toContainEqual(
        expect.objectContaining({ rule: 'rule/operation-identity', file: join(copy, 'spec/openapi', file) }),
      );
    }
  });
});
