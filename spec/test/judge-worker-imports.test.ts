// spec:diff's judge runs in a worker that the command may end while the worker is still
// loading (when a side does not bundle). On Node 22 and 24, ending a worker whose module graph
// is still being evaluated aborts the whole process when that graph is async, as one with a
// top-level await anywhere in it is: so none of the files it imports may have one.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const worker = fileURLToPath(new URL('../../scripts/spec-diff/judge-worker.js', import.meta.url));

/** The repository's own files a module imports, and theirs, all the way down. */
function ownImports(entry: string): Map<string, ts.SourceFile> {
  const found = new Map<string, ts.SourceFile>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    found.set(file, source);
    for (const statement of source.statements) {
      const specifier =
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
      if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.'))
        visit(resolve(dirname(file), specifier.text));
    }
  };
  visit(entry);
  return found;
}

/** Where a module awaits outside any function: its top-level awaits, by line. */
function topLevelAwaits(source: ts.SourceFile): number[] {
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node)) return;
    if (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier))
      lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

describe("spec:diff's judge worker", () => {
  it('imports no file with a top-level await, so that it may be ended while it loads', () => {
    const files = ownImports(worker);
    expect(files.size).toBeGreaterThan(3);
    const awaiting = [...files].flatMap(([file, source]) => topLevelAwaits(source).map((line) => `${file}:${line}`));
    expect(awaiting).toEqual([]);
  });
});
