// Edits to the spec for the spec:diff tests: in memory, or in a copy of the repo, commit by commit.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Document, parseDocument } from 'yaml';
import { copyOfRepo } from '../../../scripts/repo-copy.js';

export const S = 'spec/openapi/components/schemas';
export const PATHS = 'spec/openapi/paths';
export const IDENTITY = 'spec/openapi/identity';
export const LEGACY = 'spec/openapi/legacy';

export interface SpecCopy {
  dir: string;
  /** The commit the copy started at. */
  base: string;
  git(...args: string[]): string;
  /** Edits a YAML file of the copy, keeping its layout and comments. */
  edit(file: string, change: (document: Document) => void): void;
  /** Commits an edit on top of the base commit; returns the new commit. */
  commit(change: () => void): string;
  remove(): void;
}

export function specCopy(name: string): SpecCopy {
  const dir = copyOfRepo(name);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  const base = git('rev-parse', 'HEAD');
  return {
    dir,
    base,
    git,
    edit(file, change) {
      const path = join(dir, file);
      writeFileSync(path, editYaml(readFileSync(path, 'utf8'), change));
    },
    commit(change) {
      git('reset', '-q', '--hard', base);
      change();
      git('add', '-A');
      git('commit', '-q', '-m', 'change');
      return git('rev-parse', 'HEAD');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A YAML text with an edit made to its document, keeping its layout and comments. */
export function editYaml(text: string, change: (document: Document) => void): string {
  const document = parseDocument(text);
  change(document);
  return document.toString({ lineWidth: 0 });
}

/** Index of the parameter named `name` in a path file's list. */
export const parameterIndex = (document: Document, method: string, name: string) =>
  (document.getIn([method, 'parameters']) as any).toJSON().findIndex((p: { name?: string }) => p.name === name);
