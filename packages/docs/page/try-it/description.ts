// What Try it knows of an operation, read from the bundled description beside the page.
import { deref, listOperations, mediaTypeExample } from '@autocollect/spec/walk';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  example: unknown;
  /** Its schema's JSON type, such as integer: a copy as TypeScript writes its value as one. */
  type: string | undefined;
}

export interface TryOperation {
  operationId: string;
  /** Upper case, as the client's methods are named. */
  method: string;
  /** The path template, as the client takes it ("/orgs/{organizationId}/invoices"). */
  path: string;
  parameters: Parameter[];
  /** The request body's media type and example, when the operation takes one. */
  body: { mediaType: string; example: unknown } | undefined;
  /** Whether it needs a bearer token. */
  secured: boolean;
  /** The response schema of each status ("default" too), by media type. */
  responses: Record<string, Record<string, object | undefined>>;
}

export interface Document {
  servers?: { url: string; description?: string }[];
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, unknown>;
  security?: Record<string, string[]>[];
}

interface MediaType {
  schema?: object;
  example?: unknown;
  examples?: Record<string, object>;
}

/** The operation of that id, or undefined. */
export function findOperation(document: Document, operationId: string): TryOperation | undefined {
  const found = listOperations(document).find((entry) => entry.operationId === operationId);
  if (!found) return undefined;
  const { method, path, operation, parameters } = found;
  const content: Record<string, MediaType> = deref(document, operation.requestBody)?.content ?? {};
  const [mediaType, media] = Object.entries(content)[0] ?? [];
  const security: object[] = operation.security ?? document.security ?? [];
  const responses: TryOperation['responses'] = {};
  for (const [status, response] of Object.entries<object>(operation.responses ?? {})) {
    const answered: Record<string, MediaType> = deref(document, response)?.content ?? {};
    responses[status] = Object.fromEntries(Object.entries(answered).map(([type, m]) => [type, m.schema]));
  }
  return {
    operationId,
    method: method.toUpperCase(),
    path,
    parameters: parameters.map((p: Parameter & { schema?: object; example?: unknown }) => {
      const schema = deref(document, p.schema);
      return {
        name: p.name,
        in: p.in,
        required: p.required === true,
        example: p.example ?? schema?.example,
        type: typeof schema?.type === 'string' ? schema.type : undefined,
      };
    }),
    body: mediaType ? { mediaType, example: mediaTypeExample(document, media) } : undefined,
    secured: security.length > 0 && !security.some((entry) => Object.keys(entry).length === 0),
    responses,
  };
}
