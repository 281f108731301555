import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
export const packsDir = fileURLToPath(new URL('../../test-results/packs/', import.meta.url));
const consumerDir = fileURLToPath(new URL('../../test-results/consumer/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/consumer/', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    tarballs: { client: string; docs: string; openapi: string; sandbox: string };
    /** A project that installed the packed client as a user would, with the consumer fixtures in it. */
    consumerDir: string;
  }
}

/** `npm pack` of workspace packages, as they would be published, in one npm process; returns each tarball's path. */
function pack(...workspaces: string[]): string[] {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', packsDir, ...workspaces.flatMap((w) => ['-w', w])], {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  ) as { name: string; filename: string }[];
  return workspaces.map((workspace) => {
    const entry = packed.find((p) => p.name === workspace);
    if (!entry) throw new Error(`npm pack made no tarball of ${workspace}.`);
    return `${packsDir}${entry.filename}`;
  });
}

/** Installs the client, openapi and sandbox tarballs (and their dependencies from the registry or npm's cache) into a fresh project. */
function installConsumer(tarballs: { client: string; openapi: string; sandbox: string }): void {
  rmSync(consumerDir, { recursive: true, force: true });
  mkdirSync(consumerDir, { recursive: true });
  writeFileSync(
    `${consumerDir}package.json`,
    JSON.stringify({
      name: 'consumer',
      private: true,
      dependencies: {
        '@autocollect/client': `file:${tarballs.client}`,
        '@autocollect/openapi': `file:${tarballs.openapi}`,
        '@autocollect/sandbox': `file:${tarballs.sandbox}`,
      },
    }),
  );
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
    { cwd: consumerDir, stdio: 'inherit' },
  );
  cpSync(fixtures, consumerDir, { recursive: true });
}

export default function setup(project: TestProject) {
  rmSync(packsDir, { recursive: true, force: true });
  mkdirSync(packsDir, { recursive: true });
  const [client, docs, openapi, sandbox] = pack(
    '@autocollect/client',
    '@autocollect/docs',
    '@autocollect/openapi',
    '@autocollect/sandbox',
  ) as [string, string, string, string];
  const tarballs = { client, docs, openapi, sandbox };
  installConsumer(tarballs);
  project.provide('tarballs', tarballs);
  project.provide('consumerDir', consumerDir);
}
