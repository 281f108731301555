// spec:diff passes by the operations whose key is the same on both sides: a key must change
// with anything the operation reaches, however it reaches it.
import { describe, expect, it } from 'vitest';
import { generateTypes } from '../../packages/client/scripts/generate.js';
import { operationKeys } from '../../scripts/spec-diff/operation-keys.js';

/** A description where `/a` reaches Node through Tree, and `/b` reaches Node directly: Node and Tree refer to each other. */
const description = () => ({
  openapi: '3.1.0',
  security: [{ bearer: [] }],
  paths: {
    '/a': {
      get: {
        responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Tree' } } } } },
      },
    },
    '/b': {
      get: {
        responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } },
      },
    },
    '/c': {
      get: {
        responses: {
          200: {
            content: {
              'application/json': {
                schema: {
                  oneOf: [],
                  discriminator: { propertyName: 'kind', mapping: { pet: '#/components/schemas/Pet' } },
                },
              },
            },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Tree: { type: 'object', properties: { root: { $ref: '#/components/schemas/Node' } } },
      Node: {
        type: 'object',
        properties: { tree: { $ref: '#/components/schemas/Tree' }, name: { type: 'string', maxLength: 10 } },
      },
      Pet: { type: 'object', properties: { kind: { type: 'string' } } },
    },
  },
});

const changedKeys = (change: (document: ReturnType<typeof description>) => void) => {
  const before = operationKeys(description());
  const after = description();
  change(after);
  const keys = operationKeys(after);
  return [...before.keys()].filter((key) => before.get(key) !== keys.get(key));
};

describe('operationKeys', () => {
  it('are the same for the same description', () => {
    expect(changedKeys(() => {})).toEqual([]);
  });

  it('change with a schema reached through a cycle, from whichever side the cycle is entered', () => {
    expect(
      changedKeys((document) => {
        // /a enters the cycle at Tree, /b at Node: /b reaches this only through Node.
        (document.components.schemas.Tree.properties as any).size = { type: 'integer' };
      }),
    ).toEqual(['paths get /a', 'paths get /b']);
  });

  it('change with a schema a discriminator maps to', () => {
    expect(
      changedKeys((document) => {
        (document.components.schemas.Pet.properties as any).age = { type: 'integer' };
      }),
    ).toEqual(['paths get /c']);
  });

  it('change with what stands beside a $ref', () => {
    expect(
      changedKeys((document) => {
        (document.components.schemas.Tree.properties.root as any).readOnly = true;
      }),
    ).toEqual(['paths get /a', 'paths get /b']);
  });

  it('change for every operation with a discriminator anywhere, reached or not: its mapping types the schemas it maps', () => {
    expect(
      changedKeys((document) => {
        (document.components.schemas as any).AnyPet = {
          oneOf: [{ $ref: '#/components/schemas/Pet' }],
          discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Pet' } },
        };
      }),
    ).toEqual(['paths get /a', 'paths get /b', 'paths get /c']);
  });

  it('are made of the document as it was given: making its types changes nothing in it', async () => {
    const document = description();
    (document.components.schemas as any).AnyPet = {
      oneOf: [{ $ref: '#/components/schemas/Pet' }],
      discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Pet' } },
    };
    const before = structuredClone(document);
    await generateTypes(document);
    expect(document).toEqual(before);
  });

  it('change for every operation with the security every operation has', () => {
    expect(
      changedKeys((document) => {
        document.components.securitySchemes.bearer.scheme = 'basic';
      }),
    ).toEqual(['paths get /a', 'paths get /b', 'paths get /c']);
  });
});
