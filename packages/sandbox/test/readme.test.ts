// The README's end-to-end example, run as it is written, as a script of its own:
// the sandbox, and @autocollect/client only.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## End to end'));
const [, example = ''] = /```js\n([\s\S]*?)```/.exec(section) ?? [];
const [, printed = ''] = /It prints:\n\n```\n([\s\S]*?)```/.exec(section) ?? [];

it("runs the README's end-to-end example and prints what the README says", async () => {
  expect(example).toContain('createAutoCollectClient');
  const dir = new URL('../test-results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const script = new URL('readme-example.mjs', dir);
  writeFileSync(script, example);
  const { stdout } = await promisify(execFile)(process.execPath, [script.pathname], { encoding: 'utf8' });
  const expected = printed.trim().split('\n');
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(expected.length);
  // The README elides the id of the first invoice as "…".
  expected.forEach((line, index) => {
    const pattern = new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('…', '[0-9a-f-]{36}')}$`);
    expect(lines[index]).toMatch(pattern);
  });
});
