// Every sandbox sample of the docs, run as written against a real sandbox that holds the
// examples' records (only its port differs), each on a fresh one: each succeeds. The
// TypeScript ones run through the built @autocollect/client.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type RunningSandbox, startSandbox } from '@autocollect/sandbox';
import { listOperations, successResponse } from '@autocollect/spec/description';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { asModule } from './support/as-module.js';
import { pages, renderedCodeSamples } from './support/bundle.js';

/** Where the samples send: the description's `Sandbox` server, on the port `npm start` uses. */
const WRITTEN_ORIGIN = 'http://127.0.0.1:4010';
/** A success: the sandbox holds every record a sample names, each case where its action applies. */
const ANSWERED = (status: number) => status >= 200 && status < 300;

const samples = renderedCodeSamples().filter((sample) => sample.label.endsWith('(sandbox)'));
/** The operations whose success the spec gives no body (case actions, the legacy batch post). */
const NO_BODY = new Set(
  pages.flatMap(({ document }) =>
    listOperations(document)
      .filter(({ operation }) => {
        const success = successResponse(document, operation);
        return success !== undefined && !success.content;
      })
      .map(({ operationId }) => operationId),
  ),
);
const dir = new URL('../test-results/sandbox-samples/', import.meta.url);
let sandbox: RunningSandbox;
let origin: string;
const requests: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, batchDelayMs: 0, examples: true, log: (line) => requests.push(line) });
  origin = new URL(sandbox.baseUrl).origin;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
});
afterAll(() => sandbox?.close());
// A sample that moves a case on leaves the next one a fresh sandbox, as `npm start` starts it.
beforeEach(() => sandbox.reset());

/** The requests the sandbox answered while `run` ran: "METHOD /path status". */
async function answered(run: () => Promise<unknown>) {
  const first = requests.length;
  const outcome = await run().then(
    () => undefined,
    (error: unknown) => error,
  );
  return { outcome, lines: requests.slice(first) };
}

const statusOf = (line: string) => Number(line.split(' ')[2]);

describe("the docs' sandbox samples, run as written", () => {
  it('are there: TypeScript and curl for every operation', () => {
    expect(samples.filter((s) => s.lang === 'curl (sandbox)').length).toBeGreaterThanOrEqual(25);
    expect(samples.filter((s) => s.lang === 'TypeScript (sandbox)').length).toBe(
      samples.filter((s) => s.lang === 'curl (sandbox)').length,
    );
  });

  it.each(samples.filter((s) => s.lang === 'curl (sandbox)').map((s) => [`${s.page} ${s.operationId}`, s] as const))(
    'curl: %s',
    async (_, sample) => {
      // -e: a command of the sample that fails fails it; a tool that is not there says so on stderr.
      const script = `set -e\n${sample.source.replaceAll(WRITTEN_ORIGIN, origin)}`;
      let stderr = '';
      let stdout = '';
      const { outcome, lines } = await answered(async () => {
        ({ stderr, stdout } = await promisify(execFile)('sh', ['-c', script], { encoding: 'utf8' }));
      });
      // A success the spec gives no body prints its status, so that it shows it worked.
      // On a line of its own: after a refusal's body, it would be glued to it.
      if (NO_BODY.has(sample.operationId)) expect(stdout).toMatch(/^\n2\d\d\n$/);
      expect(outcome, 'the command fails (is curl installed?)').toBeUndefined();
      expect(stderr).not.toMatch(/not found|No such file/);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter((line) => !ANSWERED(statusOf(line)))).toEqual([]);
    },
  );

  it.each(
    samples.filter((s) => s.lang === 'TypeScript (sandbox)').map((s) => [`${s.page} ${s.operationId}`, s] as const),
  )('TypeScript: %s', async (name, sample) => {
    // The client's `servers.sandbox` (and `legacyServers.sandbox`) at the test sandbox's port.
    const source = sample.source
      .replace(/\blegacyServers\.sandbox\b/g, JSON.stringify(origin))
      .replace(/\bservers\.sandbox\b/g, JSON.stringify(sandbox.baseUrl));
    const outputText = asModule(source);
    const file = new URL(`${name.replace(/\W+/g, '-')}.mjs`, dir);
    writeFileSync(file, outputText);
    const printed = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { outcome, lines } = await answered(() => import(pathToFileURL(file.pathname).href));
    const shown = printed.mock.calls.map(([first]) => first);
    printed.mockRestore();
    if (NO_BODY.has(sample.operationId)) expect(shown).toEqual([expect.any(Number)]);
    expect(shown, 'a sample prints what it got').not.toContain(undefined);
    expect(outcome, String(outcome)).toBeUndefined();
    expect(lines.filter((line) => !ANSWERED(statusOf(line)))).toEqual([]);
  });
});
