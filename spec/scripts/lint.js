// @ts-check
// Lints redocly.yaml and every API description it lists; prints one line a problem
// (file:line:column, severity, rule, message) and fails on any error or warning.
import { repoRoot } from './description.js';
import { describeFinding, lintDescriptions } from './redocly.js';

const results = await lintDescriptions();
let problems = 0;
for (const { name, findings } of results) {
  problems += findings.length;
  console.log(
    `${name}: ${findings.length === 0 ? 'no problems' : `${findings.length} problem${findings.length > 1 ? 's' : ''}`}`,
  );
  // Paths from the repository's root, as `npm run dev` and spec:diff print them: run from
  // spec/ (as turbo runs it) or from the root, each opens from where the README's commands run.
  for (const finding of findings) console.error(`  ${describeFinding(finding, repoRoot)}`);
}
if (problems > 0) {
  console.error(`\n${problems} lint problem${problems > 1 ? 's' : ''}: fix each at the file and line shown.`);
  process.exitCode = 1;
}
