// @ts-check
// Lints and bundles every API description redocly.yaml lists, in this process,
// with Redocly's own library: one load of the configuration and its plugin.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundle, getLineColLocation, getTotals, lint, lintConfig, loadConfig } from '@redocly/openapi-core';
import { readApis, repoRoot } from './description.js';
import { refLoopFindings } from './ref-loop.js';

/** @typedef {import('@redocly/openapi-core').NormalizedProblem} NormalizedProblem */

/**
 * @typedef {object} Finding
 * @property {'error' | 'warn'} severity
 * @property {string} rule
 * @property {string} message
 * @property {string} file where the problem is (absolute)
 * @property {number} line
 * @property {number} column
 */

/**
 * @param {NormalizedProblem} problem
 * @returns {Finding}
 */
export function toFinding(problem) {
  const location = problem.location[0];
  const { start } = location ? getLineColLocation(location) : { start: { line: 1, col: 1 } };
  return {
    severity: problem.severity === 'error' ? 'error' : 'warn',
    rule: problem.ruleId,
    message: problem.message,
    file: location?.source.absoluteRef ?? 'redocly.yaml',
    line: start.line,
    column: start.col,
  };
}

/** A file's text, or undefined when there is none. @param {string} file */
function readIfThere(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Lints redocly.yaml itself, then each description (or those named) with its own rules.
 * @param {string} [root] the folder with redocly.yaml
 * @param {string[]} [names] only these descriptions
 * @returns {Promise<{ name: string, findings: Finding[] }[]>}
 */
export async function lintDescriptions(root = repoRoot, names) {
  const configPath = resolve(root, 'redocly.yaml');
  const config = await loadConfig({ configPath });
  const configProblems = await lintConfig({ config, severity: 'error' });
  const results = [{ name: 'redocly.yaml', findings: configProblems.map(toFinding) }];
  for (const api of readApis(root).filter((entry) => !names || names.includes(entry.name))) {
    const findings = await lint({ ref: api.root, config: config.forAlias(api.name) }).then(
      (problems) => problems.map(toFinding),
      // Redocly throws on a loop of $refs, saying not where: found, it is a finding like any.
      (error) => refLoopFindings(error, resolve(api.root), readIfThere),
    );
    results.push({ name: api.name, findings });
  }
  return results;
}

/**
 * Bundles each description (or those named); returns the documents by API name, with the
 * files each was made of (absolute paths), or throws with the problems.
 * @param {string} [root] the folder with redocly.yaml (and its plugin)
 * @param {string[]} [names] only these descriptions
 * @returns {Promise<{ name: string, document: any, files: string[] }[]>}
 */
export async function bundleDescriptions(root = repoRoot, names) {
  const config = await loadConfig({ configPath: resolve(root, 'redocly.yaml') });
  const bundles = [];
  for (const api of readApis(root).filter((entry) => !names || names.includes(entry.name))) {
    const result = await bundle({ ref: api.root, config: config.forAlias(api.name) });
    const { errors } = getTotals(result.problems);
    if (errors > 0) {
      const findings = result.problems.filter((p) => p.severity === 'error').map(toFinding);
      throw new Error(
        `${api.name} does not bundle:\n${findings.map((finding) => describeFinding(finding)).join('\n')}`,
      );
    }
    bundles.push({ name: api.name, document: result.bundle.parsed, files: [...result.fileDependencies] });
  }
  return bundles;
}

/**
 * One line a finding: `file:line:column  severity  rule  message`, the file relative to `cwd`.
 * @param {Finding} finding
 * @param {string} [cwd]
 */
export function describeFinding(finding, cwd = process.cwd()) {
  const file = finding.file.startsWith(`${cwd}/`) ? finding.file.slice(cwd.length + 1) : finding.file;
  return `${file}:${finding.line}:${finding.column}  ${finding.severity}  ${finding.rule}  ${finding.message}`;
}
