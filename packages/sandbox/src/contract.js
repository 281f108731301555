// @ts-check
// The sandbox's contract: its routes, and the validators for what comes in and goes
// out, all read from the bundled descriptions of @autocollect/openapi. Nothing here
// lists an operation by hand: a path added to the spec is routed and validated.
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { closestMatch } from 'leven';
import { valueCount } from './json-shape.js';
import { MAX_NAMED } from './problem.js';
import { dropUnknownProperties, unknownProperties } from './unknown-properties.js';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS: its plugin is the module's `default`.
const addFormats = ajvFormats.default;

/**
 * @typedef {{ name: string, in: 'path' | 'query' | 'header' | 'cookie', required?: boolean, schema?: object }} Parameter
 * @typedef {{ operationId: string, parameters?: ({ $ref: string } | Parameter)[], requestBody?: { required?: boolean, content: Record<string, { schema?: object }> }, responses: Record<string, any>, security?: Record<string, string[]>[] }} Operation
 * @typedef {{ method: string, path: string, api: string, operationId: string, secured: boolean, basic: boolean, template: PathTemplate, operation: Operation, parameters: Operation['parameters'] & {}, headerParameters: string[], integerParameters: { where: 'path' | 'query' | 'header', name: string }[], document: any }} Route
 * @typedef {{ field: string, message: string }} Violation
 * @typedef {{ named: Violation[], count: number }} Mistakes the first MAX_NAMED mistakes, named, and how many there are in all
 * @typedef {{ pattern: RegExp, names: string[] }} PathTemplate
 */

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** The descriptions the sandbox serves, and where: the AutoCollect API under its server's path. */
const MAIN_DESCRIPTION = '@autocollect/openapi/openapi.json';
const DESCRIPTIONS = [
  { api: 'openapi', file: MAIN_DESCRIPTION },
  { api: 'identity', file: '@autocollect/openapi/identity.json', prefix: '' },
  { api: 'legacy', file: '@autocollect/openapi/legacy.json', prefix: '' },
];

