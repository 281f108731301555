// @ts-check
// The wire's judge of security: the schemes a client authenticates with, and what each
// operation asks of them. A scheme is judged once, by its definition (its type, where the
// credential goes, its flows and their URLs), and a scheme renamed with the same definition
// is the same scheme; an operation is judged by the requirements it lists, the schemes of
// each taken by what they are, not by their names.

import { describeChange } from './describe-change.js';

/** @typedef {{ where: string, text: string, breaking: boolean, judge: 'wire', why: string }} WireChange */

/** What says how a client sends its credentials: any change to one breaks a client that sends them. */
const CREDENTIAL_KEYS = ['type', 'scheme', 'in', 'name', 'openIdConnectUrl'];
/** Where an OAuth 2.0 flow sends the client: a client configured with the old URL goes there. */
const FLOW_URLS = ['tokenUrl', 'authorizationUrl', 'refreshUrl'];

/**
 * Each security scheme's definition, compared by name; a scheme gone whose definition
 * another new one has is renamed.
 * @param {any} before @param {any} after bundled descriptions
 * @param {Map<string, string>} [renames] the schemes renamed (renamedSchemes), when found already
 * @returns {WireChange[]}
 */
export function securitySchemeChanges(before, after, renames = renamedSchemes(before, after)) {
  /** @type {WireChange[]} */
  const changes = [];
  const add = (/** @type {string} */ text, /** @type {boolean} */ breaking, /** @type {string} */ why) =>
    changes.push({ where: 'components', text, breaking, judge: 'wire', why });
  const [olds, news] = [schemes(before), schemes(after)];
  for (const [name, scheme] of Object.entries(olds)) {
    const next = news[name];
    const to = renames.get(name);
    if (to) add(`security scheme ${name} renamed to ${to}`, false, 'a client sends the same credentials');
    else if (!next)
      add(`security scheme ${name} removed`, false, 'an operation that asked for it is listed on its own');
    else
      for (const { text, breaking } of compareScheme(scheme, next))
        add(
          `security scheme ${name}: ${text}`,
          breaking,
          breaking ? 'a client sends its credentials as it did, and may be refused' : 'a client may go on as it did',
        );
  }
  const renamedTo = new Set(renames.values());
  for (const name of Object.keys(news))
    if (!(name in olds) && !renamedTo.has(name))
      add(`security scheme ${name} added`, false, 'a client may go on as it did');
  return changes;
}

/**
 * An operation's security: a client meets one of the old requirements; it breaks when a new
 * list has none that client still meets (the same schemes, asking no scope more).
 * @param {any} before @param {any} after bundled descriptions
 * @param {any} old @param {any} now the operation, on each side
 * @param {Map<string, string>} names the schemes renamed (renamedSchemes): the new name by the old
 * @returns {{ text: string, breaking: boolean } | undefined} undefined when it asks the same
 */
export function securityChange(before, after, old, now, names) {
  /** @returns {Record<string, string[]>[]} */
  const requirements = (/** @type {any} */ document, /** @type {any} */ operation) =>
    operation.security ?? document.security ?? [];
  const [olds, news] = [requirements(before, old), requirements(after, now)];
  // Old requirements, their schemes called by their new names.
  const renamedOlds = olds.map((requirement) =>
    Object.fromEntries(Object.entries(requirement).map(([name, scopes]) => [names.get(name) ?? name, scopes])),
  );
  const written = (/** @type {Record<string, string[]>[]} */ list) =>
    list.map((requirement) => JSON.stringify(sorted(requirement)));
  const [was, is] = [written(renamedOlds), written(news)];
  if (was.length === is.length && was.every((requirement) => is.includes(requirement))) return undefined;
  const meets = (/** @type {Record<string, string[]>} */ held, /** @type {Record<string, string[]>} */ asked) =>
    Object.entries(asked).every(([name, scopes]) => held[name] && scopes.every((scope) => held[name].includes(scope)));
  const breaking = renamedOlds.some((held) => !news.some((asked) => meets(held, asked)));
  return {
    text: `security changed from ${written(olds).join(' or ') || 'none'} to ${is.join(' or ') || 'none'}`,
    breaking,
  };
}

/** @param {any} document @returns {Record<string, any>} */
const schemes = (document) => document.components?.securitySchemes ?? {};

/**
 * Schemes gone from the old side whose very definition a new one, not on the old side, has.
 * @param {any} before @param {any} after
 * @returns {Map<string, string>} the new name by the old
 */
export function renamedSchemes(before, after) {
  const [olds, news] = [schemes(before), schemes(after)];
  const added = Object.keys(news).filter((name) => !(name in olds));
  /** @type {Map<string, string>} */
  const names = new Map();
  for (const name of Object.keys(olds)) {
    if (name in news) continue;
    const to = added.find(
      (candidate) =>
        ![...names.values()].includes(candidate) && compareScheme(olds[name], news[candidate]).length === 0,
    );
    if (to) names.set(name, to);
  }
  return names;
}

/**
 * What differs between two definitions of a scheme, beside their words for readers.
 * A flow or a scope added breaks no client; anything else of how it authenticates does.
 * @param {any} old @param {any} now
 * @returns {{ text: string, breaking: boolean }[]}
 */
function compareScheme(old, now) {
  /** @type {{ text: string, breaking: boolean }[]} */
  const found = [];
  for (const key of CREDENTIAL_KEYS) {
    const [was, is] = [old?.[key], now?.[key]];
    // HTTP's scheme names are not case sensitive (Bearer, bearer).
    const same = key === 'scheme' ? String(was).toLowerCase() === String(is).toLowerCase() : was === is;
    if (!same) found.push({ text: `${key} ${describeChange(was, is)}`, breaking: true });
  }
  const [oldFlows, newFlows] = [old?.flows ?? {}, now?.flows ?? {}];
  for (const [flow, was] of Object.entries(oldFlows)) {
    const is = newFlows[flow];
    if (!is) {
      found.push({ text: `flow ${flow} removed`, breaking: true });
      continue;
    }
    for (const key of FLOW_URLS)
      if (was[key] !== is[key])
        found.push({ text: `flow ${flow}: ${key} ${describeChange(was[key], is[key])}`, breaking: true });
    const [oldScopes, newScopes] = [Object.keys(was.scopes ?? {}), Object.keys(is.scopes ?? {})];
    const gone = oldScopes.filter((scope) => !newScopes.includes(scope));
    const come = newScopes.filter((scope) => !oldScopes.includes(scope));
    if (gone.length) found.push({ text: `flow ${flow}: scope ${gone.join(', ')} removed`, breaking: true });
    if (come.length) found.push({ text: `flow ${flow}: scope ${come.join(', ')} added`, breaking: false });
  }
  for (const flow of Object.keys(newFlows))
    if (!(flow in oldFlows)) found.push({ text: `flow ${flow} added`, breaking: false });
  return found;
}

/** @param {Record<string, string[]>} requirement */
const sorted = (requirement) =>
  Object.fromEntries(
    Object.entries(requirement)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, scopes]) => [name, [...scopes].sort()]),
  );
