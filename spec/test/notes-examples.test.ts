// Every example the reference notes quote validates against the spec: as it is where the
// notes give it whole, and with every `required` relaxed where Amili's page was cut off.
import { describe, expect, it } from 'vitest';
import { NOTES_EXAMPLES, type NotesExample } from './fixtures/notes-examples.js';
import { deref, listOperations, loadApi } from './support/bundle.js';
import { createValidator, pointerPart } from './support/validator.js';

/** A copy of a document whose schemas require nothing: a partial example is checked for what it shows. */
function withoutRequired(node: any): any {
  if (Array.isArray(node)) return node.map(withoutRequired);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'required' && Array.isArray(value)))
      .map(([key, value]) => [key, withoutRequired(value)]),
  );
}

/** The JSON pointer of the schema an example illustrates. */
function schemaPointer(document: any, target: NotesExample['target']): string {
  if ('webhook' in target)
    return `/webhooks/${pointerPart(target.webhook)}/post/requestBody/content/application~1json/schema`;
  const found = listOperations(document).find((op) => op.operationId === target.operationId);
  if (!found) throw new Error(`No operation ${target.operationId}.`);
  const at = `/paths/${pointerPart(found.path)}/${found.method}`;
  if (target.part === 'request') {
    const [mediaType] = Object.keys(found.operation.requestBody.content);
    return `${at}/requestBody/content/${pointerPart(mediaType!)}/schema`;
  }
  const [status] = Object.keys(found.operation.responses).filter(
    (code) => /^2/.test(code) && deref(document, found.operation.responses[code]).content,
  );
  const response = deref(document, found.operation.responses[status!]);
  const [mediaType] = Object.keys(response.content);
  const holder = found.operation.responses[status!].$ref?.slice(1) ?? `${at}/responses/${status}`;
  return `${holder}/content/${pointerPart(mediaType!)}/schema`;
}

const validators = new Map<string, ReturnType<typeof createValidator>>();
function validatorFor(api: string, complete: boolean) {
  const key = `${api} ${complete}`;
  if (!validators.has(key)) {
    const document = loadApi(api);
    validators.set(key, createValidator(complete ? document : withoutRequired(document)));
  }
  return validators.get(key)!;
}

describe("the reference notes' examples", () => {
  it.each(NOTES_EXAMPLES.map((example) => [example.source, example] as const))('%s', (_source, example) => {
    const pointer = schemaPointer(loadApi(example.api), example.target);
    expect(validatorFor(example.api, example.complete).validate(pointer, example.value)).toEqual([]);
  });

  it('relaxing `required` still checks types and values', () => {
    const pointer = schemaPointer(loadApi('legacy@v1'), { operationId: 'LegacyGetBatch', part: 'response' });
    const errors = validatorFor('legacy@v1', false).validate(pointer, { creditor: [{ sourceid: 'erp-visma' }] });
    expect(errors.map((error) => `${error.instancePath} ${error.keyword}`)).toEqual(['/creditor/0/sourceid type']);
  });
});
