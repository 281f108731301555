// @ts-check
// The built docs as files, for the docs servers (`npm start`, `npm run dev`): read from disk
// on every request, so a rebuild shows on the next reload. Files only: a section is a hash of
// its page (index.html#/pagination), so any other path is a 404; no extension is assumed
// (/identity is not identity.html), and a file's name followed by a slash names no file
// (sirv would serve the file there); / is index.html.
import sirv from 'sirv';

/** @param {import('node:http').ServerResponse} response */
export const notFound = (response) =>
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');

/**
 * @param {string} dir the built docs
 * @returns {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void}
 */
export function docsFiles(dir) {
  const serveFile = sirv(dir, { dev: true, etag: true, extensions: [] });
  return (request, response) => {
    if (request.url === '/' || request.url?.startsWith('/?')) request.url = `/index.html${request.url.slice(1)}`;
    else if (/\/(\?|$)/.test(request.url ?? '')) return notFound(response);
    serveFile(request, response, () => void notFound(response));
  };
}
