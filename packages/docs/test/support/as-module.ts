import ts from 'typescript';

/** TypeScript as the ES module Node runs: types stripped, nothing else changed. */
export const asModule = (source: string): string =>
  ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
    .outputText;
