import { readFileSync } from 'node:fs';
import { readApis } from '../../scripts/description.js';

export {
  deref,
  enumOf,
  listOperations,
  type OperationRef,
  openEnumValues,
  schemaProperties,
} from '../../scripts/description.js';

/** The API descriptions redocly.yaml lists, by name, with the path of each bundle. */
export const listApis = () => readApis();

/** Reads the bundle of the API redocly.yaml names `name`, as `npm run bundle` wrote it. */
export function loadApi(name = 'autocollect@v1'): any {
  const api = readApis().find((a) => a.name === name);
  if (!api) throw new Error(`redocly.yaml lists no API named ${name}.`);
  return JSON.parse(readFileSync(api.bundle, 'utf8'));
}
