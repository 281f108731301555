// @ts-check
// Compares two TypeScript types the way the compiler judges code written against them,
// and says, change by change, what differs and whether code that compiled before may
// no longer compile:
//   - a value the user writes (a request) breaks when the new type rejects an old value,
//     or when a property it may have set is gone (an object literal's excess property);
//   - a value the user reads (a response, a webhook payload) breaks when a new value does
//     not fit the old type, or when a property it may have read is gone.
// The walk only finds and names the changes; every verdict is the compiler's
// `isTypeAssignableTo`, and a type the walk cannot explain change by change still gets
// the compiler's verdict as a whole.
import { createRequire } from 'node:module';

// Required, not imported: an import of TypeScript's CommonJS file makes Node scan its
// 9 MB for exports and syntax first, which doubles the time it takes to load.
/** @import * as TS from 'typescript' */
const ts = /** @type {typeof TS} */ (createRequire(import.meta.url)('typescript'));

/** @typedef {'write' | 'read'} Role who makes the value: the user (a request) or the API (a response) */
/** @typedef {{ where: string, text: string, breaking: boolean, detail?: string }} TypeChange detail: the whole text, where `text` sums it up */

/** A type change longer than this is summed up, its whole text kept as the detail. */
const SUM_UP_OVER = 60;

/** ES5's library: all the generated types use, and parsed in half the time of ES2022's. */
const LIBS = ['lib.es5.d.ts'];
/**
 * The one web platform type generated types use (binary content is a Blob). Declared here:
 * the whole DOM library takes longer to load than a comparison takes.
 */
const WEB_TYPES = `interface Blob {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
  slice(start?: number, end?: number, contentType?: string): Blob;
  text(): Promise<string>;
}`;
/** @type {Map<string, TS.SourceFile | undefined>} the standard library, parsed once per process */
const libraries = new Map();

/**
 * A program over in-memory TypeScript modules, with the standard library and a Blob. It
 * throws when a module does not compile (a name it uses unknown, say): an unresolved type
 * would compare as `any`, and hide a change.
 * @param {Record<string, string>} files module source by absolute file name
 */
export function programOf(files) {
  /** @type {TS.CompilerOptions} */
  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    lib: LIBS,
    types: [],
  };
  /** @type {Record<string, string>} */
  const sources = { ...files, '/web-types.d.ts': WEB_TYPES };
  const host = ts.createCompilerHost(options);
  const readLibrary = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError) => {
    const text = sources[fileName];
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    if (!libraries.has(fileName)) libraries.set(fileName, readLibrary(fileName, languageVersion, onError));
    return libraries.get(fileName);
  };
  host.fileExists = (fileName) => fileName in sources || ts.sys.fileExists(fileName);
  host.readFile = (fileName) => sources[fileName] ?? ts.sys.readFile(fileName);
  const program = ts.createProgram({ rootNames: Object.keys(sources), options, host });
  const [problem] = Object.keys(files).flatMap((name) => program.getSemanticDiagnostics(program.getSourceFile(name)));
  if (problem) {
    const { line } = problem.file?.getLineAndCharacterOfPosition(problem.start ?? 0) ?? { line: 0 };
    throw new Error(
      `The types to compare do not compile (${problem.file?.fileName}:${line + 1}): ${ts.flattenDiagnosticMessageText(problem.messageText, ' ')}`,
    );
  }
  return program;
}

/**
 * The compiler's questions about types, and the walk that lists their differences.
 * @param {TS.TypeChecker} checker
 */
