// What the Try it tests share: a docs server and Chromium per file, tabs that record their
// requests and unhandled errors, and the section of an operation.
import { docsInBrowser } from './browser-session.js';

/** The hash of an operation's section, as Redoc names it: its tag's slug, then its id in lower case. */
export const sectionOf = (operationId: string, tag: string) =>
  `#/${tag.toLowerCase().replace(/\s+/g, '-')}/${operationId.toLowerCase()}`;

/** docsInBrowser, with tabs that record what they request and any error the page leaves unhandled. */
export function tryItSession() {
  const docs = docsInBrowser();
  async function tab(name: string, options: Parameters<typeof docs.openTab>[2] = {}, height = 900) {
    const page = await docs.openTab(name, height, options);
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, requests, errors };
  }
  return { docs, tab };
}
