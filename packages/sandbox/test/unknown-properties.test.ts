// Unknown properties are found from what a list of schemas says of each object, merged once per
// list and kept: what is found, named, counted and dropped is the same on the first body as on
// every later one, and the work of merging does not grow with how many objects a body holds.
import { describe, expect, it } from 'vitest';
import { dropUnknownProperties, unknownProperties } from '../src/unknown-properties.js';

const document: any = {
  components: {
    schemas: {
      Address: { type: 'object', properties: { street: {}, city: {} } },
      Person: { type: 'object', properties: { firstname: {}, lastname: {} } },
      Company: { type: 'object', properties: { name: {}, organizationNumber: {} } },
      Debtor: {
        allOf: [
          {
            type: 'object',
            properties: { type: {}, addresses: { type: 'array', items: { $ref: '#/components/schemas/Address' } } },
          },
          { anyOf: [{ $ref: '#/components/schemas/Person' }, { $ref: '#/components/schemas/Company' }] },
        ],
      },
      Node: {
        type: 'object',
        properties: { label: {}, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
      },
    },
  },
};
const resolve = (node: any) => {
  let current = node;
  while (current && typeof current.$ref === 'string')
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((at: any, part: string) => at?.[part], document);
  return current;
};

/** A body's schema: fresh for each test, so that none finds another's kept merge. */
function bodySchema() {
  return {
    type: 'object',
    properties: {
      invoices: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            invoiceNumber: {},
            debtors: { type: 'array', items: { $ref: '#/components/schemas/Debtor' } },
            grid: { type: 'array', items: { type: 'array', items: { type: 'object', properties: { x: {} } } } },
            // Open: what they hold is not looked into.
            metadata: { type: 'object', properties: { a: {} }, additionalProperties: true },
            extension: { type: 'object', properties: { a: {} }, additionalProperties: { type: 'string' } },
            evaluated: { type: 'object', properties: { a: {} }, unevaluatedProperties: {} },
            // Closed, as if it said nothing of others.
            strict: { type: 'object', properties: { a: {} }, additionalProperties: false },
            // No properties named: not looked into.
            free: { type: 'object' },
            tree: { $ref: '#/components/schemas/Node' },
          },
        },
      },
    },
  };
}

const body = () => ({
  invoices: [
    {
      invoiceNumber: '1',
      invoiceNumbr: '1',
      debtors: [
        { type: 'PRIVATE', firstname: 'Kari', lastname: 'Nordmann', adresses: [] },
        { name: 'AS', organizationNumber: '1', addresses: [{ street: 's', citty: 'Oslo' }] },
        'not an object',
      ],
      grid: [[{ x: 1, y: 2 }], [{ x: 3 }]],
      metadata: { b: 1 },
      extension: { b: 'x' },
      evaluated: { b: 1 },
      strict: { a: 1, b: 1 },
      free: { anything: 1 },
      tree: { label: 'root', children: [{ label: 'a', children: [{ lable: 'deep' }] }] },
    },
  ],
});

const expected = [
  { field: 'invoices[0].invoiceNumbr', message: 'is not a known property; did you mean invoiceNumber?' },
  { field: 'invoices[0].debtors[0].adresses', message: 'is not a known property; did you mean addresses?' },
  { field: 'invoices[0].debtors[1].addresses[0].citty', message: 'is not a known property; did you mean city?' },
  { field: 'invoices[0].grid[0][0].y', message: 'is not a known property; did you mean x?' },
  { field: 'invoices[0].strict.b', message: 'is not a known property; did you mean a?' },
  { field: 'invoices[0].tree.children[0].children[0].lable', message: 'is not a known property; did you mean label?' },
];

describe('unknown properties', () => {
  it('are found through $refs, allOf and anyOf, arrays of arrays and recursive schemas, and not in open objects', () => {
    const schema = bodySchema();
    const found = unknownProperties([schema], body(), resolve, { limit: 10, except: new Set() });
    expect(found).toEqual({ named: expected, count: expected.length });
  });

  it('are found the same on every body a schema meets, named up to the limit, counted past it, and dropped', () => {
    const schema = bodySchema();
    for (let round = 0; round < 3; round++) {
      const limited = unknownProperties([schema], body(), resolve, {
        limit: 2,
        except: new Set(['invoices[0].strict.b']),
      });
      expect(limited, `round ${round}`).toEqual({ named: expected.slice(0, 2), count: expected.length - 1 });
      const dropped = body();
      dropUnknownProperties([schema], dropped, resolve);
      expect(unknownProperties([schema], dropped, resolve, { limit: 10, except: new Set() })).toEqual({
        named: [],
        count: 0,
      });
      expect(dropped.invoices[0]).toMatchObject({ metadata: { b: 1 }, strict: { a: 1 }, free: { anything: 1 } });
      expect(dropped.invoices[0]).not.toHaveProperty('invoiceNumbr');
    }
  });

  it('merges what a list of schemas says of an object once, however many objects it describes', () => {
    /** The invoice item's schema, counting each time what it says of its properties is read. */
    const counted = () => {
      const schema = bodySchema();
      const item = schema.properties.invoices.items;
      const { properties } = item;
      let reads = 0;
      Object.defineProperty(item, 'properties', {
        get: () => {
          reads++;
          return properties;
        },
      });
      return { schema, reads: () => reads };
    };
    const readsFor = (invoices: number) => {
      const { schema, reads } = counted();
      const value = { invoices: Array.from({ length: invoices }, () => body().invoices[0]) };
      expect(unknownProperties([schema], value, resolve, { limit: 10, except: new Set() }).count).toBe(
        expected.length * invoices,
      );
      return reads();
    };
    expect(readsFor(1_000)).toBe(readsFor(1));
  });
});
