// @ts-check
// Every change between two bundles of one API description, in words for a changelog:
// what changed, where, and whether it breaks code written against the generated client.
// The types compared are the client's own (packages/client/scripts/generate.js), and the
// TypeScript compiler judges each one (./type-changes.js). What the types do not carry is
// compared in the documents: servers (the client's `servers`), operationIds (its
// `operations` type) and schema names (its `components` type).
import { cachedTypes } from '../../packages/client/scripts/generate.js';
import { deref, escapePointerPart, HTTP_METHODS, listOperations } from '../../spec/scripts/description.js';
import { operationKeys } from './operation-keys.js';
import { renamedSchemes, securitySchemeChanges } from './security-changes.js';
import { exportedType, programOf, typeComparer } from './type-changes.js';
import { newResponsesOf, wireChanges } from './wire-changes.js';

/**
 * @typedef {{ where: string, text: string, breaking: boolean, judge?: 'types' | 'wire' | 'docs' | 'none', detail?: string, why?: string }} Change where: the operation,
 *   webhook or part of the description; judge: whose verdict it is, the compiler's on the types (the default), the wire's,
 *   docs (only the text changed), or none (a keyword no judge weighs: to review, counted as breaking);
 *   detail: the whole text, where `text` sums a long one up; why: the judge's reason, when it gives one
 */
/** @typedef {import('./type-changes.js').Role} Role */
/** @typedef {import('./type-changes.js').TypeChange} TypeChange */

const PARAMETER_LOCATIONS = ['path', 'query', 'header', 'cookie'];
const isSuccess = (/** @type {string} */ status) => /^2/.test(status);

/**
 * Every change from one bundle of a description to each of several others. The types of
 * all of them go into one compiler program, so the old side is generated, parsed and
 * resolved once however many new sides there are; an identical new side costs nothing.
 * @param {any} before a bundled description
 * @param {any[]} afters changed versions of it
 * @returns {Promise<Change[][]>} the changes to each, in order
 */
export async function listChangesEach(before, afters) {
  const original = JSON.stringify(before);
  const changed = afters.flatMap((after, index) => (JSON.stringify(after) === original ? [] : [index]));
  if (changed.length === 0) return afters.map(() => []);
  /** @type {Record<string, string>} */
  const files = { '/before.ts': await cachedTypes(before) };
  for (const index of changed) files[`/after-${index}.ts`] = await cachedTypes(afters[index]);
  const program = programOf(files);
  const checker = program.getTypeChecker();
  const types = typeComparer(checker);
  const oldFile = program.getSourceFile('/before.ts');
  if (!oldFile) throw new Error('The generated types did not load.');
  const oldKeys = operationKeys(before);
  return afters.map((after, index) => {
    if (!changed.includes(index)) return [];
    const newFile = program.getSourceFile(`/after-${index}.ts`);
    if (!newFile) throw new Error('The generated types did not load.');
    const newKeys = operationKeys(after);
    /** An operation written out the same on both sides: nothing of it to judge. */
    const same = (/** @type {string} */ section, /** @type {string} */ method, /** @type {string} */ path) => {
      const key = `${section} ${method} ${path}`;
      return oldKeys.has(key) && oldKeys.get(key) === newKeys.get(key);
    };
    return changesBetween({ before, after, checker, types, oldFile, newFile, same });
  });
}

/**
 * @param {{ before: any, after: any, checker: import('typescript').TypeChecker, types: ReturnType<typeof typeComparer>,
 *   oldFile: import('typescript').SourceFile, newFile: import('typescript').SourceFile,
 *   same: (section: string, method: string, path: string) => boolean }} sides same: whether an operation is unchanged
 * @returns {Change[]}
 */
