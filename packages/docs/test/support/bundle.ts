import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listOperations } from '@autocollect/spec/description';
import { listPages } from '../../scripts/pages.js';

export interface DocsPage {
  /** The API's name in redocly.yaml. */
  api: string;
  /** The page's file name: index.html for the AutoCollect API, <bundle>.html for the others. */
  page: string;
  /** The bundle's file name beside the page, without extension. */
  bundleName: string;
  document: any;
  /** Operations and webhooks, with the summary the navigation shows. */
  operations: { operationId: string; summary: string; description: string; tags: string[] }[];
}

/** Every page the docs build renders, from the same list the build reads. */
export const pages: DocsPage[] = listPages().map(({ name, page, bundleName, bundle }) => {
  const document = JSON.parse(readFileSync(bundle, 'utf8'));
  const operations = [...listOperations(document), ...listOperations(document, 'webhooks')].map(
    (entry) => entry.operation,
  );
  return { api: name, page, bundleName, document, operations };
});

export interface RenderedSample {
  /** The bundle's name: openapi, identity, legacy. */
  page: string;
  operationId: string;
  lang: string;
  label: string;
  source: string;
}

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Every code sample the built pages render (dist/<name>.docs.json), in their order. */
export function renderedCodeSamples(): RenderedSample[] {
  return pages.flatMap(({ bundleName }) => {
    const rendered = JSON.parse(readFileSync(`${dist}${bundleName}.docs.json`, 'utf8'));
    const items = [...Object.values<any>(rendered.paths ?? {}), ...Object.values<any>(rendered.webhooks ?? {})];
    return items.flatMap((item) =>
      Object.values<any>(item).flatMap((operation) =>
        (operation?.['x-codeSamples'] ?? []).map((sample: { lang: string; label: string; source: string }) => ({
          page: bundleName,
          operationId: operation.operationId,
          lang: sample.lang,
          label: sample.label,
          source: sample.source,
        })),
      ),
    );
  });
}
