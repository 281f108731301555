// @ts-check
// A vitest reporter that shows what a long run is doing, beside vitest's default reporter
// (which prints each test file as it ends, and the failures): a line as each file starts,
// and, while a file runs on without a line, one every 20 s saying how far it has got. At the
// end it writes each file's wall time, from the moment a worker takes it up (its imports and
// hooks included) to its end, to test-results/file-times.json for `npm run bench`, and the
// time before the first file, the run's global setup, as GLOBAL_SETUP.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The name file-times.json gives the time before the first file: the run's global setup. */
export const GLOBAL_SETUP = '(global setup)';

/** How long a running file may go without a line. */
const QUIET_MS = 20_000;

/** @typedef {import('vitest/node').TestModule} TestModule */
/** @typedef {import('vitest/node').Reporter} Reporter */

/** @implements {Reporter} */
export default class ProgressReporter {
  /** @type {Map<TestModule, { started: number, lastLine: number, done: number }>} */
  running = new Map();
  /** @type {Map<string, number>} when a worker took each file up, by its path (vitest may
   * report a file queued and ended through two objects) */
  queued = new Map();
  /** @type {Record<string, number>} each finished file's wall time in seconds */
  seconds = {};
  /** @type {ReturnType<typeof setInterval> | undefined} */
  timer;
  root = process.cwd();
  runStarted = performance.now();

  /** @param {import('vitest/node').Vitest} vitest */
  onInit(vitest) {
    this.root = vitest.config.root;
  }

  onTestRunStart() {
    this.runStarted = performance.now();
    this.timer = setInterval(() => this.report(), 1000);
    this.timer.unref();
  }

  /** @param {TestModule} testModule */
  onTestModuleQueued(testModule) {
    const now = performance.now();
    if (this.queued.size === 0) this.seconds[GLOBAL_SETUP] = (now - this.runStarted) / 1000;
    this.queued.set(testModule.moduleId, now);
  }

  /** @param {TestModule} testModule */
  onTestModuleStart(testModule) {
    const now = Date.now();
    this.running.set(testModule, { started: now, lastLine: now, done: 0 });
    console.log(` ▶ ${this.name(testModule)}`);
  }

  /** @param {import('vitest/node').TestCase} testCase */
  onTestCaseResult(testCase) {
    const entry = this.running.get(testCase.module);
    if (entry) entry.done++;
  }

  /** @param {TestModule} testModule */
  onTestModuleEnd(testModule) {
    this.running.delete(testModule);
    const queued = this.queued.get(testModule.moduleId);
    if (queued !== undefined) this.seconds[this.name(testModule)] = (performance.now() - queued) / 1000;
  }

  onTestRunEnd() {
    clearInterval(this.timer);
    this.running.clear();
    const dir = join(this.root, 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'file-times.json'), `${JSON.stringify(this.seconds, null, 2)}\n`);
  }

  report() {
    const now = Date.now();
    for (const [testModule, entry] of this.running) {
      if (now - entry.lastLine < QUIET_MS) continue;
      entry.lastLine = now;
      const seconds = Math.round((now - entry.started) / 1000);
      const tests = `${entry.done} test${entry.done === 1 ? '' : 's'}`;
      console.log(` … ${this.name(testModule)}: running for ${seconds} s, ${tests} done so far`);
    }
  }

  /** @param {TestModule} testModule */
  name(testModule) {
    return relative(this.root, testModule.moduleId);
  }
}