function changesBetween({ before, after, checker, types, oldFile, newFile, same }) {
  /** @type {Change[]} */
  const changes = [];
  const ids = { before: operationIds(before), after: operationIds(after) };

  for (const section of /** @type {const} */ (['paths', 'webhooks'])) {
    // Users send requests and receive webhooks: the roles swap.
    /** @type {{ input: Role, output: Role }} */
    const roles = section === 'paths' ? { input: 'write', output: 'read' } : { input: 'read', output: 'write' };
    const [oldPaths, newPaths] = [exportedType(checker, oldFile, section), exportedType(checker, newFile, section)];
    for (const path of union(types.propertyNames(oldPaths), types.propertyNames(newPaths))) {
      const [oldItem, newItem] = [types.property(oldPaths, path)?.type, types.property(newPaths, path)?.type];
      for (const method of HTTP_METHODS) {
        if (same(section, method, path)) continue;
        const [old, now] = [types.property(oldItem, method)?.type, types.property(newItem, method)?.type];
        if (!old && !now) continue;
        const key = `${method.toUpperCase()} ${path}`;
        const where = whereOf(ids, method, path, section);
        const add = (
          /** @type {string} */ text,
          /** @type {boolean} */ breaking,
          /** @type {Partial<Change>} */ more = {},
        ) => changes.push({ where, text, breaking, ...more });
        if (!now) add('removed', true);
        else if (!old) add('added', false);
        else {
          const [oldId, newId] = [ids.before.get(key), ids.after.get(key)];
          // The exported `operations` type is keyed by operationId.
          if (oldId !== newId) add(`operationId ${oldId} renamed to ${newId}`, true);
          for (const { text, breaking, ...more } of compareOperation(types, old, now, roles)) add(text, breaking, more);
        }
      }
    }
  }
  // Found once: the schemes' own changes and each operation's security both name them.
  const renames = renamedSchemes(before, after);
  changes.push(
    ...wireChanges(before, after, (method, path, section) => whereOf(ids, method, path, section), same, renames),
    ...serverChanges(before, after, (method, path) => whereOf(ids, method, path, 'paths')),
    ...securitySchemeChanges(before, after, renames),
    ...schemaNameChanges(before, after),
  );
  // What no judge speaks of is listed too: the text people read; a keyword no judge weighs,
  // to review (counted as breaking); and with nothing else, each judged part written otherwise.
  const parts = changedParts(before, after);
  const judged = changes.length > 0;
  for (const { pointer, kind, keyword } of parts) {
    const text = `${pointer} changed`;
    if (kind === 'docs') changes.push({ where: 'documentation', text, breaking: false, judge: 'docs' });
    else if (kind === 'unjudged')
      changes.push({
        where: 'spec',
        text,
        breaking: true,
        judge: 'none',
        why: `spec:diff does not judge ${keyword}: review it`,
      });
    else if (!judged)
      changes.push({
        where: 'spec',
        text,
        breaking: false,
        judge: 'wire',
        why: 'written otherwise: the types and the wire are the same',
      });
  }
  // A schema reached through two branches (an allOf under each anyOf alternative) is told once.
  const told = new Set();
  return changes.filter((change) => {
    const key = JSON.stringify([change.where, change.text, change.breaking, change.judge]);
    return !told.has(key) && Boolean(told.add(key));
  });
}

/**
 * @param {ReturnType<typeof typeComparer>} types
 * @param {import('typescript').Type} old
 * @param {import('typescript').Type} now
 * @param {{ input: Role, output: Role }} roles
 * @returns {Omit<Change, 'where'>[]}
 */
