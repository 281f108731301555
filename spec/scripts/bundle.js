// Bundles every API description listed in redocly.yaml into one JSON file (the
// `output` of its `apis` entry) and writes a YAML copy beside it.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { readApis, repoRoot as root } from './description.js';

const configPath = resolve(root, 'redocly.yaml');
const redocly = resolve(root, 'node_modules/@redocly/cli/bin/cli.js');

execFileSync(process.execPath, [redocly, 'bundle', '--config', configPath], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});

for (const { name, output, bundle, bundleYaml } of readApis()) {
  writeFileSync(bundleYaml, stringify(JSON.parse(readFileSync(bundle, 'utf8')), { lineWidth: 0 }));
  console.log(`${name}: ${output} (+ .yaml)`);
}
