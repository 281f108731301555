// @ts-check
// Fails when packages/client/src/generated/ is not what the spec generates, or when
// the generated files that are there have not been committed. Run after the bundle
// is fresh (`npm run check` does both).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../packages/client/scripts/generate.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const generatedDirs = new Set();
const problems = [];

/** @param {string} path */
function committed(path) {
  try {
    return execFileSync('git', ['show', `HEAD:${path}`], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}
const inGit = (() => {
  try {
    execFileSync('git', ['rev-parse', '--verify', 'HEAD'], { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const files = await generate();
const expected = new Set(files.map((file) => resolve(root, file.path)));
for (const file of files) {
  generatedDirs.add(resolve(root, file.path, '..'));
  const onDisk = existsSync(join(root, file.path)) ? readFileSync(join(root, file.path), 'utf8') : undefined;
  if (onDisk !== file.content) {
    problems.push(`${file.path} is out of date with the spec: run \`npm run generate\` and commit the result.`);
  } else if (inGit && committed(file.path) !== file.content) {
    problems.push(`${file.path} is regenerated but not committed: commit it with the spec change.`);
  }
}
for (const dir of generatedDirs) {
  for (const name of readdirSync(dir)) {
    if (!expected.has(join(dir, name))) {
      problems.push(`${relative(root, join(dir, name))} is not generated from the spec: delete it.`);
    }
  }
}

if (problems.length > 0) {
  console.error(`Generated code is out of date:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Generated code matches the spec (${expected.size} files${inGit ? ', committed' : ''}).`);
