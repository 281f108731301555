// @ts-check
// The compiler's side of spec:diff, in a thread of its own: it loads TypeScript and
// openapi-typescript, and warms them up, while the main thread bundles the descriptions,
// then lists the changes of each description it is sent (./spec-changes.js). Loading and
// warming take as long as bundling: on two cores, they no longer add up.
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { cachedTypes } from '../../packages/client/scripts/generate.js';
import { listChangesEach } from './spec-changes.js';
import { programOf } from './type-changes.js';

/**
 * @typedef {{ prepare: any } | { id: number, before: any, afters: any[] }} JudgeRequest prepare: a
 *   document whose types are made now, before it is compared
 */
/** @typedef {{ id: number, changes?: import('./spec-changes.js').Change[][], error?: Error }} JudgeAnswer */

if (!parentPort) throw new Error('judge-worker.js runs as a worker thread (scripts/spec-diff/judge.js).');
const port = parentPort;

// While the main thread bundles: a program parses the standard library (kept for the
// thread) and runs the parser and checker once.
programOf({ '/warm-up.ts': 'export type Warm = { a?: string };' });
let asked = false;
// And openapi-typescript is loaded, unless the bundles came first (from spec:diff's cache,
// whose types are likely cached too, and a comparison of cached types never needs it).
setImmediate(() => {
  if (!asked) createRequire(import.meta.url)('openapi-typescript');
});

port.on('message', async (/** @type {JudgeRequest} */ request) => {
  asked = true;
  if ('prepare' in request) {
    // Its types are made while the main thread bundles the other side; a failure is
    // left to the comparison to report.
    cachedTypes(request.prepare).catch(() => undefined);
    return;
  }
  const { id, before, afters } = request;
  try {
    /** @type {JudgeAnswer} */
    const answer = { id, changes: await listChangesEach(before, afters) };
    port.postMessage(answer);
  } catch (error) {
    port.postMessage(/** @type {JudgeAnswer} */ ({ id, error: /** @type {Error} */ (error) }));
  }
});
