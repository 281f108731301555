import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, operations } from './support/bundle.js';
import { startDocsServer, type DocsServer } from './support/docs-server.js';

let server: DocsServer;
let origin = '';
beforeAll(async () => {
  server = await startDocsServer();
  origin = server.origin;
});
afterAll(() => server?.stop());

describe('the served docs', () => {
  it('serves the page on 127.0.0.1 with the spec it renders', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(operations.map((op) => op.operationId).sort()).toEqual(['GetBatchById', 'GetInvoiceById']);
    for (const operation of operations) {
      // In the embedded definition; the browser test checks the rendered navigation.
      expect(html).toContain(`"operationId":"${operation.operationId}"`);
    }
  });

  it('loads nothing from another origin: scripts, styles, fonts and images are inline', async () => {
    const html = await (await fetch(`${origin}/`)).text();
    const external = [
      ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
      ...html.matchAll(/<link\b[^>]*\bhref="([^"]+)"/g),
      ...html.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g),
      ...html.matchAll(/@import\s+(?:url\()?["']?(https?:[^"')]+)/g),
      ...html.matchAll(/url\(["']?(https?:[^"')]+)/g),
      ...html.matchAll(/\bimport\s*(?:\{[^}]*\}\s*from\s*)?["'](https?:[^"']+)["']/g),
    ]
      .map((match) => match[1])
      .filter((url) => /^(https?:)?\/\//.test(url!));
    expect(external).toEqual([]);
  });

  it('ships the bundled spec beside the page', async () => {
    const json = await fetch(`${origin}/openapi.json`);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(await json.json()).toEqual(bundle);
    const yaml = await fetch(`${origin}/openapi.yaml`);
    expect(yaml.status).toBe(200);
    expect(await yaml.text()).toContain('operationId: GetInvoiceById');
  });

  it('answers deep links with the page and refuses paths outside the site', async () => {
    const deepLink = await fetch(`${origin}/invoice/getinvoicebyid`);
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<div id="redoc">');
    expect((await fetch(`${origin}/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${origin}/missing.json`)).status).toBe(404);
  });
});
