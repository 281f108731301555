import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { listApis } from './support/bundle.js';

const repo = resolve(fileURLToPath(import.meta.url), '../../..');
const redocly = join(repo, 'node_modules/@redocly/cli/bin/cli.js');

function lint(root: string, format = 'stylish') {
  const result = spawnSync(process.execPath, [redocly, 'lint', '--config', join(root, 'redocly.yaml'), '--format', format], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}${result.stderr}` };
}

/** A copy of the description and its lint configuration, to break without touching the real one. */
function copyOfSpec(): string {
  const dir = mkdtempSync(join(tmpdir(), 'autocollect-lint-'));
  cpSync(join(repo, 'redocly.yaml'), join(dir, 'redocly.yaml'));
  for (const part of ['openapi.yaml', 'paths', 'components', 'webhooks', 'identity', 'legacy', 'lint']) {
    cpSync(join(repo, 'spec', part), join(dir, 'spec', part), { recursive: true });
  }
  return dir;
}

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('redocly lint', () => {
  it('passes every description with no errors and no warnings', () => {
    const { status, stdout } = lint(repo, 'json');
    // One JSON report per API description, printed back to back.
    const reports = JSON.parse(`[${stdout.trim().replace(/\}\s*\{/g, '},{')}]`);
    expect(reports).toHaveLength(listApis().length);
    for (const report of reports) {
      expect(report.problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    }
    expect(status).toBe(0);
  });

  it('fails a description with a defect and names the file, line and rule', () => {
    const dir = copyOfSpec();
    copies.push(dir);
    const file = join(dir, 'spec/paths/orgs_{organizationId}_invoices_{invoiceId}.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}summary: .*\n/m, ''));
    const { status, output } = lint(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/orgs_\{organizationId\}_invoices_\{invoiceId\}\.yaml:?\s*\n?\s*\d+:\d+/);
    expect(output).toContain('rule/operation-identity');
  });

  it('fails an inferred item that gives no reason', () => {
    const dir = copyOfSpec();
    copies.push(dir);
    const file = join(dir, 'spec/components/schemas/BatchFailedItem.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^x-provenance-reason: .*\n/m, ''));
    const { status, output } = lint(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('autocollect/provenance-reason');
    expect(output).toContain('BatchFailedItem.yaml');
  });
});
