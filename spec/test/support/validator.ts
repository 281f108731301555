import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Keywords OpenAPI 3.1 allows in a schema beyond JSON Schema 2020-12. */
const OPENAPI_KEYWORDS = ['example', 'discriminator', 'xml', 'externalDocs'];

export interface SchemaValidator {
  /** Validates a value against the schema at a JSON pointer into the document; returns the errors. */
  validate(pointer: string, value: unknown): ErrorObject[];
}

/**
 * A JSON Schema 2020-12 validator (formats on) over a bundled OpenAPI document, so a
 * schema is checked exactly where the document puts it and its $refs resolve in place.
 */
export function createValidator(document: object): SchemaValidator {
  // A request schema may require what the schema it extends (allOf) defines: a person's
  // `firstname` is a `Debtor`'s property. Every other strict check stays on.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  // The document's own top-level keys are no-op keywords: ajv compiles the root when
  // it resolves a pointer into it, but only the schemas pointed at are validated.
  const rootKeys = Object.keys(document).filter((key) => !key.startsWith('x-'));
  ajv.addVocabulary([...new Set([...OPENAPI_KEYWORDS, ...rootKeys, ...extensionKeys(document)])]);
  const id = 'urn:autocollect:openapi';
  ajv.addSchema({ ...document, $id: id }, id, undefined, false);
  return {
    validate(pointer, value) {
      const check = ajv.getSchema(`${id}#${pointer}`);
      if (!check) throw new Error(`No schema at ${pointer}.`);
      return check(value) ? [] : [...(check.errors ?? [])];
    },
  };
}

export { escapePointerPart as pointerPart } from '../../scripts/description.js';

function extensionKeys(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) extensionKeys(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      extensionKeys(value, found);
    }
  }
  return found;
}
