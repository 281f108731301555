// Bundles every API description listed in redocly.yaml into one JSON file (the
// `output` of its `apis` entry) and writes a YAML copy beside it.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const configPath = resolve(root, 'redocly.yaml');
const redocly = resolve(root, 'node_modules/@redocly/cli/bin/cli.js');

execFileSync(process.execPath, [redocly, 'bundle', '--config', configPath], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});

const { apis } = parse(readFileSync(configPath, 'utf8'));
for (const [name, api] of Object.entries(apis)) {
  if (!api.output?.endsWith('.json')) {
    throw new Error(`redocly.yaml: api "${name}" needs an "output" ending in .json for its bundle.`);
  }
  const jsonPath = resolve(root, api.output);
  const document = JSON.parse(readFileSync(jsonPath, 'utf8'));
  writeFileSync(jsonPath.replace(/\.json$/, '.yaml'), stringify(document, { lineWidth: 0 }));
  console.log(`${name}: ${api.output} (+ .yaml)`);
}
