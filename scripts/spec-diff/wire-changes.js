// @ts-check
// The wire's judge, beside the compiler's (./type-changes.js): what changes which values
// an API accepts or sends without changing the generated types, because TypeScript cannot
// say it (a format, integer against number, bounds, lengths, patterns, closed objects,
// parameter serialization, response headers, security). Each change narrows or widens what may be carried,
// and its verdict follows its direction and who makes the value:
//   - narrowing what a request, a parameter or a header may carry breaks a request that
//     was accepted before;
//   - widening what a response or webhook may carry breaks a reader where it relies on it:
//     the format it parses, whole numbers. Looser bounds in what is read break nothing.
import { deref, HTTP_METHODS } from '../../spec/scripts/description.js';
import { describeChange } from './describe-change.js';
import { renamedSchemes, securityChange } from './security-changes.js';

/** @typedef {'write' | 'read'} Role who makes the value: the user (a request) or the API (a response) */
/** @typedef {{ where: string, text: string, breaking: boolean, judge: 'wire', why: string }} WireChange */
/** @typedef {'narrower' | 'wider' | 'other'} Direction what a change does to the set of valid values */

/** Lower bounds: raised or added, they narrow. */
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
/** Upper bounds: lowered or added, they narrow. */
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];

/**
 * Every change of what the wire accepts, operation by operation, in both bundles' paths and webhooks.
 * @param {any} before a bundled description
 * @param {any} after the same description, changed
 * @param {(method: string, path: string, section: 'paths' | 'webhooks') => string} where how the compiler's judge names an operation
 * @param {(section: string, method: string, path: string) => boolean} [same] whether an operation is unchanged: passed by
 * @param {Map<string, string>} [renames] the security schemes renamed (renamedSchemes), found once for every operation's security
 * @returns {WireChange[]}
 */
export function wireChanges(before, after, where, same = () => false, renames = renamedSchemes(before, after)) {
  /** @type {WireChange[]} */
  const changes = [];
  for (const section of /** @type {const} */ (['paths', 'webhooks'])) {
    // Users send requests and receive webhooks: the roles swap.
    /** @type {{ input: Role, output: Role }} */
    const roles = section === 'paths' ? { input: 'write', output: 'read' } : { input: 'read', output: 'write' };
    for (const [path, oldItem] of Object.entries(before[section] ?? {})) {
      const newItem = after[section]?.[path];
      if (!newItem) continue;
      for (const method of HTTP_METHODS) {
        const [old, now] = [oldItem[method], newItem[method]];
        if (!old || !now || same(section, method, path)) continue;
        const add = (/** @type {string} */ text, /** @type {boolean} */ breaking, /** @type {string} */ why = '') =>
          changes.push({
            where: where(method, path, section),
            text,
            breaking,
            judge: 'wire',
            why: why || (breaking ? 'a request or reader that worked may fail' : 'nothing that worked fails'),
          });
        compareOperation({ before, after, oldItem, newItem, old, now, roles, renames, add });
      }
    }
  }
  return changes;
}

/**
 * @param {{ before: any, after: any, oldItem: any, newItem: any, old: any, now: any,
 *   roles: { input: Role, output: Role }, renames: Map<string, string>,
 *   add: (text: string, breaking: boolean, why?: string) => void }} sides
 */
