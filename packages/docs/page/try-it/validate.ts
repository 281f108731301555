// Checks an answer against the operation's response schema, with validators built from the
// bundled description (ajv, as the sandbox checks its own answers).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Document, TryOperation } from './description.js';

// ajv-formats is CommonJS: its plugin is the module's `default` where the bundler keeps it.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => void;

export interface Mismatch {
  where: string;
  what: string;
}

const validators = new WeakMap<Document, Ajv2020>();

function ajvFor(document: Document): Ajv2020 {
  let ajv = validators.get(document);
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
    addFormats(ajv);
    // OpenAPI's own schema keywords, which validate nothing.
    for (const keyword of ['example', 'discriminator', 'xml', 'externalDocs']) ajv.addKeyword(keyword);
    ajv.addSchema({ $id: 'urn:autocollect:try-it', components: document.components });
    validators.set(document, ajv);
  }
  return ajv;
}

/**
 * Whether a body fits the schema the description gives for its status and media type:
 * undefined when the description has no schema to check it by, else the mismatches (none: it fits).
 */
export function checkAnswer(
  document: Document,
  operation: TryOperation,
  status: number,
  mediaType: string | undefined,
  body: unknown,
): Mismatch[] | undefined {
  const byType = operation.responses[String(status)] ?? operation.responses.default;
  if (!byType)
    return [{ where: 'status', what: `${status} is not a status the description lists for ${operation.operationId}` }];
  if (mediaType === undefined) return Object.keys(byType).length === 0 ? [] : undefined;
  const schema =
    byType[mediaType] ??
    byType[Object.keys(byType).find((type) => type.endsWith('+json') || type === 'application/json') ?? ''];
  if (!schema) return undefined;
  const json = JSON.stringify(schema).replaceAll('"#/components/', '"urn:autocollect:try-it#/components/');
  const validate = ajvFor(document).compile(JSON.parse(json));
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => ({
    where: error.instancePath === '' ? '(the body)' : error.instancePath.slice(1).replaceAll('/', '.'),
    what: `${error.message ?? 'is not valid'}${error.params && 'additionalProperty' in error.params ? `: ${String(error.params.additionalProperty)}` : ''}`,
  }));
}
