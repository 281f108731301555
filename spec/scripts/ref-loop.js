// @ts-check
// A `$ref` that leads, through nothing but `$ref`s, back to itself: Redocly throws on one
// ("Self-referencing circular pointer") without saying where. This finds where, as a lint
// finding: the first `$ref` of the loop, with the loop spelt out.
import { dirname, relative, resolve } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { unescapePointerPart } from './walk.js';

/** @typedef {import('./redocly.js').Finding} Finding */

/** Whether an error is Redocly's about a loop of `$ref`s. @param {unknown} error */
const isRefLoop = (error) => error instanceof Error && /circular pointer/i.test(error.message);

/**
 * What Redocly threw, as the finding of the loop of `$ref`s it means; the error thrown again
 * when it is about something else, or no loop is found.
 * @param {unknown} error what Redocly threw
 * @param {string} root the description's root file (absolute)
 * @param {(file: string) => string | undefined} read a file's text by its absolute path
 * @returns {Finding[]}
 */
export function refLoopFindings(error, root, read) {
  const loop = isRefLoop(error) ? refLoop(root, read) : undefined;
  if (!loop) throw error;
  return [loop];
}

/**
 * The first loop of `$ref`s among the files a description reaches from its root.
 * @param {string} root the description's root file (absolute)
 * @param {(file: string) => string | undefined} read a file's text by its absolute path
 * @returns {Finding | undefined}
 */
export function refLoop(root, read) {
  /** @type {Map<string, { document: import('yaml').Document, lines: LineCounter } | null>} */
  const parsed = new Map();
  const load = (/** @type {string} */ file) => {
    if (!parsed.has(file)) {
      const text = read(file);
      const lines = new LineCounter();
      parsed.set(file, text === undefined ? null : { document: parseDocument(text, { lineCounter: lines }), lines });
    }
    return parsed.get(file) ?? undefined;
  };
  /** Where a `$ref` in `file` leads: the file and the node at its pointer. @param {string} file @param {string} ref */
  const target = (file, ref) => {
    const [path = '', pointer = ''] = ref.split('#');
    const into = path ? resolve(dirname(file), path) : file;
    const keys = pointer
      .split('/')
      .slice(1)
      .map((key) => unescapePointerPart(decodeURIComponent(key)));
    const node = load(into)?.document.getIn(keys, true);
    return { file: into, pointer, node };
  };
  const refOf = (/** @type {unknown} */ node) => {
    const value = isMap(node) ? node.get('$ref', true) : undefined;
    return isScalar(value) && typeof value.value === 'string' ? value : undefined;
  };

  const queue = [root];
  const seenFiles = new Set(queue);
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    const loaded = load(file);
    if (!loaded) continue;
    /** @type {Finding | undefined} */
    let found;
    visit(loaded.document, {
      Map(_, node) {
        const start = refOf(node);
        if (!start) return;
        // Followed while each step is a `$ref` alone: a loop is a node met twice, told where
        // its own `$ref` is, from there round.
        /** @type {{ file: string, name: string, node: unknown }[]} */
        const path = [{ file, name: `${relative(dirname(root), file)}`, node }];
        /** @type {import('yaml').Scalar | undefined} */
        let ref = start;
        while (ref) {
          const here = /** @type {{ file: string }} */ (path.at(-1));
          const next = target(here.file, String(ref.value));
          const name = `${relative(dirname(root), next.file)}${next.pointer ? `#${next.pointer}` : ''}`;
          const again = path.findIndex((step) => step.node === next.node);
          if (again !== -1) {
            const first = /** @type {{ file: string, node: unknown }} */ (path[again]);
            const at = /** @type {import('yaml').Scalar} */ (refOf(first.node));
            const { line, col } = /** @type {{ lines: LineCounter }} */ (load(first.file)).lines.linePos(
              at.range?.[0] ?? 0,
            );
            found = {
              severity: 'error',
              rule: 'no-ref-loop',
              message: `$ref leads back to itself through $refs alone: ${[...path.slice(again).map((step) => step.name), name].join(' → ')}`,
              file: first.file,
              line,
              column: col,
            };
            return visit.BREAK;
          }
          if (!seenFiles.has(next.file)) {
            seenFiles.add(next.file);
            queue.push(next.file);
          }
          path.push({ file: next.file, name, node: next.node });
          ref = refOf(next.node);
        }
      },
    });
    if (found) return found;
  }
  return undefined;
}
