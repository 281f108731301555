import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The bundled API description the client was generated from. */
export function loadSpec(): any {
  return JSON.parse(readFileSync(require.resolve('@autocollect/spec/openapi.json'), 'utf8'));
}

/** The value of an example from the spec's components, so tests serve what the spec documents. */
export function specExample(name: string): any {
  const example = loadSpec().components.examples[name];
  if (!example) throw new Error(`The spec has no example named ${name}.`);
  return example.value;
}
