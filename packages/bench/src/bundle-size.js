// @ts-check
// What a bundler ships of each library, minified and minified + gzip (esbuild, browser target).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ENTRIES = {
  '@autocollect/client (main entry, openapi-fetch included)': '@autocollect/client',
  '@autocollect/client/webhooks': '@autocollect/client/webhooks',
  'openapi-fetch alone': 'openapi-fetch',
  axios: 'axios',
};

export async function bundleSizes() {
  /** @type {Record<string, { minified: number, gzip: number }>} */
  const sizes = {};
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const result = await build({
      stdin: {
        contents: `export * from '${entry}';${entry === 'axios' ? `export { default } from 'axios';` : ''}`,
        resolveDir: import.meta.dirname,
        loader: 'js',
      },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles?.[0]?.contents ?? new Uint8Array();
    sizes[name] = { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
  }
  return sizes;
}
