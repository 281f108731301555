// `npm run spec:diff` as the breaking-change gate: its exit code on a real breaking commit
// in a copy of the repo, without a major version of the client, with one pending as a
// changeset, and with one applied.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { S } from './support/spec-copy.js';
import { specDiffIn } from './support/spec-diff-in.js';

const spec = specDiffIn('spec-diff-gate');
const { runHere, changeset } = spec;

describe('npm run spec:diff', () => {
  it('fails on a breaking change without a major version of @autocollect/client, pending as a changeset or bumped already, and says what to do', async () => {
    spec.copy.commit(() =>
      spec.copy.edit(`${S}/Invoice.yaml`, (d) => d.deleteIn(['properties', 'ocrReferenceNumber'])),
    );
    const result = await runHere('--base', 'HEAD~1');
    expect(result.stdout).toMatch(
      /^ {2}BREAKING {2}types {2}GET .*\(GetInvoiceById\): response 200 data\.ocrReferenceNumber: removed \(code written for the old client may not compile\)$/m,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/breaking change\(s\) without a major version of @autocollect\/client/);
    expect(result.stderr).toMatch(/npx changeset/);

    changeset('minor');
    expect((await runHere('--base', 'HEAD~1')).status).toBe(1);
    changeset('major');
    const released = await runHere('--base', 'HEAD~1');
    expect(released.status, released.stderr).toBe(0);
    expect(released.stdout).toMatch(/released as a major version of @autocollect\/client by a pending changeset/);

    // A changeset that cannot be read: the changes are listed still, and it cannot tell.
    const unclosed = () =>
      writeFileSync(
        join(spec.copy.dir, '.changeset/spec-change.md'),
        "---\n'@autocollect/client': major\n\nA change, its frontmatter not closed.\n",
      );
    for (const write of [() => changeset('huge'), unclosed]) {
      write();
      const unreadable = await runHere('--base', 'HEAD~1');
      expect(unreadable.status).toBe(2);
      expect(unreadable.stdout).toMatch(/^ {2}BREAKING {2}types {2}GET .*data\.ocrReferenceNumber: removed/m);
      expect(unreadable.stderr).toMatch(/^This changeset cannot be read:\n {2}\.changeset\/spec-change\.md: \S/);
      expect(unreadable.stderr).not.toMatch(/\n\s+at /);
    }
    changeset('major');

    // `npx changeset version` consumes the changeset and bumps the version: still released as major.
    const manifest = join(spec.copy.dir, 'packages/client/package.json');
    const text = readFileSync(manifest, 'utf8');
    const { version } = JSON.parse(text);
    const next = `${Number(version.split('.')[0]) + 1}.0.0`;
    rmSync(join(spec.copy.dir, '.changeset/spec-change.md'));
    writeFileSync(manifest, text.replace(`"version": "${version}"`, `"version": "${next}"`));
    const versioned = await runHere('--base', 'HEAD~1');
    expect(versioned.status, versioned.stderr).toBe(0);
    expect(versioned.stdout).toContain(
      `released as a major version of @autocollect/client by its version, ${next} since ${version}`,
    );
    writeFileSync(manifest, text);
    expect((await runHere('--base', 'HEAD~1')).status).toBe(1);
  });
});
