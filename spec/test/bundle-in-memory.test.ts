// spec:diff bundles the spec's files from memory with Redocly's OpenAPI bundler alone
// (scripts/bundle-in-memory.js), not with redocly.yaml as the build does: its bundles must
// be the build's, or spec:diff would judge other documents than the ones users get.
import { describe, expect, it } from 'vitest';
import { specFiles } from '../../scripts/spec-diff.js';
import { bundleInMemory } from '../scripts/bundle-in-memory.js';
import { repoRoot } from '../scripts/description.js';
import { listApis, loadApi } from './support/bundle.js';
import { S } from './support/spec-copy.js';

const files = specFiles(repoRoot, undefined);

describe('bundleInMemory', () => {
  it("makes the build's bundle of every description, and says which files each was made of", async () => {
    const bundles = await bundleInMemory(files);
    expect(bundles.map((bundle) => bundle.name)).toEqual(listApis().map((api) => api.name));
    for (const bundle of bundles) {
      expect(bundle.document, bundle.name).toEqual(loadApi(bundle.name));
      expect(
        bundle.files.every((file) => files.has(file)),
        bundle.name,
      ).toBe(true);
    }
    expect(bundles[0]?.files).toContain(`${S}/Invoice.yaml`);
  });

  it('reads nothing from the network', async () => {
    const remote = new Map(files);
    const file = `${S}/InvoiceType.yaml`;
    remote.set(
      file,
      Buffer.from(String(files.get(file)).replace('./KnownInvoiceType.yaml', 'http://127.0.0.1:9/Known.yaml')),
    );
    await expect(bundleInMemory(remote, ['autocollect@v1'])).rejects.toThrow(
      /Can't resolve \$ref: http:\/\/127\.0\.0\.1:9\/Known\.yaml is not one of the spec's files$/m,
    );
  });

  it('reads nothing from the disk: a file missing from memory is a problem, told with its place', async () => {
    const without = new Map(files);
    without.delete(`${S}/KnownInvoiceType.yaml`);
    await expect(bundleInMemory(without, ['autocollect@v1'])).rejects.toThrow(
      /^spec\/openapi\/components\/schemas\/InvoiceType\.yaml:\d+:\d+ {2}error {2}bundler {2}Can't resolve \$ref: spec\/openapi\/components\/schemas\/KnownInvoiceType\.yaml is not one of the spec's files$/m,
    );
  });
});