function compareOperation(types, old, now, roles) {
  /** @type {Omit<Change, 'where'>[]} */
  const found = [];
  const record = (/** @type {string} */ label, /** @type {TypeChange[]} */ list) => {
    for (const { where, text, breaking, detail } of list) {
      const at = `${label}${where ? ` ${where}` : ''}`;
      found.push({ text: `${at}: ${text}`, breaking, ...(detail && { detail: `${at}: ${detail}` }) });
    }
  };

  const [oldParameters, newParameters] = [old, now].map((t) => types.property(t, 'parameters')?.type);
  for (const location of PARAMETER_LOCATIONS) {
    /** @type {TypeChange[]} */
    const list = [];
    types.compareProperties(
      types.property(oldParameters, location)?.type,
      types.property(newParameters, location)?.type,
      '',
      roles.input,
      list,
    );
    record(`${location} parameter`, list);
  }

  const [oldBody, newBody] = [old, now].map((t) => types.property(t, 'requestBody'));
  if (oldBody && !newBody) found.push({ text: 'request body removed', breaking: true });
  else if (!oldBody && newBody)
    found.push({
      text: `request body added (${newBody.optional ? 'optional' : 'required'})`,
      breaking: roles.input === 'write' && !newBody.optional,
    });
  else if (oldBody && newBody) {
    if (oldBody.optional !== newBody.optional) {
      found.push({
        text: `request body became ${newBody.optional ? 'optional' : 'required'}`,
        breaking: newBody.optional ? roles.input === 'read' : roles.input === 'write',
      });
    }
    record('request body', compareContent(types, oldBody.type, newBody.type, roles.input, []));
  }

  const [oldResponses, newResponses] = [old, now].map((t) => types.property(t, 'responses')?.type);
  const [oldStatuses, newStatuses] = [oldResponses, newResponses].map((t) => types.propertyNames(t));
  /** The new statuses that stand for old ones: the same, a range that covers one (2XX for 202), or codes within a range. */
  const kept = new Set();
  for (const status of oldStatuses) {
    const oldResponse = types.property(oldResponses, status)?.type;
    if (!oldResponse) continue;
    const nexts = newResponsesOf(status, newStatuses).flatMap((next) => {
      const newResponse = types.property(newResponses, next.status)?.type;
      return newResponse ? [{ ...next, newResponse }] : [];
    });
    if (nexts.length === 0) {
      // The data a success response carried no longer comes, whatever the types say (openapi-fetch's
      // data is any success's): the wire's verdict. An error the user no longer gets breaks nothing.
      const breaking = isSuccess(status) && roles.output === 'read';
      found.push({
        text: `response ${status} removed`,
        breaking,
        ...(breaking && { judge: 'wire', why: 'a reader that handles this status no longer meets it' }),
      });
      continue;
    }
    // openapi-typescript and openapi-fetch take a 2XX as success as they take a 202 (a 4XX as
    // an error as a 404), and the API may still answer 202: what it carries is judged as the
    // same response's. A range become codes within it narrows what may answer: a reader meets
    // less; a webhook's receiver, who answers, may answer less.
    const codes = nexts.map((next) => next.status);
    if (codes[0] !== status && codes[0] === `${status[0]}XX`)
      found.push({
        text: `response ${status} became ${codes[0]}`,
        breaking: false,
        judge: 'wire',
        why:
          roles.output === 'read'
            ? `${codes[0]} covers ${status}, and a client reads any ${codes[0]} answer as it read ${status}`
            : `${codes[0]} covers ${status}: an answer of ${status} still fits`,
      });
    else if (codes[0] !== status) {
      const within = `${codes.join(', ')} ${codes.length === 1 ? 'is' : 'are'} within ${status}`;
      found.push({
        text: `response ${status} became ${codes.join(', ')}`,
        breaking: roles.output === 'write',
        judge: 'wire',
        why:
          roles.output === 'read'
            ? `${within}, and a client reads ${codes.length === 1 ? 'it' : 'them'} as it read any ${status} answer`
            : `${within}, and a receiver that answers another ${status} no longer fits`,
      });
    }
    for (const next of nexts) {
      kept.add(next.status);
      record(next.label, compareContent(types, oldResponse, next.newResponse, roles.output, []));
    }
  }
  // A new success body must fit what users already handle as the data of one.
  const handled = oldStatuses.filter(isSuccess).map((s) => types.property(oldResponses, s)?.type);
  for (const status of newStatuses) {
    const newResponse = types.property(newResponses, status)?.type;
    if (kept.has(status) || !newResponse) continue;
    const fitsOld = handled.some(
      (response) =>
        response && compareContent(types, response, newResponse, roles.output, []).every((c) => !c.breaking),
    );
    found.push({
      text: `response ${status} added`,
      breaking: isSuccess(status) && roles.output === 'read' && !fitsOld && hasBody(types, newResponse),
    });
  }
  return found;
}

