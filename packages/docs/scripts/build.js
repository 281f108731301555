// Renders the bundled API description into one self-contained page, dist/index.html,
// and ships the bundle it was built from beside it (dist/openapi.json, dist/openapi.yaml).
// The Redoc script is inlined (--inlineBundle), so the page needs no network.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(packageDir, '../..');
const dist = resolve(packageDir, 'dist');
const bundleJson = require.resolve('@autocollect/spec/openapi.json');
const bundleYaml = require.resolve('@autocollect/spec/openapi.yaml');
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

mkdirSync(dist, { recursive: true });
const { info } = JSON.parse(readFileSync(bundleJson, 'utf8'));
execFileSync(
  process.execPath,
  [redocly, 'build-docs', bundleJson, '--config', resolve(root, 'redocly.yaml'), '--inlineBundle',
    '--template', resolve(packageDir, 'template.hbs'), '--title', `${info.title} reference`,
    '--output', resolve(dist, 'index.html')],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
);
const page = resolve(dist, 'index.html');
writeFileSync(page, keepOffline(readFileSync(page, 'utf8')));
copyFileSync(bundleJson, resolve(dist, 'openapi.json'));
copyFileSync(bundleYaml, resolve(dist, 'openapi.yaml'));
console.log('docs: dist/index.html, dist/openapi.json, dist/openapi.yaml');
