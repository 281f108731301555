// Builds the client for both module systems:
//   dist/       ES modules and their declarations (tsc)
//   dist/cjs/   CommonJS, one file per source file (esbuild, not bundled, so each
//               class exists once and `instanceof` holds across entry points),
//               with the same declarations under a {"type":"commonjs"} marker
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = resolve(packageDir, 'src');
const dist = resolve(packageDir, 'dist');
const cjs = resolve(dist, 'cjs');

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', resolve(packageDir, 'tsconfig.build.json')], { stdio: 'inherit' });

const files = (dir, ending) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith(ending));
await build({
  entryPoints: files(src, '.ts').map((file) => join(src, file)),
  outdir: cjs,
  outbase: src,
  format: 'cjs',
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
});
writeFileSync(join(cjs, 'package.json'), '{ "type": "commonjs" }\n');
for (const declaration of files(dist, '.d.ts').filter((file) => !file.startsWith('cjs'))) {
  mkdirSync(dirname(join(cjs, declaration)), { recursive: true });
  copyFileSync(join(dist, declaration), join(cjs, declaration));
}
console.log('built dist/ (ESM) and dist/cjs/ (CommonJS), with declarations');
