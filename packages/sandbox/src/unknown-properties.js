// @ts-check
// Properties a request body names that its description does not: the client's types refuse
// them at compile time, and the sandbox refuses them too, each named with the nearest name
// the description has (`debtor`: did you mean debtors?). Amili does not say whether it
// ignores them; `lenient` accepts them, for code written to that.
import { closestMatch } from 'leven';

/** @typedef {import('./contract.js').Violation} Violation */

/**
 * Each property of `value` that its schema does not describe, at any depth; a value the
 * schema does not describe as an object with properties (or that allows others) is not looked into.
 * @param {any[]} schemas what describes the value (all of them: the branches of an allOf, anyOf or oneOf)
 * @param {unknown} value
 * @param {(node: any) => any} resolve follows a `$ref`
 * @param {string} [field] where the value is, as a user writes it (`invoices[0].debtors`)
 * @returns {Violation[]}
 */
export function unknownProperties(schemas, value, resolve, field = '') {
  const described = schemas.flatMap((schema) => branches(schema, resolve, new Set()));
  if (Array.isArray(value)) {
    const items = described.map((schema) => schema.items).filter(Boolean);
    return items.length === 0
      ? []
      : value.flatMap((item, index) => unknownProperties(items, item, resolve, `${field}[${index}]`));
  }
  if (value === null || typeof value !== 'object') return [];
  /** @type {Map<string, any[]>} */
  const properties = new Map();
  for (const schema of described) {
    for (const [name, property] of Object.entries(schema.properties ?? {}))
      properties.set(name, [...(properties.get(name) ?? []), property]);
  }
  const open = described.some((schema) => isOpen(schema.additionalProperties) || isOpen(schema.unevaluatedProperties));
  if (properties.size === 0 || open) return [];
  const known = [...properties.keys()];
  return Object.entries(value).flatMap(([name, inner]) => {
    const at = field ? `${field}.${name}` : name;
    const schemasOf = properties.get(name);
    if (schemasOf) return unknownProperties(schemasOf, inner, resolve, at);
    const nearest = closestMatch(name, known, { maxDistance: 2 });
    return [{ field: at, message: `is not a known property${nearest ? `; did you mean ${nearest}?` : ''}` }];
  });
}

/** A schema and every schema its allOf, anyOf and oneOf take in, `$ref`s followed. @param {any} schema @param {(node: any) => any} resolve @param {Set<unknown>} seen @returns {any[]} */
function branches(schema, resolve, seen) {
  const resolved = resolve(schema);
  if (!resolved || typeof resolved !== 'object' || seen.has(resolved)) return [];
  seen.add(resolved);
  const parts = [...(resolved.allOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])];
  return [resolved, ...parts.flatMap((part) => branches(part, resolve, seen))];
}

/** Whether a schema keyword lets properties it does not name through. @param {unknown} keyword */
const isOpen = (keyword) => keyword !== undefined && keyword !== false;
