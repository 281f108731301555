// @ts-check
// Properties a request body names that its description does not: the client's types refuse
// them at compile time, and the sandbox refuses them too, each named with the nearest name
// the description has (`debtor`: did you mean debtors?). Amili does not say whether it
// ignores them; `lenient` accepts them, for code written to that.
import { closestMatch } from 'leven';

/** @typedef {import('./contract.js').Violation} Violation */

/**
 * The properties of `value` that its schema does not describe, at any depth: the first
 * `limit`, each with the nearest name the description has, and how many there are in all
 * (the rest only counted: a body may hold a million). A value the schema does not describe
 * as an object with properties (or that allows others) is not looked into.
 * @param {any[]} schemas what describes the value (all of them: the branches of an allOf, anyOf or oneOf)
 * @param {unknown} value
 * @param {(node: any) => any} resolve follows a `$ref`
 * @param {{ limit: number, except: Set<string> }} options `except`: fields already named otherwise, neither named nor counted
 * @returns {{ named: Violation[], count: number }}
 */
export function unknownProperties(schemas, value, resolve, { limit, except }) {
  /** @type {Violation[]} */
  const named = [];
  let count = 0;
  walk(schemas, value, resolve, '', (_, name, field, known) => {
    if (except.has(field)) return;
    count++;
    if (named.length === limit) return;
    const nearest = closestMatch(name, known, { maxDistance: 2 });
    named.push({ field, message: `is not a known property${nearest ? `; did you mean ${nearest}?` : ''}` });
  });
  return { named, count };
}

/**
 * Drops the properties `unknownProperties` names, as an API that ignores them would:
 * what a lenient sandbox keeps, and answers with.
 * @param {any[]} schemas @param {unknown} value @param {(node: any) => any} resolve
 */
export function dropUnknownProperties(schemas, value, resolve) {
  walk(schemas, value, resolve, '', (object, name) => {
    delete object[name];
  });
}

/**
 * What a list of schemas says of a value's properties, merged once: a body of 1 000 invoices
 * of 50 debtors each meets the same list 50 000 times, and merging it anew for each took
 * most of the time the sandbox spent on such a body, while no other client was answered.
 * What a property's or an item's schemas say is made on first use, and kept.
 */
class Shape {
  /** @param {any[]} schemas @param {(node: any) => any} resolve */
  constructor(schemas, resolve) {
    this.resolve = resolve;
    const described = schemas.flatMap((schema) => branchesOf(schema, resolve));
    /** @type {any[]} the schemas of an array's items */
    this.itemSchemas = described.map((schema) => schema.items).filter(Boolean);
    /** @type {Map<string, any[]>} each property's schemas */
    this.properties = new Map();
    for (const schema of described) {
      for (const [name, property] of Object.entries(schema.properties ?? {}))
        this.properties.set(name, [...(this.properties.get(name) ?? []), property]);
    }
    const open = described.some(
      (schema) => isOpen(schema.additionalProperties) || isOpen(schema.unevaluatedProperties),
    );
    /** Whether an object's properties are looked into: it names some, and lets no others through. */
    this.closed = this.properties.size > 0 && !open;
    /** The names it has, for the nearest to an unknown one. */
    this.names = [...this.properties.keys()];
    /** @type {Shape | undefined} */
    this.itemShape = undefined;
    /** @type {Map<string, Shape>} */
    this.propertyShapes = new Map();
  }

  /** What an array's items are described by; undefined when nothing describes them. */
  items() {
    if (this.itemSchemas.length === 0) return undefined;
    this.itemShape ??= new Shape(this.itemSchemas, this.resolve);
    return this.itemShape;
  }

  /** What a property is described by; undefined when no schema names it. @param {string} name */
  property(name) {
    let shape = this.propertyShapes.get(name);
    if (shape) return shape;
    const schemas = this.properties.get(name);
    if (!schemas) return undefined;
    shape = new Shape(schemas, this.resolve);
    this.propertyShapes.set(name, shape);
    return shape;
  }
}

/** @type {WeakMap<object, Shape>} the shape of each request body's schema, made once (a node belongs to one description) */
const shapes = new WeakMap();

/** The shape of a list of schemas: of one schema, made once and kept. @param {any[]} schemas @param {(node: any) => any} resolve */
function shapeOf(schemas, resolve) {
  const [only] = schemas;
  if (schemas.length !== 1 || only === null || typeof only !== 'object') return new Shape(schemas, resolve);
  let shape = shapes.get(only);
  if (!shape) {
    shape = new Shape(schemas, resolve);
    shapes.set(only, shape);
  }
  return shape;
}

/**
 * @param {any[]} schemas @param {unknown} value @param {(node: any) => any} resolve @param {string} field
 * @param {(object: Record<string, unknown>, name: string, field: string, known: string[]) => void} onUnknown
 */
function walk(schemas, value, resolve, field, onUnknown) {
  visit(shapeOf(schemas, resolve), value, field, onUnknown);
}

/**
 * @param {Shape} shape @param {unknown} value @param {string} field
 * @param {(object: Record<string, unknown>, name: string, field: string, known: string[]) => void} onUnknown
 */
function visit(shape, value, field, onUnknown) {
  if (Array.isArray(value)) {
    const items = shape.items();
    if (items)
      value.forEach((item, index) => {
        visit(items, item, `${field}[${index}]`, onUnknown);
      });
    return;
  }
  if (value === null || typeof value !== 'object' || !shape.closed) return;
  const object = /** @type {Record<string, unknown>} */ (value);
  // Object.keys, not entries: on an object of a million keys it takes a quarter of the time.
  for (const name of Object.keys(object)) {
    const at = field ? `${field}.${name}` : name;
    const described = shape.property(name);
    if (described) visit(described, object[name], at, onUnknown);
    else onUnknown(object, name, at, shape.names);
  }
}

/** @type {WeakMap<object, any[]>} each schema's branches, found once: a list's items share their schema */
const known = new WeakMap();

/** `branches`, once per schema node (a node belongs to one description). @param {any} schema @param {(node: any) => any} resolve */
function branchesOf(schema, resolve) {
  if (schema === null || typeof schema !== 'object') return branches(schema, resolve, new Set());
  const found = known.get(schema) ?? branches(schema, resolve, new Set());
  known.set(schema, found);
  return found;
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
