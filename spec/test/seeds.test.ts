import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listOperations, loadApi } from './support/bundle.js';
import { createValidator, pointerPart } from './support/validator.js';

const document = loadApi();
const validator = createValidator(document);

function seed(operationId: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/seeds/${operationId}.200.json`, import.meta.url), 'utf8'));
}

describe("Amili's own complete examples (seeds)", () => {
  it.each(['GetBatchById', 'GetInvoiceById'])(
    '%s: the 200 example validates against the 200 response schema',
    (operationId) => {
      const operation = listOperations(document).find((op) => op.operationId === operationId);
      expect(operation, `${operationId} is in the spec`).toBeDefined();
      const schema = `/paths/${pointerPart(operation!.path)}/${operation!.method}/responses/200/content/application~1json/schema`;
      expect(validator.validate(schema, seed(operationId))).toEqual([]);
    },
  );

  it('a seed that breaks the schema is caught', () => {
    const operation = listOperations(document).find((op) => op.operationId === 'GetBatchById')!;
    const schema = `/paths/${pointerPart(operation.path)}/get/responses/200/content/application~1json/schema`;
    const changed = structuredClone(seed('GetBatchById')) as any;
    changed.data.status = 'DONE';
    expect(validator.validate(schema, changed).map((e) => e.instancePath)).toEqual(['/data/status']);
  });
});