/**
 * @param {ReturnType<typeof typeComparer>} types
 * @param {import('typescript').Type} response
 */
const hasBody = (types, response) => types.propertyNames(types.property(response, 'content')?.type).length > 0;

/**
 * The bodies of a request body or response, media type by media type.
 * @param {ReturnType<typeof typeComparer>} types
 * @param {import('typescript').Type} old a request body or response object
 * @param {import('typescript').Type} now
 * @param {Role} role
 * @param {TypeChange[]} changes
 */
function compareContent(types, old, now, role, changes) {
  const [oldContent, newContent] = [old, now].map((t) => types.property(t, 'content')?.type);
  const [oldTypes, newTypes] = [oldContent, newContent].map((content) => types.propertyNames(content));
  const label = (/** @type {string} */ mediaType) => (oldTypes.length + newTypes.length > 2 ? `(${mediaType})` : '');
  for (const mediaType of union(oldTypes, newTypes)) {
    const [oldBody, newBody] = [oldContent, newContent].map((content) => types.property(content, mediaType)?.type);
    if (oldBody && newBody) {
      /** @type {TypeChange[]} */
      const list = [];
      types.compare(oldBody, newBody, '', role, list);
      for (const change of list)
        changes.push({ ...change, where: [label(mediaType), change.where].filter(Boolean).join(' ') });
    } else if (oldBody) {
      changes.push({ where: `(${mediaType})`, text: 'body removed', breaking: true });
    } else if (newBody) {
      // A body users read now comes in a form they have not handled, unless it fits one they have.
      const fitsOld = oldTypes.some((known) => {
        const type = types.property(oldContent, known)?.type;
        return type && types.fits('read', type, newBody);
      });
      changes.push({
        where: `(${mediaType})`,
        text: 'body added',
        breaking: role === 'read' && oldTypes.length > 0 && !fitsOld,
      });
    }
  }
  return changes;
}

/** A server gone or moved: the client's code compiles, and calls where the API no longer answers. */
const MOVED = {
  breaking: true,
  judge: /** @type {const} */ ('wire'),
  why: 'a client calls where the API no longer answers',
};

/**
 * The servers, as the client names them (`servers.production`), and those an operation or
 * its path gives itself, each list judged alike (serverListChanges).
 * @param {any} before
 * @param {any} after
 * @param {(method: string, path: string) => string} where how an operation is named
 * @returns {Change[]}
 */
function serverChanges(before, after, where) {
  // The client names the API's servers by their description.
  const clientName = (/** @type {any} */ server) => (server.description ?? server.url).trim().toLowerCase();
  const changes = serverListChanges(before.servers ?? [], after.servers ?? [], 'servers', clientName);
  // An operation's own servers, else its path's; none, the API's. Where neither side has
  // servers of its own, the API's were judged above. Nothing names these but their URL.
  const own = (/** @type {any} */ document, /** @type {string} */ method, /** @type {string} */ path) => {
    const item = deref(document, document.paths?.[path]);
    return item?.[method]?.servers ?? item?.servers;
  };
  // Each operation both sides have.
  for (const [path, item] of Object.entries(before.paths ?? {}))
    for (const method of HTTP_METHODS) {
      if (!item[method] || !after.paths?.[path]?.[method]) continue;
      const [was, is] = [own(before, method, path), own(after, method, path)];
      if (!was && !is) continue;
      const [olds, news] = [was ?? before.servers ?? [], is ?? after.servers ?? []];
      changes.push(...serverListChanges(olds, news, where(method, path), (server) => String(server.url)));
    }
  return changes;
}

/**
 * One list of servers against another, each server by its name: one gone, or moved (its URL
 * as a client calls it, each variable its default), breaks; one come does not; and the
 * values its variables may take (variableChanges).
 * @param {any[]} olds @param {any[]} news
 * @param {string} where what the servers are of: `servers` (the API's), or an operation
 * @param {(server: any) => string} nameOf
 * @returns {Change[]}
 */
