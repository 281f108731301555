// @ts-check
// The built docs as files, for the docs servers (`npm start`, `npm run dev`): read from disk
// on every request, so a rebuild shows on the next reload. Files only: a section is a hash of
// its page (index.html#/pagination), so any other path is a 404; no extension is assumed
// (/identity is not identity.html), and a file's name followed by a slash names no file
// (sirv would serve the file there); / is index.html. A page may be sent changed (`page`).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sirv from 'sirv';

/** @param {import('node:http').ServerResponse} response */
export const notFound = (response) =>
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');

/** A page of the docs: an HTML file at the top of the site. */
const PAGE = /^\/+([^/]+\.html)$/;

/** The file name of the page a request target names, its escapes undone; undefined for any other target. @param {string} target */
function pageName(target) {
  // A path as a path: given to URL as a relative reference, //index.html would name a host.
  const { pathname } = new URL(target.startsWith('/') ? `http://docs${target}` : target, 'http://docs');
  try {
    return PAGE.exec(decodeURIComponent(pathname))?.[1];
  } catch {
    return undefined;
  }
}

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
    // The page a request names, however it spells it (sirv serves //index.html and /%69ndex.html).
    const name = pageName(request.url ?? '/');
    if (!page || name === undefined) return serveFile(request, response, () => void notFound(response));
    readFile(join(dir, name), 'utf8').then(
      (html) => {
        const body = page(html);
        const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
        const fresh = request.headers['if-none-match'] === etag;
        response.writeHead(fresh ? 304 : 200, {
          'content-type': 'text/html; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          etag,
          'cache-control': 'no-cache',
        });
        response.end(request.method === 'HEAD' || fresh ? undefined : body);
      },
      () => notFound(response),
    );
  };
}
