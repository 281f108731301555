// @ts-check
// Lints redocly.yaml and every API description it lists; prints one line a problem
// (file:line:column, severity, rule, message) and fails on any error or warning.
import { describeFinding, lintDescriptions } from './redocly.js';

const results = await lintDescriptions();
let problems = 0;
for (const { name, findings } of results) {
  problems += findings.length;
  console.log(
    `${name}: ${findings.length === 0 ? 'no problems' : `${findings.length} problem${findings.length > 1 ? 's' : ''}`}`,
  );
  for (const finding of findings) console.error(`  ${describeFinding(finding)}`);
}
if (problems > 0) {
  console.error(`\n${problems} lint problem${problems > 1 ? 's' : ''}: fix each at the file and line shown.`);
  process.exitCode = 1;
}
