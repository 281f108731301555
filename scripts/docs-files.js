// @ts-check
// The built docs as files, for the docs servers (`npm start`, `npm run dev`): read from disk
// on every request, so a rebuild shows on the next reload. Files only: a section is a hash of
// its page (index.html#/pagination), so any other path is a 404; no extension is assumed
// (/identity is not identity.html), and a file's name followed by a slash names no file
// (sirv would serve the file there); / is index.html. A page may be sent changed (`page`).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sirv from 'sirv';

/** @param {import('node:http').ServerResponse} response */
export const notFound = (response) =>
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');

/** A page of the docs: an HTML file at the top of the site. */
const PAGE = /^\/[^/]+\.html$/;

/**
 * @param {string} dir the built docs
 * @param {(html: string) => string} [page] what each page is sent as, from its file's text
 * @returns {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void}
 */
export function docsFiles(dir, page) {
  const serveFile = sirv(dir, { dev: true, etag: true, extensions: [] });
  return (request, response) => {
    if (request.url === '/' || request.url?.startsWith('/?')) request.url = `/index.html${request.url.slice(1)}`;
    else if (/\/(\?|$)/.test(request.url ?? '')) return notFound(response);
    const { pathname } = new URL(request.url ?? '/', 'http://docs');
    if (!page || !PAGE.test(pathname)) return serveFile(request, response, () => void notFound(response));
    readFile(join(dir, pathname), 'utf8').then(
      (html) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : page(html));
      },
      () => notFound(response),
    );
  };
}
