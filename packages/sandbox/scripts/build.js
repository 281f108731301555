// @ts-check
// Writes the sandbox's declarations (dist/*.d.ts) from the JSDoc of its JavaScript, with
// TypeScript 7's native tsc: the sandbox runs from src/ as it is.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nativeTsc } from '../../../scripts/typecheck.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const result = spawnSync(process.execPath, [nativeTsc, '-p', 'tsconfig.build.json'], {
  cwd: packageDir,
  stdio: 'inherit',
});
process.exitCode = result.status ?? 1;