function serverListChanges(olds, news, where, nameOf) {
  /** @type {Change[]} */
  const changes = [];
  // A URL as a client calls it: each variable its default.
  const url = (/** @type {any} */ server) =>
    String(server.url).replace(/\{([^}]+)\}/g, (whole, name) => server.variables?.[name]?.default ?? whole);
  // The server's name, and the URL it is called at where that is another.
  const told = (/** @type {string} */ name, /** @type {any} */ server) =>
    name === url(server) ? name : `${name} (${url(server)})`;
  const named = (/** @type {any[]} */ servers) => new Map(servers.map((server) => [nameOf(server), server]));
  const [old, now] = [named(olds), named(news)];
  for (const [name, server] of old) {
    const next = now.get(name);
    if (next === undefined) changes.push({ where, text: `server ${told(name, server)} removed`, ...MOVED });
    else {
      if (url(next) !== url(server))
        changes.push({ where, text: `server ${name} moved from ${url(server)} to ${url(next)}`, ...MOVED });
      changes.push(...variableChanges(where, name, server, next));
    }
  }
  for (const [name, server] of now)
    if (!old.has(name))
      changes.push({
        where,
        text: `server ${told(name, server)} added`,
        breaking: false,
        judge: 'wire',
        why: 'nothing that worked fails',
      });
  return changes;
}

/**
 * The values a server's variables may take (their `enum`; any value without one): a client
 * may call the server with any of them, so one gone breaks, one come does not.
 * @param {string} where what the server is of (serverListChanges)
 * @param {string} name the server's
 * @param {any} old @param {any} now the server, on each side
 * @returns {Change[]}
 */
function variableChanges(where, name, old, now) {
  /** @type {Change[]} */
  const changes = [];
  const add = (/** @type {string} */ text, /** @type {boolean} */ breaking, /** @type {string} */ why) =>
    changes.push({ where, text: `server ${name} variable ${text}`, breaking, judge: 'wire', why });
  const safe = 'nothing that worked fails';
  for (const [variable, was] of Object.entries(old.variables ?? {})) {
    const [olds, news] = [was?.enum, now.variables?.[variable]?.enum];
    if (!now.variables?.[variable] || JSON.stringify(olds) === JSON.stringify(news)) continue;
    if (!Array.isArray(news)) add(`${variable}: enum removed`, false, safe);
    else if (!Array.isArray(olds))
      add(
        `${variable}: enum ${JSON.stringify(news)} added`,
        true,
        'a client may call it with a value the list leaves out',
      );
    else {
      for (const value of olds.filter((value) => !news.includes(value)))
        add(
          `${variable}: value ${JSON.stringify(value)} removed`,
          true,
          'a client that calls it with that value is not served',
        );
      for (const value of news.filter((value) => !olds.includes(value)))
        add(`${variable}: value ${JSON.stringify(value)} added`, false, safe);
    }
  }
  return changes;
}

/**
 * Schema names: the client exports them as `components['schemas'][name]`.
 * @param {any} before
 * @param {any} after
 * @returns {Change[]}
 */
function schemaNameChanges(before, after) {
  const now = after.components?.schemas ?? {};
  return Object.keys(before.components?.schemas ?? {})
    .filter((name) => !(name in now))
    .map((name) => ({ where: 'components', text: `schema ${name} removed`, breaking: true }));
}

/** @typedef {{ pointer: string, kind: 'docs' | 'judged' | 'unjudged', keyword?: string }} Part */

/**
 * Every part of the description that changed, by its JSON pointer, each as a reader of the
 * description takes it: text (docs), a keyword the judges weigh (judged), or one they do not
 * (unjudged): what no judge weighs is never called text. Lists are compared element by
 * element where their elements pair (pairElements); a list with elements added or removed is
 * a part of its own (listPart), and so is each keyword no judge weighs that those elements
 * carry and none on the other side does: an element edited beside one added cannot be told
 * from one replaced, so what it carries is not passed over.
 * @param {any} before
 * @param {any} after
 * @returns {Part[]}
 */
