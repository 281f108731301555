// Renders every API description listed in redocly.yaml into one self-contained page
// (the AutoCollect API as dist/index.html, the others as dist/<name>.html) and ships
// each bundle beside its page (dist/<name>.json, dist/<name>.yaml). The Redoc script
// is inlined (--inlineBundle), so the pages need no network.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(packageDir, '../..');
const dist = resolve(packageDir, 'dist');
const redocly = require.resolve('@redocly/cli/bin/cli.js');

// Redoc's "API docs by Redocly" footer loads its logo from Redocly's CDN once the page
// is live, and no option turns that off: point it at a local wordmark instead.
const REDOCLY_LOGOS = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];
const LOCAL_WORDMARK = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#666">Redocly</text></svg>',
)}`;

function keepOffline(html) {
  let result = html;
  for (const url of REDOCLY_LOGOS) {
    if (!result.includes(url)) throw new Error(`Redoc no longer references ${url}: check the footer for other remote assets.`);
    result = result.replaceAll(url, LOCAL_WORDMARK);
  }
  return result;
}

async function renderPage(bundleJson, page) {
  const { info } = JSON.parse(readFileSync(bundleJson, 'utf8'));
  const output = resolve(dist, page);
  await promisify(execFile)(
    process.execPath,
    [redocly, 'build-docs', bundleJson, '--config', resolve(root, 'redocly.yaml'), '--inlineBundle',
      '--template', resolve(packageDir, 'template.hbs'), '--title', `${info.title} reference`, '--output', output],
    { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
  );
  writeFileSync(output, keepOffline(readFileSync(output, 'utf8')));
}

mkdirSync(dist, { recursive: true });
const { apis } = parse(readFileSync(resolve(root, 'redocly.yaml'), 'utf8'));
const pages = Object.values(apis).map(async (api) => {
  const bundleJson = resolve(root, api.output);
  const name = basename(bundleJson, '.json');
  const page = name === 'openapi' ? 'index.html' : `${name}.html`;
  await renderPage(bundleJson, page);
  copyFileSync(bundleJson, resolve(dist, `${name}.json`));
  copyFileSync(bundleJson.replace(/\.json$/, '.yaml'), resolve(dist, `${name}.yaml`));
  return `dist/${page} (+ ${name}.json, ${name}.yaml)`;
});
for (const line of await Promise.all(pages)) console.log(`docs: ${line}`);