function compareOperation({ before, after, oldItem, newItem, old, now, roles, renames, add }) {
  const parameters = (/** @type {any} */ document, /** @type {any} */ item, /** @type {any} */ operation) =>
    new Map(
      [...(item.parameters ?? []), ...(operation.parameters ?? [])]
        .map((parameter) => deref(document, parameter))
        .map((parameter) => [`${parameter.in} parameter ${parameter.name}`, parameter]),
    );
  const newParameters = parameters(after, newItem, now);
  for (const [label, parameter] of parameters(before, oldItem, old)) {
    const next = newParameters.get(label);
    if (!next) continue;
    const [was, is] = [serialization(before, parameter), serialization(after, next)];
    // Compared as written on the wire: a default spelt out, or a style or explode that writes
    // the same for the values the schema allows, is no change; a new style says all.
    const side = (/** @type {any} */ p, /** @type {'style' | 'explode'} */ keyword, /** @type {unknown} */ value) =>
      p[keyword] === undefined ? `${JSON.stringify(value)} (the default)` : JSON.stringify(value);
    if (was.wire.style !== is.wire.style)
      add(
        `${label}: style changed from ${side(parameter, 'style', was.style)} to ${side(next, 'style', is.style)}`,
        true,
      );
    else if (was.wire.explode !== is.wire.explode)
      add(
        `${label}: explode changed from ${side(parameter, 'explode', was.explode)} to ${side(next, 'explode', is.explode)}`,
        true,
      );
    // Reserved characters sent unescaped, or escaped: the same values written otherwise.
    if (Boolean(parameter.allowReserved) !== Boolean(next.allowReserved))
      add(`${label}: allowReserved ${describeChange(parameter.allowReserved, next.allowReserved)}`, true);
    compareSchemas(before, after, parameter.schema, next.schema, '', roles.input, (at, text, breaking, why) =>
      add(`${label}${at ? ` ${at}` : ''}: ${text}`, breaking, why),
    );
  }
  const [oldBody, newBody] = [deref(before, old.requestBody), deref(after, now.requestBody)];
  if (oldBody && newBody) compareBodies(before, after, oldBody, newBody, 'request body', roles.input, add);
  const statuses = Object.keys(now.responses ?? {});
  for (const [status, response] of Object.entries(old.responses ?? {}))
    for (const next of newResponsesOf(status, statuses)) {
      const [was, is] = [deref(before, response), deref(after, now.responses[next.status])];
      compareBodies(before, after, was, is, next.label, roles.output, add);
      compareHeaders(before, after, was, is, next.label, roles.output, add);
    }
  const security = securityChange(before, after, old, now, renames);
  if (security) add(security.text, security.breaking);
}

/**
 * The new responses that stand for an old one, and the label of what changed under each: the
 * same status; where the new responses no longer list it, the range that covers it (2XX for
 * 202), which openapi-typescript and openapi-fetch read as they read the status (success, or
 * an error); or, for a range they no longer list, the codes within it (202 for 2XX).
 * @param {string} status an old response's status
 * @param {string[]} statuses the new responses'
 * @returns {{ status: string, label: string }[]} none when the response is gone
 */
export function newResponsesOf(status, statuses) {
  if (statuses.includes(status)) return [{ status, label: `response ${status}` }];
  const range = /^[1-5]\d\d$/.test(status) ? `${status[0]}XX` : undefined;
  if (range && statuses.includes(range)) return [{ status: range, label: `response ${status} (now ${range})` }];
  const within = /^[1-5]XX$/.test(status)
    ? statuses.filter((code) => /^[1-5]\d\d$/.test(code) && code[0] === status[0])
    : [];
  return within.map((code) => ({ status: code, label: `response ${status} (now ${code})` }));
}

/**
 * The media types of a request body or response, and the schema of each kept.
 * @param {any} before @param {any} after @param {any} old @param {any} now @param {string} label @param {Role} role
 * @param {(text: string, breaking: boolean, why?: string) => void} add
 */
function compareBodies(before, after, old, now, label, role, add) {
  const types = Object.keys(old.content ?? {});
  for (const mediaType of types) {
    const next = now.content?.[mediaType];
    if (!next) continue;
    const named = types.length > 1 ? ` (${mediaType})` : '';
    compareSchemas(before, after, old.content[mediaType].schema, next.schema, '', role, (at, text, breaking, why) =>
      add(`${label}${named}${at ? ` ${at}` : ''}: ${text}`, breaking, why),
    );
  }
}

/**
 * The headers of a response, by name in any letter case: the types do not show them, yet a
 * reader relies on the ones it reads (Retry-After, Location). In a webhook, the response is
 * the receiver's to write: a header it must now send breaks it, one gone does not.
 * @param {any} before @param {any} after @param {any} old @param {any} now @param {string} label @param {Role} role
 * @param {(text: string, breaking: boolean, why?: string) => void} add
 */