function changedParts(before, after) {
  /** @type {Part[]} */
  const changed = [];
  const walk = (/** @type {any} */ a, /** @type {any} */ b, /** @type {string[]} */ at) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      for (const key of union(Object.keys(a), Object.keys(b))) walk(a[key], b[key], [...at, key]);
    } else if (Array.isArray(a) && Array.isArray(b)) {
      const { edited, moved, removed, added } = pairElements(a, b);
      for (const [was, is] of edited) walk(a[was], b[is], [...at, String(is)]);
      if (removed.length + added.length === 0) {
        if (moved) changed.push(partOf(at));
        return;
      }
      const carried = (/** @type {any[]} */ list, /** @type {number[]} */ indexes) =>
        indexes.flatMap((index) => unjudgedWithin(list[index], [...at, String(index)], at.length + 1));
      const [gone, come] = [carried(a, removed), carried(b, added)];
      const keys = (/** @type {typeof gone} */ found) => new Set(found.map(({ key }) => key));
      const [goneKeys, comeKeys] = [keys(gone), keys(come)];
      for (const { parts, key } of gone) if (!comeKeys.has(key)) changed.push(partOf(parts));
      for (const { parts, key } of come) if (!goneKeys.has(key)) changed.push(partOf(parts));
      changed.push(listPart(at));
    } else changed.push(partOf(at));
  };
  walk(before, after, []);
  return changed;
}

/**
 * Two lists' elements paired: each with its equal, at its own place or else wherever it
 * stands (moved); then, in lists as long as each other, those left, in order (edited in
 * place). In lists of two lengths those left are removed and added: which old one became
 * which new one cannot be told.
 * @param {any[]} olds @param {any[]} news
 * @returns {{ edited: [number, number][], moved: boolean, removed: number[], added: number[] }} indexes
 */
function pairElements(olds, news) {
  const [oldKeys, newKeys] = [olds, news].map((list) => list.map((element) => JSON.stringify(element)));
  const left = new Set(news.keys());
  const unpaired = [];
  for (const [index, key] of oldKeys.entries())
    if (newKeys[index] === key) left.delete(index);
    else unpaired.push(index);
  let moved = false;
  /** @type {number[]} */
  const removed = [];
  for (const index of unpaired) {
    const at = [...left].find((other) => newKeys[other] === oldKeys[index]);
    if (at === undefined) removed.push(index);
    else {
      left.delete(at);
      moved = true;
    }
  }
  const added = [...left];
  if (olds.length !== news.length) return { edited: [], moved, removed, added };
  return { edited: removed.map((index, n) => [index, added[n]]), moved, removed: [], added: [] };
}

/**
 * Where in a value a reader of the description meets a keyword no judge weighs.
 * @param {any} value
 * @param {string[]} parts where the value stands
 * @param {number} from how many of the parts are the place of the element it is in: its key leaves them out
 * @returns {{ parts: string[], key: string }[]} key: where it stands in its element, and its value
 */
function unjudgedWithin(value, parts, from) {
  const { kind, decided } = classify(parts);
  if (kind === 'unjudged') return [{ parts, key: JSON.stringify([parts.slice(from), value]) }];
  if (decided || !value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, each]) => unjudgedWithin(each, [...parts, key], from));
}

/** @param {string[]} parts @returns {Part} */
function partOf(parts) {
  const { kind, keyword } = classify(parts);
  return { pointer: parts.map((part) => `/${escapePointerPart(part)}`).join(''), kind, ...(keyword && { keyword }) };
}

/**
 * A list with elements added or removed, as one part: judged where a judge weighs the list
 * whole (LISTS_JUDGED_WHOLE), else for review.
 * @param {string[]} parts
 * @returns {Part}
 */
function listPart(parts) {
  const { kind, decided } = classify(parts);
  const keyword = parts.at(-1) ?? '';
  const part = partOf(parts);
  if (kind !== 'judged' || decided || LISTS_JUDGED_WHOLE.has(keyword)) return part;
  return { ...part, kind: 'unjudged', keyword: `entries added to or removed from ${keyword}` };
}