export class Contract {
  constructor() {
    /** @type {Route[]} */
    this.routes = [];
    /** @type {Record<string, any>} */
    this.documents = {};
    // Parameters arrive as strings: that validator coerces them to the types the spec gives.
    this.paramsAjv = validatorFor(true);
    this.bodyAjv = validatorFor(false);
    // Stops at a body's first mistake: every body meets it first, so a large invalid one
    // costs little; only a small one is then checked again to name each mistake.
    this.firstMistakeAjv = validatorFor(false, false);
    /** @type {Map<string, import('ajv').ValidateFunction>} */
    this.compiled = new Map();
    for (const { api, file, prefix } of DESCRIPTIONS) {
      const document = require(file);
      this.documents[api] = document;
      const id = `urn:autocollect:${api}`;
      for (const ajv of [this.paramsAjv, this.bodyAjv, this.firstMistakeAjv])
        ajv.addSchema({ $id: id, components: document.components });
      const base = prefix ?? new URL(document.servers[0].url).pathname.replace(/\/$/, '');
      for (const [path, item] of Object.entries(document.paths ?? {})) {
        for (const method of METHODS) {
          const operation = item[method];
          if (!operation) continue;
          const security = operation.security ?? document.security ?? [];
          const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])];
          const resolved = parameters.map((reference) => /** @type {Parameter} */ (resolve(document, reference)));
          this.routes.push({
            method: method.toUpperCase(),
            path: base + path,
            api,
            operationId: operation.operationId,
            secured:
              security.length > 0 && !security.some((/** @type {object} */ entry) => Object.keys(entry).length === 0),
            basic: security.some((/** @type {object} */ entry) =>
              Object.keys(entry).some((name) => {
                const scheme = /** @type {any} */ (resolve(document, document.components?.securitySchemes?.[name]));
                return scheme?.type === 'http' && String(scheme.scheme).toLowerCase() === 'basic';
              }),
            ),
            template: compileTemplate(base + path),
            operation,
            parameters,
            headerParameters: resolved
              .filter((parameter) => parameter.in === 'header')
              .map((parameter) => parameter.name),
            integerParameters: resolved
              .filter(
                (parameter) =>
                  parameter.in !== 'cookie' &&
                  [/** @type {any} */ (resolve(document, parameter.schema))?.type].flat().includes('integer'),
              )
              .map((parameter) => ({
                where: /** @type {'path' | 'query' | 'header'} */ (parameter.in),
                name: parameterKey(parameter),
              })),
            document,
          });
        }
      }
    }
  }

  /** The route for a request, or why there is none. */
  match(/** @type {string} */ method, /** @type {string} */ pathname) {
    let allowed = /** @type {string[]} */ ([]);
    for (const route of this.routes) {
      const path = matchTemplate(route.template, pathname);
      if (!path) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      return { route, path };
    }
    allowed = [...new Set(allowed)];
    return { route: undefined, allowed };
  }

  /**
   * Checks path, query and header parameters, coercing them to their types; the mistakes,
   * each naming its parameter. A query parameter the operation does not have is one, unless `lenient`.
   * @param {Route} route @param {{ path: object, query: object, header: object }} values @param {{ lenient?: boolean }} [options]
   * @returns {Mistakes}
   */
  parameters(route, values, { lenient = false } = {}) {
    const validate = this.#compile(`${route.api}:${route.operationId}:parameters`, this.paramsAjv, route.api, () => {
      /** @type {Record<string, { type: 'object', properties: Record<string, object>, required: string[] }>} */
      const locations = {};
      for (const where of ['path', 'query', 'header'])
        locations[where] = { type: 'object', properties: {}, required: [] };
      for (const reference of route.parameters) {
        const parameter = /** @type {Parameter} */ (resolve(route.document, reference));
        const location = locations[parameter.in];
        if (!location) continue;
        const name = parameterKey(parameter);
        location.properties[name] = parameter.schema ?? {};
        if (parameter.required) location.required.push(name);
      }
      return { type: 'object', properties: locations };
    });
    // A header is looked up in lower case, as Node gives it, and named as the description spells it.
    const spelled = (/** @type {string} */ where, /** @type {string} */ key) =>
      (where === 'header' && route.headerParameters.find((name) => name.toLowerCase() === key)) || key;
    // Before the validator coerces them: it takes "Infinity", "0x1", " 1 " and "1e0" for integers.
    const notWhole = route.integerParameters.flatMap(({ where, name }) => {
      const given = /** @type {Record<string, unknown>} */ (values[where])[name];
      return typeof given === 'string' && !WHOLE_NUMBER.test(given)
        ? [{ field: spelled(where, name), message: 'must be an integer written in digits (at most 15), such as 50' }]
        : [];
    });
    const refused = new Set(notWhole.map((violation) => violation.field));
    const rename = (/** @type {string} */ field) => {
      const [, where = '', key = field] = /^(path|query|header)\.(.*)$/s.exec(field) ?? [];
      return spelled(where, key);
    };
    const found = [
      ...notWhole,
      ...(validate(values) ? [] : violations(validate, rename)).filter((violation) => !refused.has(violation.field)),
    ];
    if (lenient) return { named: found.slice(0, MAX_NAMED), count: found.length };
    // The query parameters the validator was made from, not looked up again per request.
    const named = Object.keys(/** @type {any} */ (validate.schema).properties.query.properties);
    const unknown = Object.keys(values.query).filter((name) => !named.includes(name));
    return {
      named: [
        ...found,
        ...unknown.slice(0, Math.max(0, MAX_NAMED - found.length)).map((name) => {
          const nearest = closestMatch(name, named, { maxDistance: 2 });
          return {
            field: name,
            message: `is not a query parameter of ${route.operationId}${nearest ? `; did you mean ${nearest}?` : ''}`,
          };
        }),
      ].slice(0, MAX_NAMED),
      count: found.length + unknown.length,
    };
  }

  /** The media types the operation accepts a body in, and whether it needs one. */
  requestBody(/** @type {Route} */ route) {
    const body = route.operation.requestBody;
    return { required: body?.required === true, types: Object.keys(body?.content ?? {}) };
  }

  /**
   * Checks a parsed request body; the mistakes, each naming its field. A property the
   * description does not have is one, unless `lenient`.
   * @param {Route} route @param {string} mediaType @param {unknown} value @param {{ lenient?: boolean }} [options]
   * @returns {Mistakes}
   */
  body(route, mediaType, value, { lenient = false } = {}) {
    const key = `${route.api}:${route.operationId}:body:${mediaType}`;
    const schema = route.operation.requestBody?.content[mediaType]?.schema ?? {};
    const first = this.#compile(`${key}:first`, this.firstMistakeAjv, route.api, () => schema);
    /** @type {Violation[]} */
    let found = [];
    if (!first(value)) {
      const every = this.#compile(key, this.bodyAjv, route.api, () => schema);
      const checked = valueCount(value) <= NAME_EVERY_MISTAKE_UP_TO ? every : first;
      checked(value);
      found = violations(checked, undefined, route.document);
    }
    const follow = (/** @type {any} */ node) => resolve(route.document, node);
    if (lenient) {
      // Accepted, and ignored: what is kept and answered with is what the description has.
      if (found.length === 0) dropUnknownProperties([schema], value, follow);
      return { named: found.slice(0, MAX_NAMED), count: found.length };
    }
    // One message per field: what the schema says of a field it knows comes first.
    const unknown = unknownProperties([schema], value, follow, {
      limit: Math.max(0, MAX_NAMED - found.length),
      except: new Set(found.map((violation) => violation.field)),
    });
    return { named: [...found, ...unknown.named].slice(0, MAX_NAMED), count: found.length + unknown.count };
  }

  /**
   * Checks a response against the operation's description: its status must be listed, its
   * media type too, and its body must fit the schema. The violations; none when it fits.
   * @param {Route} route @param {number} status @param {string | undefined} mediaType @param {unknown} body
   * @returns {Violation[]}
   */
  response(route, status, mediaType, body) {
    const described = resolve(
      route.document,
      route.operation.responses[String(status)] ?? route.operation.responses.default,
    );
    if (!described) return [{ field: 'status', message: `${status} is not a response ${route.operationId} describes` }];
    const content = described.content ?? {};
    if (mediaType === undefined) {
      return Object.keys(content).length === 0 ? [] : [{ field: 'body', message: `${status} must have a body` }];
    }
    if (!(mediaType in content)) {
      return [
        { field: 'content-type', message: `${mediaType} is not a media type of ${route.operationId}'s ${status}` },
      ];
    }
    const key = `${route.api}:${route.operationId}:${status}:${mediaType}`;
    const validate = this.#compile(key, this.bodyAjv, route.api, () => content[mediaType].schema ?? {});
    return validate(body) ? [] : violations(validate);
  }

  /** Checks a webhook payload against the description of that event. */
  webhook(/** @type {string} */ event, /** @type {unknown} */ payload) {
    const document = this.documents.openapi;
    const validate = this.#compile(`webhook:${event}`, this.bodyAjv, 'openapi', () => {
      const operation = resolve(document, document.webhooks?.[event])?.post;
      return operation?.requestBody?.content['application/json']?.schema ?? false;
    });
    return validate(payload) ? [] : violations(validate);
  }

  /** The examples the description gives for a webhook event's payload. */
  webhookExample(/** @type {string} */ event) {
    const document = this.documents.openapi;
    return mediaExample(
      document,
      resolve(document, document.webhooks?.[event])?.post?.requestBody?.content['application/json'],
    );
  }

  /** The webhook events the description lists. */
  webhookEvents() {
    return Object.keys(this.documents.openapi.webhooks ?? {});
  }

  /** What the description calls an event ("Batch completed"). */
  webhookSummary(/** @type {string} */ event) {
    const document = this.documents.openapi;
    return String(resolve(document, document.webhooks?.[event])?.post?.summary ?? '');
  }

  /** Compiles on first use, so start-up stays fast. @param {string} key @param {import('ajv').default} ajv @param {string} api @param {() => object | boolean} schema */
  #compile(key, ajv, api, schema) {
    let validate = this.compiled.get(key);
    if (!validate) {
      const json = JSON.stringify(schema()).replaceAll('"#/components/', `"urn:autocollect:${api}#/components/`);
      validate = ajv.compile(JSON.parse(json));
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

/** An integer as a parameter gives one: digits, few enough to be exact. */
const WHOLE_NUMBER = /^-?\d{1,15}$/;

/** A parameter's name where the request's values hold it: header names in lower case, as Node gives them. @param {Parameter} parameter */
const parameterKey = (parameter) => (parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name);

/**
 * The most values (objects, arrays, strings, numbers…) a body may hold for each of its
 * mistakes to be named; a larger invalid body is answered with its first.
 */
const NAME_EVERY_MISTAKE_UP_TO = 2_000;

/** @param {boolean} coerceTypes @param {boolean} [allErrors] */
function validatorFor(coerceTypes, allErrors = true) {
  // The descriptions are linted before they are bundled: checking their schemas against
  // JSON Schema's own again would take a sandbox's start twice as long.
  const ajv = new Ajv2020({
    strict: false,
    allErrors,
    verbose: true,
    coerceTypes,
    logger: false,
    validateSchema: false,
  });
  addFormats(ajv);
  // OpenAPI's own schema keywords, which validate nothing.
  for (const keyword of ['example', 'discriminator', 'xml', 'externalDocs']) ajv.addKeyword(keyword);
  return ajv;
}

/** Follows a local `$ref` (components only) to what it names. */
export function resolve(/** @type {any} */ document, /** @type {any} */ node) {
  let current = node;
  while (current && typeof current.$ref === 'string' && current.$ref.startsWith('#/')) {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce(
        (/** @type {any} */ at, /** @type {string} */ part) => at?.[part.replaceAll('~1', '/').replaceAll('~0', '~')],
        document,
      );
  }
  return current;
}

/**
 * Ajv's errors as one message per field, the field named as a user writes it
 * (`invoices[0].dueDate`); anyOf alternatives collapse into the anyOf's own message.
 * @param {import('ajv').ValidateFunction} validate @param {(field: string) => string} [rename]
 * @param {any} [document] the description, to name what the branches of an anyOf require
 * @returns {Violation[]}
 */
function violations(validate, rename = (field) => field, document = undefined) {
  const errors = validate.errors ?? [];
  const anyOfAt = new Set(errors.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath));
  /** @type {Map<string, string>} */
  const byField = new Map();
  for (const error of errors) {
    const inAnyOf = error.keyword !== 'anyOf' && anyOfAt.has(error.instancePath);
    if (inAnyOf) continue;
    let field = error.instancePath
      .split('/')
      .slice(1)
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
    let message = error.message ?? 'is not valid';
    if (error.keyword === 'required') {
      const missing = /** @type {{ missingProperty: string }} */ (error.params).missingProperty;
      field = field ? `${field}.${missing}` : missing;
      message = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      const extra = /** @type {{ additionalProperty: string }} */ (error.params).additionalProperty;
      field = field ? `${field}.${extra}` : extra;
      message = 'is not a known property';
    } else if (error.keyword === 'anyOf') {
      message = describeAnyOf(error.parentSchema, document);
    } else if (error.keyword === 'enum') {
      const allowed = /** @type {{ allowedValues: unknown[] }} */ (error.params).allowedValues.map(String);
      const nearest = closestMatch(String(error.data), allowed, { maxDistance: 3 });
      message = `must be one of ${allowed.join(', ')}${nearest ? `; did you mean ${nearest}?` : ''}`;
    }
    field = rename(field || 'body');
    if (!byField.has(field)) byField.set(field, message);
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

/** "must be a date or a date-time", from the alternatives' formats or types. */
function describeAnyOf(/** @type {any} */ schema, /** @type {any} */ document) {
  const options = (schema?.anyOf ?? []).map((/** @type {any} */ option) =>
    document && typeof option?.$ref === 'string'
      ? resolve(document, { $ref: option.$ref.replace(/^urn:[^#]*/, '') })
      : option,
  );
  // Objects told apart by what they require: a person by name, a company by its number.
  const needs = options.map((/** @type {any} */ option) => option?.required?.join(' and ')).filter(Boolean);
  if (needs.length === options.length && needs.length > 0) return `must have ${needs.join(', or ')}`;
  const kinds = options
    .map(
      (/** @type {any} */ option) =>
        option?.format ?? option?.type ?? (option?.enum ? `one of ${option.enum.join(', ')}` : undefined),
    )
    .filter(Boolean);
  return kinds.length > 0
    ? `must be ${kinds.map((/** @type {string} */ kind) => (/^one of/.test(kind) ? kind : `a ${kind}`)).join(' or ')}`
    : 'must match one of the allowed shapes';
}

/** A path template such as `/orgs/{organizationId}/invoices` as a pattern, with its parameters' names in order. @returns {PathTemplate} */
export function compileTemplate(/** @type {string} */ template) {
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => /** @type {string} */ (match[1]));
  return { pattern: new RegExp(`^${escapeRegExp(template).replace(/\\\{[^}]+\\\}/g, '([^/]+)')}$`), names };
}

/** The template's parameters in a path, decoded; undefined when the path does not fit it. @param {PathTemplate} template @param {string} pathname */
export function matchTemplate({ pattern, names }, pathname) {
  const match = pattern.exec(pathname);
  if (!match) return undefined;
  return Object.fromEntries(
    names.map((name, index) => [name, decodeSegment(/** @type {string} */ (match[index + 1]))]),
  );
}

/** A path segment decoded; one with a broken escape stays as it is, for validation to refuse. */
function decodeSegment(/** @type {string} */ segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const escapeRegExp = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The AutoCollect API's description, as the sandbox serves it. @returns {any} */
export const mainDescription = () => require(MAIN_DESCRIPTION);

/** A description's operation, by its operationId. @param {any} document @param {string} operationId @returns {any} */
export function operationById(document, operationId) {
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of METHODS) if (item[method]?.operationId === operationId) return item[method];
  }
  return undefined;
}

/**
 * A media type's example: its `example`, else the value of the first of its `examples`.
 * @param {any} document @param {any} media
 */
export function mediaExample(document, media) {
  if (media && 'example' in media) return media.example;
  const [first] = Object.values(media?.examples ?? {});
  return resolve(document, first)?.value;
}

/** Each path parameter's example, by name: the path items' own parameters and their operations'. @param {any} document @returns {Record<string, string>} */
export function pathParameterExamples(document) {
  /** @type {Record<string, string>} */
  const examples = {};
  for (const item of Object.values(document.paths ?? {})) {
    const references = [...(item.parameters ?? []), ...METHODS.flatMap((method) => item[method]?.parameters ?? [])];
    for (const parameter of references.map((reference) => resolve(document, reference))) {
      if (parameter?.in === 'path' && typeof parameter.example === 'string')
        examples[parameter.name] ??= parameter.example;
    }
  }
  return examples;
}

/** What an organization other than the examples' is called. */
const OTHER_ORGANIZATION = { organizationNumber: '999999999', name: 'Sandbox Creditor AS' };

/** @type {{ id: string, organizationNumber: string, name: string } | undefined} */
let examplesOrganization;

/**
 * The organization of the description's examples: the `organizationId` path parameter's
 * example, with the number and name an example shows beside that id. The sandbox acts
 * for it unless told otherwise, so every sample in the docs works against it as written.
 * Read once: the description does not change while the process runs.
 * @returns {{ id: string, organizationNumber: string, name: string }}
 */
export function exampleOrganization() {
  if (examplesOrganization) return examplesOrganization;
  const document = mainDescription();
  const id = pathParameterExamples(document).organizationId;
  if (id === undefined) throw new Error('The description gives no example of the organizationId parameter.');
  /** @type {{ organizationNumber?: string, name?: string } | undefined} */
  let shown;
  const visit = (/** @type {unknown} */ node) => {
    if (shown || !node || typeof node !== 'object') return;
    const object = /** @type {Record<string, unknown>} */ (node);
    if (object.id === id && typeof object.organizationNumber === 'string' && typeof object.name === 'string') {
      shown = object;
      return;
    }
    for (const value of Object.values(object)) visit(value);
  };
  visit(document.components?.examples);
  examplesOrganization = {
    id,
    organizationNumber: shown?.organizationNumber ?? OTHER_ORGANIZATION.organizationNumber,
    name: shown?.name ?? OTHER_ORGANIZATION.name,
  };
  return examplesOrganization;
}

/** The organization a sandbox acts for: the examples', or another with that id. @param {string} id */
export function organizationFor(id) {
  const example = exampleOrganization();
  return id === example.id ? example : { id, ...OTHER_ORGANIZATION };
}

/** The AutoCollect API's `Sandbox` server in the description: where the sandbox listens by default. */
export function describedSandboxUrl() {
  const document = mainDescription();
  const server = (document.servers ?? []).find((/** @type {any} */ entry) => entry.description === 'Sandbox');
  if (!server) throw new Error('The description lists no server described as "Sandbox".');
  return /** @type {string} */ (server.url);
}
