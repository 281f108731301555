import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// TypeScript 7's native compiler; the packed client's consumer matrix covers TypeScript 5 and 6.
import { typeCheckSnippets } from '../../../scripts/typecheck.js';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
// The repository's README and the package's own (what npm shows).
const readmes = ['../../../README.md', '../README.md'].map((path) =>
  readFileSync(new URL(path, import.meta.url), 'utf8'),
);
const blocks = readmes.flatMap((readme) => [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!));

// The values the examples take from the reader's own code.
const PRELUDE = `
declare const clientId: string;
declare const clientSecret: string;
declare const organizationId: string;
declare const invoiceId: string;
declare const batchId: string;
declare const webhookSecret: string;
declare function getToken(): Promise<string>;
`;

/** Type-checks the given files as a user's project would, against the client's source. */
function typeCheck(name: string, files: string[]): { status: number | null; output: string } {
  return typeCheckSnippets(
    `${packageDir}test-results/readme-${name}/`,
    {
      'prelude.d.ts': PRELUDE,
      ...Object.fromEntries(files.map((code, i) => [`example-${i + 1}.ts`, `${code}\nexport {};\n`])),
    },
    {
      types: ['node'],
      typeRoots: [`${packageDir}node_modules/@types`, `${packageDir}../../node_modules/@types`],
      paths: {
        '@autocollect/client': [`${packageDir}src/index.ts`],
        '@autocollect/client/webhooks': [`${packageDir}src/webhooks.ts`],
      },
    },
  );
}

describe('the README examples', () => {
  it('show every client feature', () => {
    const all = blocks.join('\n');
    for (const feature of [
      'createAutoCollectClient',
      'clientSecret',
      'unwrap(',
      'ApiError',
      'TimeoutError',
      'ConnectionError',
      'AuthenticationError',
      'retry:',
      'timeoutMs',
      '.paginate(',
      '.waitForBatch(',
      'parseWebhookEvent',
      'WebhookVerificationError',
    ]) {
      expect(all, feature).toContain(feature);
    }
  });

  it('type-check against the client, and a broken copy of one fails', () => {
    // One run of tsc: every example, and last a copy of one with a path the spec does not have.
    const target = blocks.find((code) => code.includes("'/orgs/{organizationId}/invoices/{invoiceId}'"))!;
    const broken = target.replace(
      "'/orgs/{organizationId}/invoices/{invoiceId}'",
      "'/orgs/{organizationId}/invoice/{invoiceId}'",
    );
    const { status, output } = typeCheck('examples', [...blocks, broken]);
    expect(status).not.toBe(0);
    const failing = new Set(output.match(/[^\s/(]+(?=\(\d+,\d+\): error)/g));
    expect([...failing]).toEqual([`example-${blocks.length + 1}.ts`]);
    expect(output).toMatch(/invoice\/\{invoiceId\}/);
  });
});
