import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
export const packsDir = fileURLToPath(new URL('../../test-results/packs/', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    tarballs: { client: string; docs: string };
  }
}

/** `npm pack` of a workspace package, as it would be published; returns the tarball's path. */
function pack(workspace: string): string {
  const [result] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', packsDir, '-w', workspace], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
  ) as { filename: string }[];
  return `${packsDir}${result!.filename.replace(/^@autocollect\//, 'autocollect-').replace('/', '-')}`;
}

export default function setup(project: TestProject) {
  rmSync(packsDir, { recursive: true, force: true });
  mkdirSync(packsDir, { recursive: true });
  project.provide('tarballs', { client: pack('@autocollect/client'), docs: pack('@autocollect/docs') });
}
