// @ts-check
// A vitest reporter that shows what a long run is doing, beside vitest's default reporter
// (which prints each test file as it ends, and the failures): a line as each file starts,
// and, while a file runs on without a line, one every 20 s saying how far it has got.
import { relative } from 'node:path';

/** How long a running file may go without a line. */
const QUIET_MS = 20_000;

/** @typedef {import('vitest/node').TestModule} TestModule */
/** @typedef {import('vitest/node').Reporter} Reporter */

/** @implements {Reporter} */
export default class ProgressReporter {
  /** @type {Map<TestModule, { started: number, lastLine: number, done: number }>} */
  running = new Map();
  /** @type {ReturnType<typeof setInterval> | undefined} */
  timer;
  root = process.cwd();

  /** @param {import('vitest/node').Vitest} vitest */
  onInit(vitest) {
    this.root = vitest.config.root;
  }

  onTestRunStart() {
    this.timer = setInterval(() => this.report(), 1000);
    this.timer.unref();
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
  }

  onTestRunEnd() {
    clearInterval(this.timer);
    this.running.clear();
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
