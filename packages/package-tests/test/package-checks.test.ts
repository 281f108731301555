import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, inject, it } from 'vitest';

const require = createRequire(import.meta.url);
// The CLI's bin, found through its package.json (its exports map has no entry for it).
const attw = require.resolve('@arethetypeswrong/cli/package.json').replace(/package\.json$/, 'dist/index.js');
const tarballs = inject('tarballs');

describe.each(Object.entries(tarballs))('the packed %s package', (name, tarball) => {
  it('passes publint with no error, warning or suggestion', async () => {
    const bytes = readFileSync(tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      level: 'suggestion',
      strict: true,
    });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });

  it.runIf(name === 'client')('has types that resolve right under node10, node16 (CJS and ESM) and bundler', () => {
    const result = spawnSync(process.execPath, [attw, tarball, '--format', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(result.stdout);
    const problems = Object.values(report.analysis.problems ?? {}).flat();
    expect(problems).toEqual([]);
    const entrypoints = Object.keys(report.analysis.entrypoints);
    expect(entrypoints.sort()).toEqual(['.', './legacy', './package.json', './webhooks']);
    for (const [entrypoint, info] of Object.entries<any>(report.analysis.entrypoints)) {
      if (entrypoint === './package.json') continue;
      for (const resolution of ['node10', 'node16-cjs', 'node16-esm', 'bundler']) {
        expect(info.resolutions[resolution]?.resolution?.isTypeScript, `${entrypoint} ${resolution}`).toBe(true);
      }
    }
    expect(result.status).toBe(0);
  });
});
