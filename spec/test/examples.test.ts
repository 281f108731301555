import { describe, expect, it } from 'vitest';
import { loadBundle } from './support/bundle.js';
import { collectExamples } from './support/examples.js';
import { createValidator } from './support/validator.js';

const document = loadBundle();
const examples = collectExamples(document);
const validator = createValidator(document);

describe('every example in the bundled description', () => {
  it('is found: each operation contributes examples', () => {
    expect(examples.length).toBeGreaterThan(10);
    expect(examples.some((e) => e.at.includes('/responses/200/content/application~1json/examples/'))).toBe(true);
    expect(examples.some((e) => e.at.startsWith('/components/responses/'))).toBe(true);
    expect(examples.some((e) => e.at.startsWith('/components/parameters/'))).toBe(true);
  });

  it.each(examples.map((e) => [e.at, e] as const))('%s validates against its schema', (_at, example) => {
    expect(validator.validate(example.schema, example.value)).toEqual([]);
  });

  it('a deliberately broken example fails validation', () => {
    const broken = structuredClone(document);
    broken.components.examples.InvoicePaymentReminderOpen.value.data.type = 'REMINDER';
    broken.components.examples.InvoicePaymentReminderOpen.value.data.dueDate = '14.02.2025';
    const target = collectExamples(broken).find((e) => e.at.endsWith('/examples/PaymentReminderOpen'));
    expect(target).toBeDefined();
    const errors = createValidator(broken).validate(target!.schema, target!.value);
    expect(errors.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual(['/data/dueDate format', '/data/type enum']);
  });
});
