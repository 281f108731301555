// @ts-check
// The packages a release publishes: the workspaces that are not private and say how they
// are published (`publishConfig`), read from the root package.json's workspaces, so that a
// package made public is released without a list to update.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} root the repository's root
 * @returns {{ name: string, dir: string }[]} in the order the workspaces list them
 */
export function publicPackages(root) {
  /** @type {{ workspaces: string[] }} */
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dirs = manifest.workspaces.flatMap((pattern) => {
    // npm takes any glob; this repository's are folders and `folder/*`, and others are refused, not misread.
    if (/[*?[{!]/.test(pattern.replace(/\/\*$/, '')))
      throw new Error(
        `workspaces: "${pattern}" is a glob scripts/public-packages.js does not read; list folders, or folder/*.`,
      );
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`)
      .sort();
  });
  return dirs.flatMap((dir) => {
    let workspace;
    try {
      workspace = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    } catch {
      return [];
    }
    return !workspace.private && workspace.publishConfig ? [{ name: workspace.name, dir }] : [];
  });
}