function compareHeaders(before, after, old, now, label, role, add) {
  const byName = (/** @type {any} */ document, /** @type {any} */ response) =>
    new Map(
      Object.entries(response.headers ?? {}).map(([name, header]) => [
        name.toLowerCase(),
        { name, header: deref(document, header) ?? {} },
      ]),
    );
  const [olds, news] = [byName(before, old), byName(after, now)];
  for (const [key, { name, header }] of olds) {
    const next = news.get(key)?.header;
    const at = `${label} header ${name}`;
    if (!next) {
      if (role === 'read') add(`${at}: removed`, true, 'a reader may rely on it');
      else add(`${at}: removed`, false, 'the receiver need no longer send it');
      continue;
    }
    if (Boolean(header.required) !== Boolean(next.required)) {
      const now = next.required ? 'required' : 'optional';
      if (role === 'read') add(`${at}: became ${now}`, !next.required, 'a reader may rely on it');
      else add(`${at}: became ${now}`, Boolean(next.required), 'a receiver must now send it');
    }
    // What the compiler's judge says of a body's type: here no type carries it. As in the
    // types, integer is a number: integer against number is the schemas' to tell, below.
    const [oldSchema, newSchema] = [deref(before, header.schema) ?? {}, deref(after, next.schema) ?? {}];
    const [was, is] = [oldSchema, newSchema].map((schema) =>
      [...new Set(typesOf(schema).map((type) => (type === 'integer' ? 'number' : type)))].sort(),
    );
    if (was.join() !== is.join()) {
      const written = (/** @type {any} */ schema) => JSON.stringify(typesOf(schema).join(' | '));
      const sentence = `type changed from ${written(oldSchema)} to ${written(newSchema)}`;
      const breaking =
        role === 'read' ? !is.every((type) => was.includes(type)) : !was.every((type) => is.includes(type));
      add(
        `${at}: ${sentence}`,
        breaking,
        breaking ? 'a reader may meet what it does not parse' : 'nothing that worked fails',
      );
    }
    compareSchemas(before, after, header.schema, next.schema, '', role, (where, text, breaking, why) =>
      add(`${at}${where ? ` ${where}` : ''}: ${text}`, breaking, why),
    );
  }
  for (const [key, { name, header }] of news) {
    if (olds.has(key)) continue;
    const breaking = role === 'write' && Boolean(header.required);
    add(
      `${label} header ${name}: added`,
      breaking,
      breaking ? 'a receiver must now send it' : 'nothing that worked fails',
    );
  }
}

/**
 * Compares two schemas keyword by keyword, and their properties, items and branches in turn.
 * @param {any} before @param {any} after the documents, to follow `$ref`s
 * @param {any} oldSchema @param {any} newSchema
 * @param {string} at where in the value (`invoices[].invoiceNumber`)
 * @param {Role} role
 * @param {(at: string, text: string, breaking: boolean, why: string) => void} add
 * @param {Set<string>} [seen] pairs of `$ref`s under comparison, so recursive schemas end
 */
