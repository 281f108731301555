import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { typeCheckSnippets } from '../../../scripts/typecheck.js';
import { SAMPLE_WIDTH } from '../scripts/format-samples.js';
import { pages, renderedCodeSamples } from './support/bundle.js';

// Checked by TypeScript 7's native compiler; the packed client's consumer matrix covers TypeScript 5 and 6.
const packageDir = fileURLToPath(new URL('../', import.meta.url));

interface Sample {
  where: string;
  source: string;
}

/** The TypeScript samples each page renders, Amili's and the sandbox's, and those in the guides. */
function renderedSamples(): Sample[] {
  const samples: Sample[] = renderedCodeSamples()
    .filter((sample) => sample.lang.startsWith('TypeScript'))
    .map(({ page, operationId, label, source }) => ({ where: `${page} ${operationId} ${label}`, source }));
  for (const { bundleName } of pages) {
    const rendered = JSON.parse(readFileSync(`${packageDir}dist/${bundleName}.docs.json`, 'utf8'));
    for (const tag of rendered.tags ?? []) {
      for (const [i, match] of [...(tag.description ?? '').matchAll(/```ts\n([\s\S]*?)```/g)].entries()) {
        samples.push({ where: `guide "${tag.name}" #${i + 1}`, source: match[1]! });
      }
    }
  }
  return samples;
}

/** Type-checks samples as a user's project that installed @autocollect/client would: against its built package. */
function typeCheck(name: string, samples: Sample[]) {
  return typeCheckSnippets(
    `${packageDir}test-results/samples-${name}/`,
    Object.fromEntries(
      samples.map((sample, i) => [`sample-${i}.ts`, `// ${sample.where}\n${sample.source}\nexport {};\n`]),
    ),
    { types: ['node'] },
  );
}

const samples = renderedSamples();

describe('the generated code samples', () => {
  it('cover every operation and webhook of every page, against Amili and the sandbox, and the guides', () => {
    const rendered = renderedCodeSamples();
    for (const { bundleName, document } of pages) {
      for (const operation of pages.find((p) => p.bundleName === bundleName)!.operations) {
        const labels = rendered
          .filter((sample) => sample.page === bundleName && sample.operationId === operation.operationId)
          .map((sample) => sample.label);
        const isWebhook = Object.values<any>(document.webhooks ?? {}).some((item) => item.post === operation);
        expect(labels, operation.operationId).toEqual(
          isWebhook ? ['TypeScript'] : ['TypeScript', 'curl', 'TypeScript (sandbox)', 'curl (sandbox)'],
        );
      }
    }
    expect(samples.filter((s) => s.where.startsWith('guide')).length).toBeGreaterThanOrEqual(5);
  });

  it('fit the sample pane: no line is wider than it but one that cannot break (a single string or import)', () => {
    const generated = renderedCodeSamples().filter((sample) => sample.lang.startsWith('TypeScript'));
    const tooWide = generated.flatMap(({ page, operationId, source }) =>
      source
        .split('\n')
        .filter(
          (line) => line.length > SAMPLE_WIDTH && !/^\s*(\w+: )?'[^']*',?$|^import \{ \w+ \} from '[^']*';$/.test(line),
        )
        .map((line) => `${page} ${operationId}: ${line}`),
    );
    expect(tooWide).toEqual([]);
    // Laid out, not left on one line: the body of a create spans lines.
    expect(generated.some(({ source }) => /\n\s+invoices: \[\n/.test(source))).toBe(true);
  });

  it('type-check against the built @autocollect/client, and a broken copy of one fails', () => {
    // One run of tsc: every sample, and last a copy of one whose call names a parameter the spec does not have.
    const [first] = samples.filter((s) =>
      /client\.GET\(\s*'\/orgs\/\{organizationId\}\/invoices\/\{invoiceId\}'/.test(s.source),
    );
    const broken = { ...first!, source: first!.source.replace('invoiceId: ', 'invoiceNumber: ') };
    expect(broken.source).not.toBe(first!.source);
    const { status, output } = typeCheck('all', [...samples, broken]);
    expect(status).not.toBe(0);
    const failing = new Set(output.match(/[^\s/(]+(?=\(\d+,\d+\): error)/g));
    expect([...failing]).toEqual([`sample-${samples.length}.ts`]);
    expect(output).toMatch(/invoiceNumber/);
  });
});
