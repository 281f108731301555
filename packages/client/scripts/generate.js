// Generates the client's TypeScript from the bundled API descriptions: for every
// `apis` entry in redocly.yaml with `x-openapi-ts.output`, the types that
// openapi-typescript derives from its bundle, and beside them a small metadata
// module with the values the client needs at run time (such as the servers).
//
//   node scripts/generate.js                 write into src/generated/
//   node scripts/generate.js --out-dir DIR   write the same files under DIR (drift check)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function header(apiName) {
  return [
    `// Generated from the "${apiName}" API description in spec/ by packages/client/scripts/generate.js.`,
    '// Do not edit: change the spec, then run `npm run generate`.',
    '',
  ].join('\n');
}

/** Values from the description that the client needs at run time. */
function metadataModule(document) {
  const servers = {};
  for (const server of document.servers ?? []) {
    const key = (server.description ?? '').trim().toLowerCase();
    if (!/^[a-z][a-z0-9]*$/.test(key)) {
      throw new Error(`servers: "${server.url}" needs a one-word description (such as Production) to name it in the client.`);
    }
    servers[key] = server.url;
  }
  return `/** The API's servers, by the name their description gives them. */\nexport const servers = ${JSON.stringify(servers, null, 2)} as const;\n`;
}

/** Returns the files to write: [{ path (relative to the repo root), content }]. */
export async function generate() {
  const { apis } = parse(readFileSync(resolve(root, 'redocly.yaml'), 'utf8'));
  const files = [];
  for (const [name, api] of Object.entries(apis)) {
    const output = api['x-openapi-ts']?.output;
    if (!output) continue;
    if (!api.output) throw new Error(`redocly.yaml: api "${name}" has x-openapi-ts.output but no bundle "output".`);
    const bundlePath = resolve(root, api.output);
    let document;
    try {
      document = JSON.parse(readFileSync(bundlePath, 'utf8'));
    } catch (cause) {
      throw new Error(`Cannot read the bundle ${api.output}: run \`npm run build\` (or \`turbo run bundle\`) first.`, { cause });
    }
    const ast = await openapiTS(document, { silent: true });
    files.push({ path: output, content: header(name) + astToString(ast) });
    files.push({ path: output.replace(/\.ts$/, '.meta.ts'), content: header(name) + metadataModule(document) });
  }
  return files;
}

export function write(files, baseDir = root) {
  for (const file of files) {
    const target = resolve(baseDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDirFlag = process.argv.indexOf('--out-dir');
  const baseDir = outDirFlag === -1 ? root : resolve(process.argv[outDirFlag + 1]);
  const files = await generate();
  write(files, baseDir);
  for (const file of files) console.log(`generated ${relative(process.cwd(), resolve(baseDir, file.path))}`);
}