function compareSchemas(before, after, oldSchema, newSchema, at, role, add, seen = new Set()) {
  const pair = `${oldSchema?.$ref ?? ''} ${newSchema?.$ref ?? ''}`;
  if (pair !== ' ' && seen.has(pair)) return;
  if (pair !== ' ') seen.add(pair);
  const [old, now] = [deref(before, oldSchema), deref(after, newSchema)];
  if (!old || !now || typeof old !== 'object' || typeof now !== 'object') return;
  /**
   * @param {string} text @param {Direction} direction
   * @param {boolean} [readersRely] a reader relies on it (a format it parses)
   * @param {string} [unexpected] what a reader that relies on it may meet, when that breaks it
   */
  const judge = (text, direction, readersRely = false, unexpected = 'a reader may meet what it does not parse') => {
    if (role === 'write')
      add(
        at,
        text,
        direction !== 'wider',
        direction === 'wider' ? 'a request may carry more than before' : 'a request accepted before may be refused',
      );
    else if (direction !== 'narrower' && readersRely) add(at, text, true, unexpected);
    else add(at, text, false, direction === 'narrower' ? 'a reader gets less than before' : 'no reader relies on it');
  };

  const [oldTypes, newTypes] = [typesOf(old), typesOf(now)];
  if (oldTypes.includes('number') && !newTypes.includes('number') && newTypes.includes('integer'))
    judge('type number became integer', 'narrower');
  if (oldTypes.includes('integer') && !oldTypes.includes('number') && newTypes.includes('number'))
    judge('type integer became number', 'wider', true);
  if (old.format !== now.format) {
    const direction = old.format === undefined ? 'narrower' : now.format === undefined ? 'wider' : 'other';
    judge(`format ${describeChange(old.format, now.format)}`, direction, true);
  }
  for (const keyword of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
    const [was, is] = [old[keyword], now[keyword]];
    if (was === is || (typeof was !== 'number' && typeof is !== 'number')) continue;
    const lower = LOWER_BOUNDS.includes(keyword);
    const narrower = was === undefined || (is !== undefined && (lower ? is > was : is < was));
    judge(`${keyword} ${describeChange(was, is)}`, narrower ? 'narrower' : 'wider');
  }
  if (old.multipleOf !== now.multipleOf) {
    const direction = now.multipleOf === undefined ? 'wider' : 'narrower';
    judge(`multipleOf ${describeChange(old.multipleOf, now.multipleOf)}`, direction);
  }
  if (old.pattern !== now.pattern) {
    // A pattern says what form a value has, and a reader may check it or parse by it. One
    // replaced by another lets other values through, and perhaps fewer: spec:diff cannot
    // tell which of two patterns allows more, so it breaks on both sides.
    const unmatched = 'a reader may get values the old pattern did not allow';
    const replaced = old.pattern !== undefined && now.pattern !== undefined;
    judge(
      `pattern ${describeChange(old.pattern, now.pattern)}`,
      replaced ? 'other' : now.pattern === undefined ? 'wider' : 'narrower',
      true,
      replaced ? `${unmatched}: spec:diff cannot tell that the new one allows no more` : unmatched,
    );
  }
  if (JSON.stringify(old.dependentRequired ?? {}) !== JSON.stringify(now.dependentRequired ?? {})) {
    // Each property's list of what it requires beside it: one more, or longer, narrows.
    const pairs = (/** @type {any} */ schema) =>
      Object.entries(schema.dependentRequired ?? {}).flatMap(([name, list]) =>
        /** @type {string[]} */ (list).map((other) => `${name}>${other}`),
      );
    const [was, is] = [pairs(old), pairs(now)];
    const direction = is.every((pair) => was.includes(pair))
      ? 'wider'
      : was.every((pair) => is.includes(pair))
        ? 'narrower'
        : 'other';
    judge(`dependentRequired ${describeChange(old.dependentRequired, now.dependentRequired)}`, direction);
  }
  if (JSON.stringify(old.not) !== JSON.stringify(now.not))
    judge(
      `not ${old.not === undefined ? 'added' : now.not === undefined ? 'removed' : 'changed'}`,
      old.not === undefined ? 'narrower' : now.not === undefined ? 'wider' : 'other',
    );
  // What a value left out means: the API (or, for a response, the reader) takes another.
  if (JSON.stringify(old.default) !== JSON.stringify(now.default)) {
    const breaking = old.default !== undefined && (now.default !== undefined || role === 'write');
    add(
      at,
      `default ${describeChange(old.default, now.default)}`,
      breaking,
      breaking ? 'a value left out is now taken as another' : 'it says what a value left out was taken as',
    );
  }
  // A request property made read-only may be refused or dropped; a response's made write-only no longer comes.
  for (const [keyword, breaksFor] of /** @type {const} */ ([
    ['readOnly', 'write'],
    ['writeOnly', 'read'],
  ]))
    if (Boolean(old[keyword]) !== Boolean(now[keyword])) {
      const breaking = Boolean(now[keyword]) && role === breaksFor;
      add(
        at,
        `${keyword} ${now[keyword] ? 'added' : 'removed'}`,
        breaking,
        breaking
          ? role === 'write'
            ? 'the API may refuse the value, or drop it'
            : 'a reader no longer gets it'
          : 'nothing that worked fails',
      );
    }
  if (Boolean(old.uniqueItems) !== Boolean(now.uniqueItems))
    judge(`uniqueItems ${now.uniqueItems ? 'added' : 'removed'}`, now.uniqueItems ? 'narrower' : 'wider');
  for (const keyword of ['additionalProperties', 'unevaluatedProperties']) {
    const [closedBefore, closedNow] = [old[keyword] === false, now[keyword] === false];
    if (closedBefore !== closedNow)
      judge(
        closedNow ? `closed to other properties (${keyword}: false)` : `open to other properties (${keyword})`,
        closedNow ? 'narrower' : 'wider',
      );
  }

  /** The branch lists on both sides, each paired once: judged below, then compared pair by pair. */
  const paired = new Map();
  for (const keyword of ['allOf', 'anyOf', 'oneOf'])
    if (Array.isArray(old[keyword]) && Array.isArray(now[keyword]))
      paired.set(keyword, pairBranches(old[keyword], now[keyword], keyword));
  // A whole allOf come or gone is its entries come or gone: no allOf is one of none.
  if (Array.isArray(old.allOf) !== Array.isArray(now.allOf))
    paired.set('allOf', pairBranches(old.allOf ?? [], now.allOf ?? [], 'allOf'));

  /** How many branches of a list came or went: none, or `1 alternative added`. */
  const count = (/** @type {number} */ n, /** @type {string} */ branch, /** @type {string} */ what) =>
    n ? [`${n} ${branch}${n === 1 ? '' : 's'} ${what}`] : [];

  // An allOf entry, unpaired (not the same, nor edited in place), is one more constraint a
  // value must meet, or one fewer: added narrows, removed widens (and a reader may then meet
  // what the entry kept out); both, either way. One of words alone, or of the type the schema
  // has, constrains nothing: it comes or goes with no verdict on either side.
  if (paired.has('allOf')) {
    /** Whether an entry of `schema`'s allOf, in `document`, constrains something. @param {any} document @param {any} schema @param {any} entry */
    const constrains = (document, schema, entry) => {
      const resolved = deref(document, entry);
      return !acceptsAll(resolved, undefined, schema.type) || Boolean(resolved?.readOnly || resolved?.writeOnly);
    };
    const { added: come, removed: gone } = paired.get('allOf');
    const added = come.filter((/** @type {any} */ entry) => constrains(after, now, entry));
    const removed = gone.filter((/** @type {any} */ entry) => constrains(before, old, entry));
    if (added.length + removed.length > 0)
      judge(
        `allOf: ${[...count(added.length, 'entry', 'added'), ...count(removed.length, 'entry', 'removed')].join(', ')}`,
        removed.length === 0 ? 'narrower' : added.length === 0 ? 'wider' : 'other',
        true,
        'a reader may meet values the removed entry kept out',
      );
    const unconstrained = [
      ...count(come.length - added.length, 'entry', 'added'),
      ...count(gone.length - removed.length, 'entry', 'removed'),
    ];
    if (unconstrained.length)
      add(at, `allOf: ${unconstrained.join(', ')}, which constrains nothing`, false, 'it accepts every value');
  }

  // Alternatives, the same ones paired wherever they stand: a new list of them lets fewer
  // through; without them, more, unless what replaced them (an enum for an open one, say)
  // constrains otherwise. More anyOf alternatives let more through, fewer let less; oneOf's
  // (exactly one must match) may let others through either way.
  for (const keyword of ['anyOf', 'oneOf']) {
    const [a, b] = [old[keyword], now[keyword]].map((list) => (Array.isArray(list) ? list.length : 0));
    if (a === 0 && b === 0) continue;
    if (a === 0) judge(`${keyword} added: must match one of ${b}`, 'narrower');
    else if (b === 0) {
      const replaced = ['enum', 'const', 'type', 'format', 'pattern'].some(
        (constraint) =>
          now[constraint] !== undefined && JSON.stringify(now[constraint]) !== JSON.stringify(old[constraint]),
      );
      judge(`${keyword} removed`, replaced ? 'other' : 'wider', true);
    } else {
      const { added: come, removed: gone } = paired.get(keyword);
      if (come.length + gone.length === 0) continue; // each paired: compared below
      // An anyOf alternative whose values one on the other side accepts (an open enum's known
      // values, beside its any other value) lets nothing less through, or more.
      const covered = (
        /** @type {any} */ branch,
        /** @type {any} */ from,
        /** @type {any} */ into,
        /** @type {any} */ other,
      ) =>
        keyword === 'anyOf' &&
        other[keyword].some((/** @type {any} */ each) =>
          acceptsAll(deref(into, each), deref(from, branch), other.type),
        );
      const removed = gone.filter((/** @type {any} */ branch) => !covered(branch, before, after, now));
      const added = come.filter((/** @type {any} */ branch) => !covered(branch, after, before, old));
      if (added.length === 0 && removed.length === 0) {
        const all = [
          ...count(come.length, 'alternative', 'added'),
          ...count(gone.length, 'alternative', 'removed'),
        ].join(', ');
        judge(`${keyword}: ${all}, whose values another still accepts`, 'wider');
        continue;
      }
      const text = [
        ...count(added.length, 'alternative', 'added'),
        ...count(removed.length, 'alternative', 'removed'),
      ].join(', ');
      const direction =
        keyword === 'oneOf' || (added.length && removed.length) ? 'other' : added.length ? 'wider' : 'narrower';
      judge(`${keyword}: ${text}`, direction, true);
    }
  }
  // What a bare `required` list asks (an alternative's, say): the types show it as nothing.
  if (!old.properties && !now.properties && !old.allOf && !now.allOf) {
    const [was, is] = [old.required ?? [], now.required ?? []];
    const added = is.filter((/** @type {string} */ name) => !was.includes(name));
    const removed = was.filter((/** @type {string} */ name) => !is.includes(name));
    if (added.length) judge(`required ${added.join(', ')} added`, 'narrower');
    if (removed.length) judge(`required ${removed.join(', ')} removed`, 'wider');
  }

  const into = (/** @type {string} */ next) => (/** @type {any} */ a, /** @type {any} */ b) =>
    compareSchemas(before, after, a, b, next, role, add, seen);
  for (const [name, property] of Object.entries(old.properties ?? {}))
    if (now.properties?.[name]) into(at ? `${at}.${name}` : name)(property, now.properties[name]);
  if (old.items && now.items) into(`${at}[]`)(old.items, now.items);
  for (const { pairs } of paired.values()) for (const [was, is] of pairs) into(at)(was, is);
  if (pair !== ' ') seen.delete(pair);
}

