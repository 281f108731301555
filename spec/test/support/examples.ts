import { deref } from './bundle.js';
import { pointerPart } from './validator.js';

export interface DocumentedExample {
  /** JSON pointer to the example in the bundle. */
  at: string;
  /** JSON pointer to the schema it must satisfy. */
  schema: string;
  value: unknown;
}

const SUBSCHEMA_MAPS = ['properties', '$defs', 'patternProperties', 'dependentSchemas'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMAS = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];

/**
 * Every example in a bundled document with the schema it illustrates: examples of media
 * types, parameters and headers (inline or through components/examples), and the
 * `examples` keyword inside schemas.
 */
export function collectExamples(document: any): DocumentedExample[] {
  const found: DocumentedExample[] = [];

  const visitSchema = (schema: any, at: string, seen: Set<unknown>): void => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    if (Array.isArray(schema.examples)) {
      for (const [i, value] of schema.examples.entries()) found.push({ at: `${at}/examples/${i}`, schema: at, value });
    }
    for (const key of SUBSCHEMA_MAPS) {
      for (const [name, sub] of Object.entries(schema[key] ?? {}))
        visitSchema(sub, `${at}/${key}/${pointerPart(name)}`, seen);
    }
    for (const key of SUBSCHEMA_LISTS) {
      for (const [i, sub] of (schema[key] ?? []).entries()) visitSchema(sub, `${at}/${key}/${i}`, seen);
    }
    for (const key of SUBSCHEMAS) if (typeof schema[key] === 'object') visitSchema(schema[key], `${at}/${key}`, seen);
  };

  const visit = (node: any, at: string): void => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, `${at}/${i}`);
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (node.schema && typeof node.schema === 'object') {
      const schema = `${at}/schema`;
      if ('example' in node) found.push({ at: `${at}/example`, schema, value: node.example });
      for (const [name, example] of Object.entries<any>(node.examples ?? {})) {
        const resolved = deref(document, example);
        if (resolved && 'value' in resolved) {
          found.push({ at: `${at}/examples/${pointerPart(name)}`, schema, value: resolved.value });
        }
      }
      visitSchema(node.schema, schema, new Set());
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'schema') visit(value, `${at}/${pointerPart(key)}`);
  };

  visit(document, '');
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    visitSchema(schema, `/components/schemas/${pointerPart(name)}`, new Set());
  }
  return dedupe(found);
}

function dedupe(examples: DocumentedExample[]): DocumentedExample[] {
  const seen = new Set<string>();
  return examples.filter((example) => !seen.has(example.at) && seen.add(example.at));
}
