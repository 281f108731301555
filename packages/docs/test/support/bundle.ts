import { readFileSync } from 'node:fs';
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
  operations: { operationId: string; summary: string; tags: string[] }[];
}

/** Every page the docs build renders, from the same list the build reads. */
export const pages: DocsPage[] = listPages().map(({ name, page, bundleName, bundle }) => {
  const document = JSON.parse(readFileSync(bundle, 'utf8'));
  const operations = [...listOperations(document), ...listOperations(document, 'webhooks')].map(
    (entry) => entry.operation,
  );
  return { api: name, page, bundleName, document, operations };
});