export function typeComparer(checker) {
  const assignable = (/** @type {TS.Type} */ source, /** @type {TS.Type} */ target) =>
    checker.isTypeAssignableTo(source, target);
  /** Whether the user's code still fits: writes need old ⊆ new, reads new ⊆ old. */
  const fits = (/** @type {Role} */ role, /** @type {TS.Type} */ before, /** @type {TS.Type} */ after) =>
    role === 'write' ? assignable(before, after) : assignable(after, before);
  const show = (/** @type {TS.Type} */ type) =>
    checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.NoTypeReduction);
  const members = (/** @type {TS.Type} */ type) => (type.isUnion() ? type.types : [type]);
  /** @returns {boolean} true when no object type is inside: its printed form says all there is */
  const plain = (/** @type {TS.Type} */ type) =>
    type.isUnionOrIntersection() ? type.types.every(plain) : !(type.flags & ts.TypeFlags.Object);
  const isObject = (/** @type {TS.Type} */ type) =>
    type.isIntersection()
      ? type.types.every(isObject)
      : Boolean(type.flags & ts.TypeFlags.Object) && !checker.isArrayType(type) && !isNever(type);
  const isNever = (/** @type {TS.Type} */ type) => Boolean(type.flags & ts.TypeFlags.Never);
  const isLiteral = (/** @type {TS.Type} */ type) =>
    type.isLiteral() || Boolean(type.flags & ts.TypeFlags.BooleanLiteral);
  const canBeNull = (/** @type {TS.Type} */ type) => members(type).some((t) => t.flags & ts.TypeFlags.Null);

  /**
   * A property's type as declared, without the `undefined` that `?` adds.
   * @param {TS.Symbol} symbol
   */
  function propertyType(symbol) {
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    return declaration && ts.isPropertySignature(declaration) && declaration.type
      ? checker.getTypeFromTypeNode(declaration.type)
      : checker.getTypeOfSymbol(symbol);
  }

  /**
   * A type's property, unless absent or `never` (openapi-typescript writes `put?: never`).
   * @param {TS.Type | undefined} type
   * @param {string} name
   * @returns {{ type: TS.Type, optional: boolean } | undefined}
   */
  function property(type, name) {
    const symbol = type && checker.getPropertyOfType(type, name);
    if (!symbol) return undefined;
    const declared = propertyType(symbol);
    if (isNever(declared)) return undefined;
    return { type: declared, optional: Boolean(symbol.flags & ts.SymbolFlags.Optional) };
  }

  /** @param {TS.Type | undefined} type */
  const propertyNames = (type) =>
    type
      ? checker.getPropertiesOfType(type).flatMap((symbol) => (property(type, symbol.name) ? [symbol.name] : []))
      : [];

  /**
   * "type changed from A to B"; summed up when long, by the properties that differ
   * ("type changed: 3 properties changed: a, b, c").
   * @param {TS.Type} old @param {TS.Type} now
   * @returns {{ text: string, detail?: string }}
   */
  const typeChanged = (old, now) => {
    const whole = `type changed from ${show(old)} to ${show(now)}`;
    if (whole.length <= SUM_UP_OVER) return { text: whole };
    // Properties name the change only between two objects; of a union, only the common ones are known.
    const objects = isObject(old) && isObject(now);
    const names = objects ? [...new Set([...propertyNames(old), ...propertyNames(now)])] : [];
    const differ = names.filter((name) => {
      const [a, b] = [property(old, name), property(now, name)];
      return !a || !b || a.optional !== b.optional || show(a.type) !== show(b.type);
    });
    const cut = (/** @type {string} */ text) => (text.length > 30 ? `${text.slice(0, 29)}…` : text);
    const shown = differ.slice(0, 5).join(', ') + (differ.length > 5 ? ', …' : '');
    return {
      text:
        differ.length > 0
          ? `type changed: ${differ.length} propert${differ.length === 1 ? 'y' : 'ies'} changed: ${shown}`
          : `type changed from ${cut(show(old))} to ${cut(show(now))}`,
      detail: whole,
    };
  };

  /** @type {Map<TS.Type, Set<TS.Type>>} pairs under comparison, so recursive schemas end */
  const visiting = new Map();

  /**
   * Lists what differs between two types, with each difference's verdict.
   * @param {TS.Type} before
   * @param {TS.Type} after
   * @param {string} where
   * @param {Role} role
   * @param {TypeChange[]} changes
   */
  function compare(before, after, where, role, changes) {
    if (plain(before) && plain(after) && show(before) === show(after)) return;
    const pairs = visiting.get(before) ?? visiting.set(before, new Set()).get(before);
    if (pairs?.has(after)) return;
    pairs?.add(after);
    const start = changes.length;
    const at = (/** @type {string} */ text, /** @type {boolean} */ breaking) => changes.push({ where, text, breaking });

    if (canBeNull(before) !== canBeNull(after)) {
      const nullable = canBeNull(after);
      at(nullable ? 'can now be null' : 'can no longer be null', nullable ? role === 'read' : role === 'write');
    }
    const [old, now] = [checker.getNonNullableType(before), checker.getNonNullableType(after)];
    if (checker.isArrayType(old) && checker.isArrayType(now)) {
      const [itemBefore, itemAfter] = [old, now].map(
        (t) => checker.getTypeArguments(/** @type {TS.TypeReference} */ (t))[0],
      );
      if (itemBefore && itemAfter) compare(itemBefore, itemAfter, `${where}[]`, role, changes);
    } else if (isObject(old) && isObject(now)) {
      compareProperties(old, now, where, role, changes);
    } else if (alternativesToPair(old, now)) {
      // Object alternatives, beside others (a string, say) or collapsed to one: the others are the compiler's.
      compareAlternatives(members(old).filter(isObject), members(now).filter(isObject), where, role, changes);
    } else if (members(old).some(isLiteral) || members(now).some(isLiteral)) {
      compareValues(old, now, where, role, changes);
    } else if (show(old) !== show(now)) {
      changes.push({ where, ...typeChanged(old, now), breaking: !fits(role, old, now) });
    }
    // The compiler's verdict on the whole: a break the walk did not name is still a break.
    if (!fits(role, before, after) && !changes.slice(start).some((change) => change.breaking)) {
      changes.push({ where, ...typeChanged(before, after), breaking: true });
    }
    pairs?.delete(after);
  }

  /**
   * @param {TS.Type | undefined} before
   * @param {TS.Type | undefined} after
   * @param {string} where
   * @param {Role} role
   * @param {TypeChange[]} changes
   */
  function compareProperties(before, after, where, role, changes) {
    const inside = (/** @type {string} */ name) => (where ? `${where}.${name}` : name);
    for (const name of propertyNames(before)) {
      const [old, now] = [property(before, name), property(after, name)];
      if (!old) continue;
      // Code that read it, or set it in an object literal, no longer compiles.
      if (!now) {
        changes.push({ where: inside(name), text: 'removed', breaking: true });
        continue;
      }
      if (old.optional !== now.optional) {
        changes.push({
          where: inside(name),
          text: now.optional ? 'became optional' : 'became required',
          breaking: now.optional ? role === 'read' : role === 'write',
        });
      }
      compare(old.type, now.type, inside(name), role, changes);
    }
    for (const name of propertyNames(after)) {
      const now = property(after, name);
      if (!now || property(before, name)) continue;
      changes.push({
        where: inside(name),
        text: `added (${now.optional ? 'optional' : 'required'})`,
        breaking: role === 'write' && !now.optional,
      });
    }
  }

  /**
   * Whether a union's object alternatives are compared pair by pair: objects on both sides, one
   * side a union, and no alternative of another kind (a string, say) that the new side adds.
   * @param {TS.Type} old @param {TS.Type} now
   */
  function alternativesToPair(old, now) {
    if (!(old.isUnion() || now.isUnion()) || !members(old).some(isObject) || !members(now).some(isObject)) return false;
    const others = (/** @type {TS.Type} */ type) =>
      members(type)
        .filter((member) => !isObject(member))
        .map(show);
    const before = new Set(others(old));
    return others(now).every((member) => before.has(member));
  }

  /**
   * Object alternatives (an anyOf of objects), each paired with the one that shares most of
   * its properties, and compared as objects: a property gone from one breaks an object
   * literal that set it, or code that read it, though the compiler finds the unions
   * assignable. Alternatives left unpaired are the compiler's to judge, as a whole.
   * @param {readonly TS.Type[]} before
   * @param {readonly TS.Type[]} after
   * @param {string} where
   * @param {Role} role
   * @param {TypeChange[]} changes
   */
  function compareAlternatives(before, after, where, role, changes) {
    const free = new Set(after);
    /** How alike two alternatives are: the same type first, then properties alike, then names shared. */
    const likeness = (/** @type {TS.Type} */ old, /** @type {TS.Type} */ now) => {
      if (show(old) === show(now)) return Number.POSITIVE_INFINITY;
      let score = 0;
      for (const name of propertyNames(old)) {
        const [a, b] = [property(old, name), property(now, name)];
        if (a && b) score += a.optional === b.optional && show(a.type) === show(b.type) ? 1000 : 1;
      }
      return score;
    };
    const pairs = before.flatMap((old) => [...free].map((now) => ({ old, now, score: likeness(old, now) })));
    pairs.sort((a, b) => b.score - a.score);
    const paired = new Set();
    for (const { old, now: best, score } of pairs) {
      if (score === 0 || paired.has(old) || !free.has(best)) continue;
      paired.add(old);
      free.delete(best);
      /** @type {TypeChange[]} */
      const inside = [];
      compare(old, best, where, role, inside);
      for (const change of inside) changes.push({ ...change, text: `${change.text} (in one of its alternatives)` });
    }
  }

  /**
   * Literal unions (enums): which values came and went, each judged on its own.
   * @param {TS.Type} before
   * @param {TS.Type} after
   * @param {string} where
   * @param {Role} role
   * @param {TypeChange[]} changes
   */
  function compareValues(before, after, where, role, changes) {
    const values = (/** @type {TS.Type} */ type) =>
      new Map(
        members(type)
          .filter(isLiteral)
          .map((t) => [show(t), t]),
      );
    const rest = (/** @type {TS.Type} */ type) =>
      members(type)
        .filter((t) => !isLiteral(t))
        .map(show)
        .sort()
        .join(' | ');
    const [old, now] = [values(before), values(after)];
    for (const [value, type] of now) {
      if (!old.has(value))
        changes.push({ where, text: `value ${value} added`, breaking: role === 'read' && !assignable(type, before) });
    }
    for (const [value, type] of old) {
      if (!now.has(value))
        changes.push({ where, text: `value ${value} removed`, breaking: role === 'write' && !assignable(type, after) });
    }
    if (rest(before) !== rest(after)) {
      changes.push({ where, ...typeChanged(before, after), breaking: !fits(role, before, after) });
    }
  }

  return { compare, compareProperties, property, propertyNames, assignable, fits, show };
}

/**
 * The type a module exports under a name.
 * @param {TS.TypeChecker} checker
 * @param {TS.SourceFile} file
 * @param {string} name
 */
export function exportedType(checker, file, name) {
  const module = checker.getSymbolAtLocation(file);
  const symbol = module && checker.getExportsOfModule(module).find((s) => s.name === name);
  return symbol && checker.getDeclaredTypeOfSymbol(symbol);
}
