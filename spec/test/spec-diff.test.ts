import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadApi } from './support/bundle.js';

type Change = { breaking: boolean; text: string };
const script = fileURLToPath(new URL('../../scripts/spec-diff.js', import.meta.url));
const { diffDescriptions } = (await import(script)) as {
  diffDescriptions: (before: object, after: object) => Change[];
};

const before = loadApi('autocollect@v1');
/** The changes a mutation of the current bundle makes. */
function diffAfter(mutate: (document: any) => void): Change[] {
  const after = structuredClone(before);
  mutate(after);
  return diffDescriptions(before, after);
}
const breaking = (changes: Change[]) => changes.filter((c) => c.breaking).map((c) => c.text);

describe('spec:diff', () => {
  it('finds nothing between a description and itself', () => {
    expect(diffDescriptions(before, structuredClone(before))).toEqual([]);
  });

  it('a removed response property is breaking', () => {
    const changes = diffAfter((d) => delete d.components.schemas.Invoice.properties.ocrReferenceNumber);
    expect(breaking(changes)).toContain(
      'GET /orgs/{organizationId}/invoices/{invoiceId}: response 200.data: property ocrReferenceNumber removed',
    );
  });

  it('an added optional property is not', () => {
    const changes = diffAfter((d) => (d.components.schemas.Invoice.properties.kidType = { type: 'string' }));
    expect(changes.length).toBeGreaterThan(0);
    expect(breaking(changes)).toEqual([]);
  });

  it('a new required request property, a removed enum value and a narrowed type are breaking', () => {
    const changes = diffAfter((d) => {
      d.components.schemas.NewPayment.properties.paidAt = { type: 'string' };
      d.components.schemas.NewPayment.required = ['paidAt'];
      d.components.schemas.BatchStatus.enum = ['QUEUED', 'SUCCESS', 'FAILED'];
      d.components.schemas.Settlement.properties.caseNumber.type = 'string';
    });
    expect(breaking(changes)).toEqual(
      expect.arrayContaining([
        'POST /orgs/{organizationId}/payments: request body.payments[]: required property paidAt added',
        'GET /orgs/{organizationId}/batches/{batchId}: response 200.data.status: enum value PARTIAL removed',
        'GET /orgs/{organizationId}/settlements/{settlementId}: response 200.data.caseNumber: type narrowed (no longer integer)',
      ]),
    );
  });

  it('a removed or renamed operation, a removed parameter and a new required one are breaking', () => {
    const changes = diffAfter((d) => {
      delete d.paths['/batches/{batchId}'];
      d.paths['/orgs/{organizationId}/cases/{caseId}/pause'].post.operationId = 'SuspendCase';
      const list = d.paths['/orgs/{organizationId}/invoices'].get;
      list.parameters = list.parameters.filter((p: { name?: string }) => p.name !== 'CustomerNumber');
      list.parameters.push({ name: 'Region', in: 'query', required: true, schema: { type: 'string' } });
    });
    expect(breaking(changes).sort()).toEqual(
      [
        'GET /batches/{batchId} (GetBatchByIdLegacy) removed',
        'POST /orgs/{organizationId}/cases/{caseId}/pause: operationId PauseCase renamed to SuspendCase',
        'GET /orgs/{organizationId}/invoices: query CustomerNumber parameter removed',
        'GET /orgs/{organizationId}/invoices: required query Region parameter added',
      ].sort(),
    );
  });

  it('runs from the command line against a git ref', () => {
    const result = spawnSync(process.execPath, [script, '--base', 'HEAD'], { encoding: 'utf8' });
    expect(result.stdout).toMatch(/autocollect@v1: (no change|\d+ changes?) since HEAD/);
    // The working tree may hold uncommitted spec changes: the exit code must match the verdict it prints.
    const unreleased = /breaking change\(s\) without a major changeset/.test(result.stderr);
    expect(result.status, result.stderr).toBe(unreleased ? 1 : 0);
    const usage = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--base <git ref>/);
  });
});
