// `tsc -p <project> --noEmit` through a TypeScript version's own compiler API, in this
// process: the projects checked with one version share its loaded compiler and the
// standard library files it parsed, instead of a process each that loads and parses them
// again. TypeScript 7's compiler is native and has no such API: it runs as tsc.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type * as TypeScript from 'typescript';

const require = createRequire(import.meta.url);

/** A type-checker for one installed TypeScript package (typescript-5, typescript-6). */
export function compilerApi(name: string) {
  const ts = require(name) as typeof TypeScript;
  const libraries = new Map<string, TypeScript.SourceFile | undefined>();
  const formatHost: TypeScript.FormatDiagnosticsHost = {
    getCanonicalFileName: (fileName) => fileName,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => '\n',
  };
  return {
    version: ts.version,
    /** The diagnostics of a project, as tsc prints them: empty when it type-checks. */
    check(tsconfig: string): string {
      const parsed = ts.getParsedCommandLineOfConfigFile(
        tsconfig,
        { noEmit: true },
        {
          ...ts.sys,
          onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
            throw new Error(ts.formatDiagnostics([diagnostic], formatHost));
          },
        },
      );
      if (!parsed) throw new Error(`${tsconfig}: not a tsconfig.json`);
      const host = ts.createCompilerHost(parsed.options);
      const libraryDir = dirname(ts.getDefaultLibFilePath(parsed.options));
      const read = host.getSourceFile.bind(host);
      host.getSourceFile = (fileName, options, onError, shouldCreate) => {
        if (!fileName.startsWith(libraryDir)) return read(fileName, options, onError, shouldCreate);
        const key = `${fileName} ${JSON.stringify(options)}`;
        if (!libraries.has(key)) libraries.set(key, read(fileName, options, onError, shouldCreate));
        return libraries.get(key);
      };
      const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host });
      const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
      return ts.formatDiagnostics(diagnostics, formatHost).trim();
    },
  };
}
