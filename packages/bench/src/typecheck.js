// @ts-check
// What type-checking costs a user: tsc --noEmit on a file that calls every operation
// of the AutoCollect API (the docs' generated samples, joined), with TypeScript 5 and 7.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { writeSnippetProject } from '../../../scripts/typecheck.js';
import { median, now } from './support.js';

const require = createRequire(import.meta.url);
const dir = fileURLToPath(new URL('../.typecheck/', import.meta.url));

/** One module with every operation's TypeScript sample, each in its own block. */
function everyOperationFile() {
  const rendered = JSON.parse(readFileSync(require.resolve('@autocollect/docs/openapi.docs.json'), 'utf8'));
  const samples = Object.values(rendered.paths).flatMap((item) =>
    Object.values(item).flatMap((operation) =>
      (operation['x-codeSamples'] ?? [])
        .filter((/** @type {{ lang: string }} */ s) => s.lang === 'TypeScript')
        .map((/** @type {{ source: string }} */ s) => s.source),
    ),
  );
  // An import on one line or laid out over several: the header imports what every sample uses.
  const blocks = samples.map((source) => `{\n${source.replace(/^import [^;]*;$/gm, '')}\n}`);
  const header = "import { createAutoCollectClient, unwrap } from '@autocollect/client';";
  return { operations: samples.length, code: `${header}\n\n${blocks.join('\n\n')}\nexport {};\n` };
}

export function typecheckCost({ runs = 3 } = {}) {
  const { operations, code } = everyOperationFile();
  writeSnippetProject(
    dir,
    { 'every-operation.ts': code },
    { types: ['node'], typeRoots: [fileURLToPath(new URL('../../../node_modules/@types', import.meta.url))] },
  );
  /** @type {Record<string, unknown> & { operations: number }} */
  const results = { operations };
  for (const [label, name] of [
    ['TypeScript 5', 'typescript-5'],
    ['TypeScript 7', 'typescript-7'],
  ]) {
    const tsc = require.resolve(`${name}/package.json`).replace(/package\.json$/, 'bin/tsc');
    const times = [];
    let output = '';
    for (let i = 0; i < runs; i++) {
      const start = now();
      output = execFileSync(process.execPath, [tsc, '-p', dir, '--extendedDiagnostics'], { encoding: 'utf8' });
      times.push(now() - start);
    }
    const stat = (/** @type {string} */ key) =>
      Number((new RegExp(`^${key}:\\s+([\\d,.]+)`, 'm').exec(output)?.[1] ?? 'NaN').replaceAll(',', ''));
    results[label] = {
      version: require(`${name}/package.json`).version,
      milliseconds: median(times),
      instantiations: stat('Instantiations'),
      types: stat('Types'),
    };
  }
  return results;
}
