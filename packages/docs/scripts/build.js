// @ts-check
// Renders every API description listed in redocly.yaml into one self-contained page
// (the AutoCollect API as dist/index.html, the others as dist/<name>.html), after
// decorating it (guides, code samples, inferred marks, links: see decorate.js), and
// ships beside each page its bundle (dist/<name>.json, .yaml) and what the page
// renders (dist/<name>.docs.json). The Redoc script is inlined, so no page needs
// the network.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { listOperations } from '@autocollect/spec/description';
import { build as bundle } from 'esbuild';
import { DEFAULT_CREDENTIALS } from '../../sandbox/src/credentials.js';
import { caseActionExamples } from '../../sandbox/src/examples.js';
import { decoratePages } from './decorate.js';
import { listPages } from './pages.js';

const require = createRequire(import.meta.url);
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(packageDir, '../..');
const dist = resolve(packageDir, 'dist');
const redocly = require.resolve('@redocly/cli/bin/cli.js');

// Redoc's "API docs by Redocly" footer loads its logo from Redocly's CDN once the page
// is live, and no option turns that off: point it at a local wordmark instead.
const REDOCLY_LOGOS = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];
const LOCAL_WORDMARK = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#666">Redocly</text></svg>',
)}`;

/** @param {string} html */
function keepOffline(html) {
  let result = html;
  for (const url of REDOCLY_LOGOS) {
    if (!result.includes(url))
      throw new Error(`Redoc no longer references ${url}: check the footer for other remote assets.`);
    result = result.replaceAll(url, LOCAL_WORDMARK);
  }
  return result;
}

/**
 * @param {string} definition the decorated description
 * @param {string} title
 * @param {string} page the file name
 * @param {object} tryItConfig
 * @param {string} key the render key of its inputs, kept in the page
 */
async function renderPage(definition, title, page, tryItConfig, key) {
  const output = resolve(dist, page);
  await promisify(execFile)(
    process.execPath,
    [
      redocly,
      'build-docs',
      definition,
      '--config',
      resolve(root, 'redocly.yaml'),
      '--inlineBundle',
      '--template',
      resolve(packageDir, 'template.hbs'),
      '--title',
      `${title} reference`,
      '--output',
      output,
    ],
    { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
  );
  const html = withEnhancements(keepOffline(readFileSync(output, 'utf8')), tryItConfig);
  writeFileSync(output, `${html}${RENDER_KEY_MARK}${key} -->\n`);
}

/** The page says which inputs it was rendered from, last, so that it travels with them. */
const RENDER_KEY_MARK = '<!-- render key: ';

/** The render key a page was made with; undefined when there is no page. @param {string} page */
function renderedKey(page) {
  if (!existsSync(page)) return undefined;
  const html = readFileSync(page, 'utf8');
  const at = html.lastIndexOf(RENDER_KEY_MARK);
  return at === -1 ? undefined : html.slice(at + RENDER_KEY_MARK.length, html.indexOf(' -->', at));
}

/** What every page adds to Redoc: links that open at their section, and copy buttons (page/). */
const ENHANCEMENTS = ['enhance.css', 'enhance.js'].map((file) => resolve(packageDir, 'page', file));

/**
 * @param {string} html
 * @param {object} tryItConfig what the page's Try it buttons need (page/enhance.js reads it)
 */
function withEnhancements(html, tryItConfig) {
  const [css, js] = ENHANCEMENTS.map((file) => readFileSync(file, 'utf8'));
  const config = JSON.stringify(tryItConfig).replaceAll('<', '\\u003c');
  // Before the last </body>: Redoc's inlined script holds the string too.
  const end = html.lastIndexOf('</body>');
  return `${html.slice(0, end)}<style>${css}</style>\n<script type="application/json" id="autocollect-try-it">${config}</script>\n<script>${js}</script>\n${html.slice(end)}`;
}

/**
 * What a page's Try it needs to know before it loads: the description beside the page, its
 * operations by the last part of their section ids, and the sandbox's defaults.
 * @param {string} api @param {string} bundleName @param {any} document @param {string} organizationId
 */
function tryItConfigOf(api, bundleName, document, organizationId) {
  const operations = Object.fromEntries(
    listOperations(document).map(({ operationId }) => [operationId.toLowerCase(), operationId]),
  );
  const { clientId, clientSecret } = DEFAULT_CREDENTIALS;
  const credentials = { clientId, clientSecret };
  const pathExamples = caseActionExamples(document);
  return { api, bundle: `${bundleName}.json`, operations, credentials, organizationId, pathExamples };
}

/** The client Try it sends with, built for the browser from its source (so no build of it need come first). */
const CLIENT_SOURCE = resolve(packageDir, '../client/src');

/** Try it's code (page/try-it, with @autocollect/client and ajv), bundled into dist/try-it.js: loaded when a panel first opens. */
async function bundleTryIt() {
  const output = resolve(dist, 'try-it.js');
  // Bundled again only when a file it was made of changed (`npm run dev` rebuilds on every edit of the spec).
  const previous = existsSync(TRY_IT_INPUTS) ? JSON.parse(readFileSync(TRY_IT_INPUTS, 'utf8')) : undefined;
  if (previous?.key && previous.key === inputsKey(previous.inputs, output)) return;
  const result = await bundle({
    entryPoints: [resolve(packageDir, 'page/try-it/index.ts')],
    alias: {
      '@autocollect/client/legacy': resolve(CLIENT_SOURCE, 'legacy.ts'),
      '@autocollect/client': resolve(CLIENT_SOURCE, 'index.ts'),
    },
    outfile: output,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
    metafile: true,
    absWorkingDir: packageDir,
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(packageDir, input));
  mkdirSync(dirname(TRY_IT_INPUTS), { recursive: true });
  writeFileSync(TRY_IT_INPUTS, JSON.stringify({ inputs, key: inputsKey(inputs, output) }));
}

/** What dist/try-it.js was last bundled from, outside dist/ (which is published). */
const TRY_IT_INPUTS = resolve(root, 'node_modules/.cache/autocollect/try-it-inputs.json');

/**
 * The key of a bundle's input files and of the bundle itself; undefined when one is gone.
 * @param {string[]} inputs @param {string} output
 */
function inputsKey(inputs, output) {
  const hash = createHash('sha256');
  for (const file of [...inputs, output]) {
    if (!existsSync(file)) return undefined;
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** Everything a page is rendered from besides its decorated description: a change to any re-renders every page. */
const RENDERER = [
  fileURLToPath(import.meta.url),
  resolve(packageDir, 'template.hbs'),
  ...ENHANCEMENTS,
  resolve(root, 'redocly.yaml'),
  require.resolve('@redocly/cli/package.json'),
].map((file) => readFileSync(file, 'utf8'));

/**
 * The key of a page's inputs; the page is rendered again only when it changes.
 * @param {string} definition the decorated description, as written
 * @param {string} title
 * @param {object} tryItConfig
 */
const renderKey = (definition, title, tryItConfig) =>
  createHash('sha256')
    .update(JSON.stringify([...RENDERER, definition, title, tryItConfig]))
    .digest('hex');

/**
 * Writes every page whose inputs changed, with its bundles beside it.
 * @returns {Promise<string[]>} a line per page: what was written, or that it was unchanged
 */
export async function buildDocs() {
  mkdirSync(dist, { recursive: true });
  const pages = listPages(root).map(({ name: api, bundleName: name, bundle, bundleYaml, page }) => {
    return { api, name, bundle, bundleYaml, page, document: JSON.parse(readFileSync(bundle, 'utf8')) };
  });
  const decorated = decoratePages(pages, new URL('../guides/', import.meta.url));
  // The organization of the examples: the sandbox's default, which every page's Try it fills in.
  const organizationId = pages
    .flatMap(({ document }) => listOperations(document))
    .flatMap(({ parameters }) => parameters)
    .find((parameter) => parameter.in === 'path' && parameter.name === 'organizationId')?.example;
  const tryIt = bundleTryIt();

  const built = pages.map(async ({ api, name, bundle, bundleYaml, page, document }, i) => {
    copyFileSync(bundle, resolve(dist, `${name}.json`));
    copyFileSync(bundleYaml, resolve(dist, `${name}.yaml`));
    const definition = resolve(dist, `${name}.docs.json`);
    const content = `${JSON.stringify(decorated[i], null, 2)}\n`;
    writeFileSync(definition, content);
    // An edit to one description leaves the other pages as they were: render only what changed.
    const config = tryItConfigOf(api, name, document, organizationId);
    const key = renderKey(content, document.info.title, config);
    if (renderedKey(resolve(dist, page)) === key) return `dist/${page} (unchanged)`;
    // An edit undone (in `npm run dev`, say) brings back a page rendered a moment ago.
    const kept = resolve(RENDERS, `${key}.html`);
    if (existsSync(kept)) copyFileSync(kept, resolve(dist, page));
    else {
      await renderPage(definition, document.info.title, page, config, key);
      keepRender(resolve(dist, page), kept);
    }
    return `dist/${page} (+ ${name}.json, ${name}.yaml, ${name}.docs.json)`;
  });
  const lines = await Promise.all(built);
  await tryIt;
  return [...lines, 'dist/try-it.js'];
}

/** The last pages rendered, by render key, outside dist/ (which is published). */
const RENDERS = resolve(root, 'node_modules/.cache/autocollect/docs-renders');
const KEPT_RENDERS = 12;

/**
 * Keeps a copy of a page just rendered, and forgets the oldest beyond the last few.
 * @param {string} page
 * @param {string} kept
 */
function keepRender(page, kept) {
  mkdirSync(RENDERS, { recursive: true });
  // Copied whole, then renamed: a build interrupted here leaves no half page to bring back.
  copyFileSync(page, `${kept}.${process.pid}`);
  renameSync(`${kept}.${process.pid}`, kept);
  const renders = readdirSync(RENDERS)
    .map((file) => ({ file: resolve(RENDERS, file), time: statSync(resolve(RENDERS, file)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { file } of renders.slice(KEPT_RENDERS)) rmSync(file, { force: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await buildDocs()) console.log(`docs: ${line}`);
}