/**
 * Two lists of branches paired: each with its equal wherever it stands (equal in what it
 * accepts as written: its text and the order of its keys aside; what a `$ref` points to
 * may still differ), then those left, in order, where they declare the same types (an edit
 * in place); the others are added and removed. anyOf's duplicates count once: they accept
 * nothing more (oneOf's do: a value matching two fails).
 * @param {any[]} before @param {any[]} after
 * @param {string} keyword allOf, anyOf or oneOf
 * @returns {{ pairs: [any, any][], added: any[], removed: any[] }}
 */
function pairBranches(before, after, keyword) {
  const once = (/** @type {any[]} */ list) =>
    keyword === 'anyOf' ? [...new Map(list.map((branch) => [branchKey(branch), branch])).values()] : list;
  const [olds, news] = [once(before), once(after)];
  const left = news.map(branchKey);
  /** @type {[any, any][]} */
  const pairs = [];
  const unmatched = [];
  for (const branch of olds) {
    const at = left.indexOf(branchKey(branch));
    if (at === -1) unmatched.push(branch);
    else {
      pairs.push([branch, news[at]]);
      left[at] = '';
    }
  }
  const added = news.filter((_, index) => left[index] !== '');
  const removed = [];
  for (const branch of unmatched) {
    const at = added.findIndex((candidate) => sameTypes(candidate, branch));
    if (at === -1) removed.push(branch);
    else pairs.push([branch, added.splice(at, 1)[0]]);
  }
  return { pairs, added, removed };
}

