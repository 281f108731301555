// @ts-check
// Type-checks the TypeScript project in the current folder (its tsconfig.json, with
// checkJs for the JavaScript), with TypeScript 7's native compiler: the same type
// system as the TypeScript 5.9 that builds the client, at a sixth of the time. Tests
// that type-check snippets use the same compiler (`nativeTsc`).
//
//   node scripts/typecheck.js [tsconfig.json]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
// The package exports no bin path: find it from its package.json.
const manifest = require.resolve('typescript-7/package.json');

/** TypeScript 7's tsc, to run with node. */
export const nativeTsc = resolve(dirname(manifest), require(manifest).bin.tsc);

/**
 * Writes snippets into a fresh folder as a user's strict project would hold them.
 * @param {string} dir emptied first
 * @param {Record<string, string>} files their code, by file name
 * @param {Record<string, unknown>} [compilerOptions] beside the strict defaults
 */
export function writeSnippetProject(dir, files, compilerOptions = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, code] of Object.entries(files)) writeFileSync(resolve(dir, name), code);
  const defaults = {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2022', 'DOM'],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  };
  writeFileSync(
    resolve(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...defaults, ...compilerOptions }, include: ['*.ts', '*.mts', '*.mjs'] }),
  );
}

/**
 * Type-checks snippets as a user's strict project, with `nativeTsc`.
 * @param {string} dir
 * @param {Record<string, string>} files
 * @param {Record<string, unknown>} [compilerOptions]
 * @returns {{ status: number | null, output: string }}
 */
export function typeCheckSnippets(dir, files, compilerOptions) {
  writeSnippetProject(dir, files, compilerOptions);
  const result = spawnSync(process.execPath, [nativeTsc, '-p', dir], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const project = resolve(process.argv[2] ?? 'tsconfig.json');
  // One thread: on projects this small, more checker threads cost more CPU time than they
  // save, and `npm test` runs type-checks beside other packages' tests.
  const result = spawnSync(process.execPath, [nativeTsc, '-p', project, '--noEmit', '--singleThreaded'], {
    stdio: 'inherit',
  });
  process.exitCode = result.status ?? 1;
}
