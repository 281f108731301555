// Every TypeScript and JavaScript example in the READMEs and the guides, taken from the
// markdown as it is written, type-checks under `strict` against the packed packages, as a
// user's project that installed them would: JavaScript with checkJs, as an editor checks
// it. None leans on a non-null assertion or a cast; they use the client's own ways
// (`unwrap`, narrowing on `error`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as TypeScript from 'typescript';
import { describe, expect, inject, it } from 'vitest';
import { typeCheckSnippets } from '../../../scripts/typecheck.js';

const require = createRequire(import.meta.url);
const ts = require('typescript-5') as typeof TypeScript;
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const consumerDir = inject('consumerDir');

interface Example {
  file: string;
  line: number;
  language: 'ts' | 'js';
  code: string;
}

/** The markdown users read: the READMEs, and the guides the docs render. */
const MARKDOWN = execFileSync('git', ['ls-files', '*README.md', 'packages/docs/guides/*.md'], {
  cwd: repo,
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);

const examples: Example[] = MARKDOWN.flatMap((file) => {
  const text = readFileSync(`${repo}${file}`, 'utf8');
  return [...text.matchAll(/^```(ts|js)\n([\s\S]*?)^```$/gm)].map((match) => ({
    file,
    line: text.slice(0, match.index).split('\n').length,
    language: match[1] as 'ts' | 'js',
    code: match[2]!,
  }));
});

// The values the TypeScript examples take from the reader's own code.
const PRELUDE = `
declare const clientId: string;
declare const clientSecret: string;
declare const organizationId: string;
declare const invoiceId: string;
declare const batchId: string;
declare const webhookSecret: string;
declare function getToken(): Promise<string>;
`;

/** Where an example asserts what the types do not say: `x!`, `x as T`, `<T>x`, or a JSDoc cast. */
function assertions(example: Example): string[] {
  const source = ts.createSourceFile(`example.${example.language}`, example.code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: TypeScript.Node) => {
    const jsDocCast =
      ts.isParenthesizedExpression(node) && ts.getJSDocTypeTag(node) !== undefined && example.language === 'js';
    if (ts.isNonNullExpression(node) || ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || jsDocCast)
      found.push(node.getText(source).slice(0, 60));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const where = (example: Example) => `${example.file}:${example.line}`;
const fileName = (index: number, example: Example) =>
  `example-${index + 1}.${example.language === 'ts' ? 'mts' : 'mjs'}`;

function typeCheck(checked: Example[]) {
  return typeCheckSnippets(
    `${consumerDir}examples/`,
    {
      'prelude.d.ts': PRELUDE,
      ...Object.fromEntries(
        checked.map((example, index) => [
          fileName(index, example),
          `// ${where(example)}\n${example.code}\nexport {};\n`,
        ]),
      ),
    },
    {
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      allowJs: true,
      checkJs: true,
      resolveJsonModule: true,
      types: ['node'],
      typeRoots: [`${repo}node_modules/@types`],
    },
  );
}

describe('the examples in the READMEs and guides', () => {
  it('are found in every file that has them, TypeScript and JavaScript', () => {
    const files = new Set(examples.map((example) => example.file));
    for (const file of [
      'README.md',
      'packages/client/README.md',
      'packages/sandbox/README.md',
      'packages/openapi/README.md',
    ])
      expect(files).toContain(file);
    expect([...files].some((file) => file.startsWith('packages/docs/guides/'))).toBe(true);
    expect(examples.filter((example) => example.language === 'js').length).toBeGreaterThan(0);
  });

  it('use no non-null assertion and no cast', () => {
    expect(examples.map((example) => ({ at: where(example), assertions: assertions(example) }))).toEqual(
      examples.map((example) => ({ at: where(example), assertions: [] })),
    );
  });

  it('type-check under strict against the packed packages, and a copy of one with a mistake does not', () => {
    const target = examples.find((example) => example.code.includes('body: {\n      invoices: ['))!;
    const broken = { ...target, code: target.code.replace('dueDate:', 'dueDat:') };
    expect(broken.code).not.toBe(target.code);
    const { status, output } = typeCheck([...examples, broken]);
    expect(status).not.toBe(0);
    const failing = new Set(output.match(/example-\d+\.m[jt]s(?=\(\d+,\d+\): error)/g));
    expect([...failing], output).toEqual([fileName(examples.length, broken)]);
    expect(output).toMatch(/dueDat/);
  });
});