/**
 * How a reader of the description takes what stands at a place in it, by the keywords on the
 * way there: decided, when one of them decides for all that stands under it.
 * @param {string[]} parts
 * @returns {{ kind: Part['kind'], keyword?: string, decided: boolean }}
 */
function classify(parts) {
  for (const [index, part] of parts.entries()) {
    // A name in a map (a property, a path, a media type) or an array's index: no keyword.
    if ((index > 0 && NAMED.has(parts[index - 1])) || /^\d+$/.test(part)) continue;
    // The client names the API's servers by their description (servers.production): judged with the servers.
    if (index === 2 && parts[0] === 'servers' && part === 'description') return { kind: 'judged', decided: true };
    if (TEXT.has(part) || part.startsWith('x-')) return { kind: 'docs', decided: true };
    if (WHOLLY_JUDGED.has(part)) return { kind: 'judged', decided: true };
    if (!JUDGED.has(part)) return { kind: 'unjudged', keyword: part, decided: true };
  }
  return { kind: 'judged', decided: false };
}

/** Keywords only people read: what stands under one is text. */
const TEXT = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  'externalDocs',
  '$comment',
  'info',
  'tags',
  'deprecated',
  // What a bearer token looks like (JWT): "primarily for documentation purposes" (OpenAPI 3.1).
  'bearerFormat',
]);
/** Keywords whose values are maps of names (properties, paths, media types, status codes). */
const NAMED = new Set([
  'paths',
  'webhooks',
  'schemas',
  'parameters',
  'requestBodies',
  'responses',
  'headers',
  'securitySchemes',
  'content',
  'properties',
  'mapping',
  'flows',
  'scopes',
  'variables',
]);
/**
 * Lists a judge weighs whole, whatever elements come or go: allOf's entries and alternatives
 * (the wire's judge pairs them and judges those added or removed), parameters (each by its
 * place and name), servers (each by its name) and a schema's types.
 */
const LISTS_JUDGED_WHOLE = new Set(['allOf', 'anyOf', 'oneOf', 'parameters', 'servers', 'type']);
/** Keywords the judges weigh with whatever stands under them. */
const WHOLLY_JUDGED = new Set(['security', 'enum', 'const', 'required', 'default', 'not', 'dependentRequired']);
/** Keywords the judges weigh (the compiler on the types, the wire on what they do not show), or that hold others. */
const JUDGED = new Set([
  ...HTTP_METHODS,
  ...NAMED,
  'components',
  'servers',
  'url',
  'operationId',
  '$ref',
  'requestBody',
  'schema',
  'name',
  'in',
  'style',
  'explode',
  'allowReserved',
  'type',
  'format',
  'items',
  'allOf',
  'anyOf',
  'oneOf',
  'additionalProperties',
  'unevaluatedProperties',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'multipleOf',
  'pattern',
  'uniqueItems',
  'readOnly',
  'writeOnly',
  'discriminator',
  'propertyName',
  'scheme',
  'openIdConnectUrl',
  'tokenUrl',
  'authorizationUrl',
  'refreshUrl',
]);

/**
 * How a change names its operation: `GET /orgs/{organizationId}/invoices (GetInvoicesByOrganization)`, or `webhook CASE (…)`.
 * @param {{ before: Map<string, string>, after: Map<string, string> }} ids
 * @param {string} method @param {string} path @param {'paths' | 'webhooks'} section
 */
function whereOf(ids, method, path, section) {
  const key = `${method.toUpperCase()} ${path}`;
  const id = ids.after.get(key) ?? ids.before.get(key);
  return `${section === 'paths' ? key : `webhook ${path}`}${id ? ` (${id})` : ''}`;
}

/** @param {any} document @returns {Map<string, string>} operationId by "METHOD /path" */
function operationIds(document) {
  return new Map(
    [...listOperations(document), ...listOperations(document, 'webhooks')].map(({ method, path, operation }) => [
      `${method.toUpperCase()} ${path}`,
      operation.operationId,
    ]),
  );
}

/** @param {string[]} a @param {string[]} b */
const union = (a, b) => [...new Set([...a, ...b])];
