// @ts-check
// Starts the compiler's thread (./judge-worker.js) and sends it the descriptions to compare.
import { Worker } from 'node:worker_threads';

/** @typedef {import('./spec-changes.js').Change} Change */

/** @type {ReturnType<typeof startJudge> | undefined} */
let kept;

/**
 * The process's judge, its thread loading the compiler from the first call on, to be asked
 * once the bundles are made. One thread serves every comparison of the process: one that
 * compares again (a test run, say) loads and warms the compiler once. It keeps the process
 * alive only while an answer is awaited.
 */
export function judge() {
  if (!kept || kept.failed) kept = startJudge();
  return kept;
}

function startJudge() {
  const worker = new Worker(new URL('./judge-worker.js', import.meta.url));
  /** @type {Map<number, { resolve: (changes: Change[][]) => void, reject: (error: Error) => void }>} */
  const waiting = new Map();
  /** @type {Error | undefined} */
  let failure;
  const failAll = (/** @type {Error} */ error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (/** @type {import('./judge-worker.js').JudgeAnswer} */ { id, changes, error }) => {
    const request = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) worker.unref();
    if (error) request?.reject(error);
    else request?.resolve(changes ?? []);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`spec:diff's compiler thread stopped (exit code ${code}).`)));
  // After the listeners: adding one for messages holds the process again.
  worker.unref();
  let next = 0;
  return {
    /** Whether its thread failed or stopped: a new one is started for the next comparison. */
    get failed() {
      return failure !== undefined;
    },
    /**
     * Every change from one bundle of a description to each of several others.
     * @param {any} before
     * @param {any[]} afters
     * @returns {Promise<Change[][]>}
     */
    listChangesEach(before, afters) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((resolve, reject) => {
        // Sent before it is awaited: a message that cannot be sent leaves nothing waiting.
        worker.postMessage({ id, before, afters });
        if (waiting.size === 0) worker.ref();
        waiting.set(id, { resolve, reject });
      });
    },
    /**
     * Has the types of a document made now, while the caller goes on (bundling the other side).
     * @param {any} document
     */
    prepare(document) {
      if (!failure) worker.postMessage({ prepare: document });
    },
  };
}
