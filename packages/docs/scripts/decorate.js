// @ts-check
// Turns a bundled description into what its page renders: code samples for every
// operation, visible marks on everything inferred, links between the pages, prose
// whose soft line breaks are spaces, and (on the main page) the guides. The bundle itself ships unchanged.
import { listOperations, openEnumValues } from '@autocollect/spec/description';
import { addCodeSamples, formatTypeScriptSamples } from './code-samples.js';
import { addGuides, INFERRED_GUIDE, inferredGuide, loadGuides } from './guides.js';
import { markInferred } from './provenance.js';
import { joinSoftBreaksIn } from './soft-breaks.js';

/**
 * @param {{ api: string, page: string, document: any }[]} pages every page of the site
 * @param {URL} guidesDir the folder of the hand-written guides
 * @returns the decorated document of each page, in the same order
 */
export function decoratePages(pages, guidesDir) {
  const main = pages.find((page) => page.page === 'index.html');
  const documents = pages.map(({ api, page, document: bundle }) => {
    const document = structuredClone(bundle);
    addCodeSamples(document, api);
    showOperationIds(document);
    const others = pages.filter((other) => other.page !== page);
    const links = others.map((other) => `[${other.document.info.title}](${other.page})`).join(' · ');
    document.info.description = `${document.info.description ?? ''}\n\n**See also:** ${links}`;
    if (page === main?.page) {
      const inferred = inferredGuide(pages.map((p) => ({ title: p.document.info.title, document: p.document })));
      addGuides(document, [...loadGuides(guidesDir), { name: INFERRED_GUIDE, markdown: inferred }]);
    }
    // The guide is on the main page: other pages link to it there.
    const guide = `${page === main?.page ? '' : (main?.page ?? '')}#/what-is-inferred`;
    return joinSoftBreaksIn(showOpenEnums(markInferred(document, guide)));
  });
  formatTypeScriptSamples(documents);
  return documents;
}

/**
 * Amili titles its pages by operationId: show it, so readers (and the search) find operations by that name.
 * @param {any} document
 */
function showOperationIds(document) {
  for (const { operation } of [...listOperations(document), ...listOperations(document, 'webhooks')]) {
    if (typeof operation.operationId === 'string') {
      operation.description = `${operation.description ?? ''}\n\nOperation id: \`${operation.operationId}\``;
    }
  }
}

/**
 * Redoc shows an open enum as "Any of" its known values and any other value, without
 * the schema's own description: show that description on the known values' branch,
 * where readers see the values it explains.
 * @param {any} document
 */
function showOpenEnums(document) {
  /** @type {(node: any) => void} */
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    const values = openEnumValues(node, document);
    if (values && typeof node.description === 'string') {
      // Inline, not the closed schema requests refer to: what a response may carry is described here.
      node.anyOf[0] = { type: 'string', enum: values, description: node.description };
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(document.components?.schemas);
  visit(document.paths);
  visit(document.webhooks);
  return document;
}
