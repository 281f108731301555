// @ts-check
// The spec author's edit loop: lints, bundles, regenerates the client's types and
// rebuilds the docs, serves them on 127.0.0.1, and after each edit under spec/ (or to
// redocly.yaml) does it again for the descriptions the edit changed, then reloads the
// open pages. Lint errors go to the terminal (file:line:column, rule) and onto the page
// as an overlay; nothing an edit does stops the watcher. The sandbox runs beside the docs,
// as with `npm start`, so that Try it works; it serves the descriptions as they were when
// the loop started.
//
//   npm run dev                 port 4000, or a free one if 4000 is taken
//   PORT=8080 npm run dev       that port
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative } from 'node:path';
import chokidar from 'chokidar';
import { generate, write } from '../packages/client/scripts/generate.js';
import { buildDocs } from '../packages/docs/scripts/build.js';
import { copyBundles } from '../packages/openapi/scripts/build.js';
import { writeBundle } from '../spec/scripts/bundle.js';
import { readApis, repoRoot as root } from '../spec/scripts/description.js';
import { bundleDescriptions, describeFinding, lintDescriptions } from '../spec/scripts/redocly.js';
import { docsFiles } from './docs-files.js';
import { answerOwnRequests, pagesNaming, startSandboxBesideDocs } from './docs-sandbox.js';
import { listen } from './listen.js';

const HOST = '127.0.0.1';
const docsDir = join(root, 'packages/docs/dist');
const OVERLAY = readFileSync(new URL('./dev-overlay.js', import.meta.url), 'utf8');

/** @typedef {{ type: 'building' } | { type: 'built', changed: string[], ms: number } | { type: 'problems', problems: string[] }} DevEvent */

/** @type {Set<import('node:http').ServerResponse>} open event streams */
const clients = new Set();
/** @type {DevEvent} */
let state = { type: 'building' };

/** @param {DevEvent} event */
function broadcast(event) {
  state = event;
  for (const client of clients) client.write(`data: ${JSON.stringify(event)}\n\n`);
}

/** @type {Map<string, string>} each description's last bundle, to tell what an edit changed */
const lastBundles = new Map();

/**
 * One pass: bundle; then, for the descriptions whose bundle changed, lint them while
 * their bundles, types and docs pages are written. A description with lint errors is
 * still shown, under the overlay that lists them.
 */
async function build() {
  const started = performance.now();
  const hadProblems = state.type === 'problems';
  broadcast({ type: 'building' });
  const apis = readApis(root);
  let bundles;
  try {
    bundles = await bundleDescriptions(root);
  } catch (error) {
    return report([/** @type {Error} */ (error).message]);
  }
  const changed = bundles
    .map((entry) => ({ ...entry, json: JSON.stringify(entry.document) }))
    .filter(({ name, json }) => lastBundles.get(name) !== json);
  const names = changed.map((entry) => entry.name);
  // After lint errors, an edit elsewhere changes no bundle: lint them all again.
  const toLint = hadProblems ? undefined : names;
  for (const { name, document } of changed) {
    const api = apis.find((entry) => entry.name === name);
    if (api) writeBundle(api, document);
  }
  // The descriptions as @autocollect/openapi ships them, which the sandbox reads.
  if (changed.length > 0) copyBundles(root);
  let problems;
  try {
    // The docs first: their renderer runs in a process of its own while this one lints and generates.
    const [docs, linted] = await Promise.all([
      buildDocs(), // renders only the pages whose description changed
      toLint?.length === 0 ? [] : lintDescriptions(root, toLint),
      generate(names).then((files) => write(files, root)),
    ]);
    for (const line of docs.filter((l) => !l.includes('(unchanged)'))) console.log(`docs: ${line}`);
    problems = linted.flatMap(({ findings }) =>
      findings.filter((finding) => finding.severity === 'error').map((finding) => describeFinding(finding, root)),
    );
  } catch (error) {
    return report([/** @type {Error} */ (error).message]);
  }
  for (const { name, json } of changed) lastBundles.set(name, json);
  if (problems.length > 0) return report(problems);
  const ms = Math.round(performance.now() - started);
  console.log(`✓ ${names.length ? names.join(', ') : 'nothing'} rebuilt in ${ms} ms`);
  broadcast({ type: 'built', changed: names, ms });
}

/** @param {string[]} problems */
function report(problems) {
  console.error(`✖ ${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
  for (const problem of problems) console.error(`  ${problem}`);
  broadcast({ type: 'problems', problems });
}

// One pass at a time; edits during a pass start one more after it.
let running = Promise.resolve();
let queued = false;
function schedule() {
  if (queued) return;
  queued = true;
  running = running.then(async () => {
    queued = false;
    await build().catch((error) => report([String(error?.stack ?? error)]));
  });
}

/** Each page as sent: naming the sandbox where it runs, once it runs. */
let onPage = (/** @type {string} */ html) => html;
// Every file as `npm start` serves it; each page with the overlay and live reload, before
// the last </body> (Redoc's inlined script holds the string too).
const serveFile = docsFiles(docsDir, (html) => {
  const named = onPage(html);
  const end = named.lastIndexOf('</body>');
  return `${named.slice(0, end)}<script>${OVERLAY}</script>${named.slice(end)}`;
});
/** @type {import('../packages/sandbox/src/index.js').RunningSandbox | undefined} */
let sandbox;
// Handled before the banner gives the address: a signal sent as soon as it shows (a test's,
// or Ctrl+C) would otherwise end the process before it stops, saying so, with its sandbox.
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    void sandbox?.close();
    // Exits once the line is out: process.exit at once may drop it from a pipe.
    process.stdout.write(`Stopped the live docs and the sandbox (${signal}).\n`, () => process.exit(0));
  });
const server = createServer((request, response) => {
  if (answerOwnRequests(server, request, response, sandbox)) return;
  if (new URL(request.url ?? '/', `http://${HOST}`).pathname === '/__dev/events') {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    response.write(`data: ${JSON.stringify(state)}\n\n`);
    clients.add(response);
    request.on('close', () => clients.delete(response));
    return;
  }
  serveFile(request, response);
});

await build().catch((error) => report([String(error?.stack ?? error)]));
let port;
/** What the banner says of a usual port that was taken. @type {string[]} */
const notes = [];
try {
  port = await listen(server, HOST, process.env.PORT);
} catch (error) {
  console.error(/** @type {Error} */ (error).message);
  process.exit(1);
}
try {
  sandbox = await startSandboxBesideDocs(notes);
  onPage = await pagesNaming(sandbox);
  notes.unshift(
    `Sandbox for Try it: ${sandbox.baseUrl} (the descriptions as they were at the start: restart to serve your edits)`,
  );
} catch (error) {
  notes.unshift(
    `Sandbox for Try it: not started (${/** @type {Error} */ (error).message.split('\n')[0]}); fix the spec and restart.`,
  );
}
// The descriptions, the lint plugin and redocly.yaml; said to be watched only once they are,
// so that an edit made as soon as the address is printed is seen (chokidar scans first).
const watcher = chokidar
  .watch([join(root, 'spec/openapi'), join(root, 'spec/lint'), join(root, 'redocly.yaml')], { ignoreInitial: true })
  .on('all', schedule);
await new Promise((resolve) => watcher.once('ready', () => resolve(undefined)));
console.log(
  [
    `Docs with live reload: http://${HOST}:${port}/  (watching ${relative(process.cwd(), join(root, 'spec'))}/)`,
    ...notes,
  ].join('\n'),
);
