import { describe, expect, inject, it } from 'vitest';
import { CLIENT_ENTRYPOINTS, publintMessages, TYPE_RESOLUTIONS, typesReport } from '../scripts/packed-checks.js';

const tarballs = inject('tarballs');

describe.each(Object.entries(tarballs))('the packed %s package', (name, tarball) => {
  it('passes publint with no error, warning or suggestion', async () => {
    expect(await publintMessages(tarball)).toEqual([]);
  });

  it.runIf(name === 'client')('has types that resolve right under node10, node16 (CJS and ESM) and bundler', () => {
    const report = typesReport(tarball);
    expect(report.problems).toEqual([]);
    expect(Object.keys(report.entrypoints).sort()).toEqual(CLIENT_ENTRYPOINTS);
    for (const [entrypoint, resolutions] of Object.entries(report.entrypoints)) {
      if (entrypoint === './package.json') continue;
      for (const resolution of TYPE_RESOLUTIONS)
        expect(resolutions[resolution], `${entrypoint} ${resolution}`).toBe(true);
    }
    expect(report.status).toBe(0);
  });
});
