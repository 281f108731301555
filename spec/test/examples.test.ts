import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listApis, loadApi } from './support/bundle.js';
import { collectExamples } from './support/examples.js';
import { createValidator } from './support/validator.js';

describe.each(listApis().map((api) => [api.name, api] as const))('every example in %s', (_name, api) => {
  const document = JSON.parse(readFileSync(api.bundle, 'utf8'));
  const examples = collectExamples(document);
  const validator = createValidator(document);

  it('is found', () => {
    expect(examples.length).toBeGreaterThan(3);
  });

  it.each(examples.map((e) => [e.at, e] as const))('%s validates against its schema', (_at, example) => {
    expect(validator.validate(example.schema, example.value)).toEqual([]);
  });
});

describe('the example check', () => {
  const document = loadApi('autocollect@v1');

  it('reaches request bodies, responses, errors, parameters and webhooks', () => {
    const places = collectExamples(document).map((e) => e.at);
    for (const part of [
      '/requestBody/content/',
      '/responses/200/content/',
      '/responses/202/content/',
      '/components/responses/',
      '/components/parameters/',
      '/webhooks/',
    ]) {
      expect(
        places.some((at) => at.includes(part)),
        part,
      ).toBe(true);
    }
  });

  it('fails a deliberately broken example', () => {
    const broken = structuredClone(document);
    broken.components.examples.InvoicePaymentReminderOpen.value.data.type = 42;
    broken.components.examples.InvoicePaymentReminderOpen.value.data.dueDate = '14.02.2025';
    const target = collectExamples(broken).find((e) => e.at.endsWith('/examples/PaymentReminderOpen'));
    expect(target).toBeDefined();
    const errors = createValidator(broken).validate(target!.schema, target!.value);
    expect(errors.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
      '/data/dueDate format',
      '/data/type type',
    ]);
  });
});
