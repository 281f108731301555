// @ts-check
// The site's pages: one per API description in redocly.yaml. The AutoCollect API
// (the bundle named openapi.json) is the home page, index.html; each other
// description is <bundle name>.html.
import { basename } from 'node:path';
import { readApis } from '@autocollect/spec/description';

/**
 * @typedef {import('@autocollect/spec/description').ApiEntry & { page: string, bundleName: string }} DocsPage
 */

/**
 * Every page the docs build renders, in redocly.yaml's order.
 * @param {string} [root] the repository's root
 * @returns {DocsPage[]}
 */
export function listPages(root) {
  return readApis(root).map((api) => {
    const bundleName = basename(api.bundle, '.json');
    return { ...api, bundleName, page: bundleName === 'openapi' ? 'index.html' : `${bundleName}.html` };
  });
}