/** What a schema accepts, as text: its keys sorted, the words for readers left out. */
const branchKey = (/** @type {any} */ schema) =>
  JSON.stringify(schema, (key, value) =>
    DOCUMENTATION_KEYWORDS.has(key) || key.startsWith('x-')
      ? undefined
      : value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
        : value,
  );
const DOCUMENTATION_KEYWORDS = new Set(['description', 'title', 'example', 'examples', 'externalDocs', '$comment']);
/** @param {any} a @param {any} b */
const sameTypes = (a, b) => typesOf(a).slice().sort().join() === typesOf(b).slice().sort().join();

/** @param {any} schema @returns {string[]} */
const typesOf = (schema) => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);
/** Keywords that only describe: a schema of these alone accepts any value. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'examples',
  'example',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
]);

/**
 * Whether `general` plainly accepts every value `specific` does, within a schema of type
 * `parent` (which constrains both): it constrains nothing more, or only by a type that every
 * value `specific` lists (its enum or const) is of, or that `specific` has too.
 * @param {any} general @param {any} specific @param {unknown} parent
 */
function acceptsAll(general, specific, parent) {
  const type = general?.type ?? parent;
  const constraints = Object.keys(general ?? {}).filter(
    (key) => !ANNOTATIONS.has(key) && !key.startsWith('x-') && !(key === 'type' && general.type === parent),
  );
  if (constraints.length === 0) return true;
  if (constraints.length > 1 || constraints[0] !== 'type' || typeof type !== 'string') return false;
  if ((specific?.type ?? parent) === type) return true;
  const values = specific?.enum ?? (specific?.const !== undefined ? [specific.const] : undefined);
  const fits = (/** @type {unknown} */ value) =>
    type === 'integer'
      ? Number.isInteger(value)
      : type === 'number'
        ? typeof value === 'number'
        : type === 'array'
          ? Array.isArray(value)
          : type === 'object'
            ? value !== null && typeof value === 'object' && !Array.isArray(value)
            : type === 'null'
              ? value === null
              : typeof value === type;
  return Array.isArray(values) && values.every(fits);
}

