// `npm run spec:diff` as a command: the lines it prints for real commits in a copy of the
// repo, what it says when a side does not bundle, and its usage.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { specDiff } from '../../scripts/spec-diff.js';
import { S } from './support/spec-copy.js';
import { specDiffIn } from './support/spec-diff-in.js';

const spec = specDiffIn('spec-diff-command');
const { run, runHere } = spec;

describe('npm run spec:diff', () => {
  it('passes a safe change, and lists it', async () => {
    spec.copy.commit(() =>
      spec.copy.edit(`${S}/Invoice.yaml`, (d) => d.setIn(['properties', 'kid'], { type: 'string' })),
    );
    const result = await runHere('--base', 'HEAD~1');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^ {2}safe {6}types {2}GET .*\(GetInvoiceById\): response 200 data\.kid: added \(optional\) \(code written for it still compiles\)$/m,
    );
    expect(result.stdout).toMatch(/No breaking change\./);
  });

  it('lists breaking changes first, then the safe ones by operation, each line whole; --verbose with long types whole, --json for tools', async () => {
    spec.copy.commit(() => {
      // A safe change, then a long breaking one the compiler sees, then one only the wire sees.
      spec.copy.edit(`${S}/Invoice.yaml`, (d) => d.setIn(['properties', 'note'], { type: 'string' }));
      spec.copy.edit(`${S}/NewPayment.yaml`, (d) => {
        d.setIn(['properties', 'amount', 'type'], 'integer');
        d.setIn(['properties', 'currency', 'enum'], ['NOK', 'SEK', 'DKK', 'EUR', 'USD', 'GBP', 'CHF', 'PLN', 'ISK']);
      });
      spec.copy.edit(`${S}/NewInvoice.yaml`, (d) => d.setIn(['properties', 'invoiceNumber', 'maxLength'], 20));
      spec.copy.edit('spec/openapi/components/parameters/InvoiceId.yaml', (d) => d.set('style', 'matrix'));
    });
    const result = await runHere('--base', 'HEAD~1');
    const lines = result.stdout.split('\n').filter((line) => /^ {2}(BREAKING|safe)/.test(line));
    const firstSafe = lines.findIndex((line) => line.startsWith('  safe'));
    expect(lines.slice(0, firstSafe).every((line) => line.startsWith('  BREAKING'))).toBe(true);
    expect(lines.slice(firstSafe).every((line) => line.startsWith('  safe'))).toBe(true);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}BREAKING {2}wire {3}POST .*invoices\[\]\.invoiceNumber: maxLength 20 added \(a request accepted before may be refused\)$/,
      ),
    );
    // A long line is printed whole: its end says what it changed to.
    expect(lines).toContainEqual(
      expect.stringMatching(
        /\(GetInvoiceById\): path parameter invoiceId: style changed from "simple" \(the default\) to "matrix" \(a request or reader that worked may fail\)$/,
      ),
    );

    const verbose = await runHere('--base', 'HEAD~1', '--verbose');
    // A long type is summed up, and --verbose shows it whole.
    expect(result.stdout).toMatch(
      /payments\[\]\.currency: type changed from string to "NOK" \| "SEK"[^\n]*… \(code written for the old client may not compile\)$/m,
    );
    expect(verbose.stdout).toMatch(
      /payments\[\]\.currency: type changed from string to "NOK" \| "SEK" .* \| "ISK" \(code written for the old client may not compile\)$/m,
    );
    const json = await runHere('--base', 'HEAD~1', '--json');
    expect(json.status).toBe(result.status);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ base: 'HEAD~1', gated: true });
    const judged = parsed.apis.flatMap((api: { changes: { judge?: string; breaking: boolean }[] }) => api.changes);
    expect(judged.filter((change: { breaking: boolean }) => change.breaking).length).toBe(parsed.breaking);
    expect(judged.some((change: { judge?: string }) => change.judge === 'wire')).toBe(true);
    expect(judged.every((change: { why?: string }) => typeof change.why === 'string' && change.why.length > 0)).toBe(
      true,
    );
  });

  it('says which side does not bundle, where, and exits 2: it cannot compare', () => {
    const file = join(spec.copy.dir, S, 'NewPayment.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\n  broken: [yes\n`);
    try {
      const result = run('--base', 'HEAD');
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(
        /^In the working tree, autocollect@v1 is not valid OpenAPI:\nspec\/openapi\/components\/schemas\/NewPayment\.yaml:\d+:\d+ {2}error/,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack
    } finally {
      writeFileSync(file, text);
    }
    const config = join(spec.copy.dir, 'redocly.yaml');
    const configText = readFileSync(config, 'utf8');
    writeFileSync(
      config,
      configText.replace('root: spec/openapi/legacy/openapi.yaml', 'rooot: spec/openapi/legacy/openapi.yaml'),
    );
    try {
      const result = run('--base', 'HEAD');
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe('In the working tree, redocly.yaml: api "legacy@v1" needs a "root" file.');
    } finally {
      writeFileSync(config, configText);
    }
  });

  it('checks each side against the OpenAPI specification before it judges: what bundles but is not valid is said with its place, and exits 2', async () => {
    spec.copy.edit(`${S}/NewPayment.yaml`, (d) => d.setIn(['properties', 'currency', 'type'], 'strnig'));
    spec.copy.edit(`${S}/NewInvoice.yaml`, (d) => d.setIn(['properties', 'debtors', 'items'], 'x'));
    spec.copy.edit('spec/openapi/components/parameters/PageSize.yaml', (d) => d.delete('name'));
    try {
      const result = await runHere('--base', 'HEAD');
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^In the working tree, autocollect@v1 is not valid OpenAPI:\n/);
      for (const file of ['schemas/NewPayment', 'schemas/NewInvoice', 'parameters/PageSize'])
        expect(result.stderr).toMatch(new RegExp(`spec/openapi/components/${file}\\.yaml:\\d+:\\d+ {2}error`));
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      spec.copy.git('checkout', '--', 'spec');
    }
  });

  it('says where a loop of $refs is, which Redocly throws on without saying where, and exits 2', async () => {
    const file = join(spec.copy.dir, S, 'NewPayment.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, '$ref: ./NewPayment.yaml\n');
    try {
      const result = await runHere('--base', 'HEAD');
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(
        /^In the working tree, autocollect@v1 is not valid OpenAPI:\nspec\/openapi\/components\/schemas\/NewPayment\.yaml:1:7 {2}error {2}no-ref-loop {2}\$ref leads back to itself/,
      );
    } finally {
      writeFileSync(file, text);
    }
  });

  it('bundles again where a kept bundle is corrupt', () => {
    const kept = join(spec.copy.dir, 'node_modules/.cache/autocollect/spec-diff-bundles');
    for (const file of readdirSync(kept)) writeFileSync(join(kept, file), '[["autocollect@v1", {"docu');
    const result = run('--base', 'HEAD');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^autocollect@v1: no change since HEAD$/m);
  });

  it('explains its usage', async () => {
    const usage = run();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--base <git ref>/);
    const mistyped = run('--bse', 'HEAD');
    expect(mistyped.status).toBe(2);
    expect(mistyped.stderr).toMatch(/^Unknown option '--bse'/);
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--base <git ref>/);
    // `npm run spec:diff --base main` without the `--`: npm keeps --base, and passes main on.
    const withoutDashes = run('main');
    expect(withoutDashes.status).toBe(2);
    expect(withoutDashes.stderr).toMatch(/npm passes on only what comes after a `--`/);
    const outside = mkdtempSync(join(tmpdir(), 'spec-diff-no-git-'));
    const said: string[] = [];
    try {
      expect(await specDiff(['--base', 'main'], { repo: outside, out: () => {}, err: (line) => said.push(line) })).toBe(
        2,
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    expect(said.join('\n')).toBe(`${outside} is not in a git repository: spec:diff compares with a commit of one.`);
    const unknown = run('--base', 'no-such-ref');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim()).toBe(
      'git knows no commit "no-such-ref": pass a branch, tag or commit of this repo as --base.',
    );
  });
});
