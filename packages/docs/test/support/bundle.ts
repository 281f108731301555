import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

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

const { apis } = parse(readFileSync(`${repo}redocly.yaml`, 'utf8'));

/** Every page the docs build renders, from the same list the build reads. */
export const pages: DocsPage[] = Object.entries<any>(apis).map(([api, { output }]) => {
  const document = JSON.parse(readFileSync(`${repo}${output}`, 'utf8'));
  const bundleName = basename(output, '.json');
  const items = [...Object.values<any>(document.paths ?? {}), ...Object.values<any>(document.webhooks ?? {})];
  return {
    api,
    page: bundleName === 'openapi' ? 'index.html' : `${bundleName}.html`,
    bundleName,
    document,
    operations: items.flatMap((item) => METHODS.filter((m) => item[m]).map((m) => item[m])),
  };
});