/** The style each parameter location writes by default (OpenAPI 3.1, 4.8.12.4). */
const DEFAULT_STYLE = /** @type {Record<string, string>} */ ({
  query: 'form',
  cookie: 'form',
  path: 'simple',
  header: 'simple',
});

/**
 * How a parameter is written: its style and explode, defaults filled in, and as they come out
 * on the wire (`wire`) for the values its schema allows: a single value is written alike by
 * every explode, and in a query by form, spaceDelimited and pipeDelimited; an array alike by
 * simple's explodes; and spaceDelimited or pipeDelimited exploded is form exploded.
 * @param {any} document @param {any} parameter
 */
function serialization(document, parameter) {
  const style = parameter.style ?? DEFAULT_STYLE[parameter.in];
  const explode = parameter.explode ?? style === 'form';
  const kinds = valueKinds(document, parameter.schema);
  const delimited = ['form', 'spaceDelimited', 'pipeDelimited'].includes(style);
  const single = !kinds.has('array') && !kinds.has('object');
  const wireStyle = delimited && (explode || (single && parameter.in === 'query')) ? 'form' : style;
  const explodeMatters = kinds.has('object') || (kinds.has('array') && wireStyle !== 'simple');
  return { style, explode, wire: { style: wireStyle, explode: explodeMatters ? explode : undefined } };
}

/**
 * The kinds of value a schema allows: single, array, object; all three when it does not say.
 * @param {any} document @param {any} schema
 * @returns {Set<string>}
 */
function valueKinds(document, schema, seen = new Set()) {
  const resolved = deref(document, schema);
  if (!resolved || typeof resolved !== 'object' || seen.has(resolved)) return new Set(['single', 'array', 'object']);
  seen.add(resolved);
  const kinds = new Set();
  for (const type of [resolved.type ?? []].flat()) kinds.add(type === 'array' || type === 'object' ? type : 'single');
  // Its type bounds what any of its branches allow.
  if (kinds.size > 0) return kinds;
  const values = resolved.enum ?? (resolved.const !== undefined ? [resolved.const] : []);
  for (const value of values)
    kinds.add(Array.isArray(value) ? 'array' : value !== null && typeof value === 'object' ? 'object' : 'single');
  const branches = [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])];
  for (const branch of branches) for (const kind of valueKinds(document, branch, seen)) kinds.add(kind);
  // A schema that names no type nor values allows any kind.
  return kinds.size > 0 || branches.length > 0 ? kinds : new Set(['single', 'array', 'object']);
}
