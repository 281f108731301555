// @ts-check
// Serves the built docs (packages/docs/dist) on 127.0.0.1 and prints the URL, and starts
// the sandbox (@autocollect/sandbox) beside them, so that the docs' examples can be tried;
// it prints a line per request the sandbox answers, and what to do next.
//   PORT=8080 node scripts/serve-docs.js      a fixed port (fails if it is taken)
//   node scripts/serve-docs.js                port 4000, or a free one if 4000 is taken
//   SANDBOX_PORT=4011 node scripts/serve-docs.js   the sandbox's port: 4010, or a free one if taken
//   SANDBOX_ORGANIZATION_ID, SANDBOX_WEBHOOK_URL    as the sandbox CLI's flags
// /sandbox.json says where the sandbox runs, so that the docs' Try it sends to it; the pages
// name it where it runs, in their samples too.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nextSteps } from '../packages/sandbox/src/next-steps.js';
import { optionsFromEnvironment } from '../packages/sandbox/src/options.js';
import { docsFiles, notFound } from './docs-files.js';
import { answerOwnRequests, pagesNaming, startSandboxBesideDocs } from './docs-sandbox.js';
import { listen } from './listen.js';

const HOST = '127.0.0.1';
const root = resolve(fileURLToPath(import.meta.url), '../../packages/docs/dist');

if (!existsSync(join(root, 'index.html'))) {
  console.error(`No docs at ${root}: run \`npm run build\` first (\`npm start\` does both).`);
  process.exit(1);
}

/** Each page as sent: naming the sandbox where it runs, once it runs. */
let onPage = (/** @type {string} */ html) => html;
const serveFile = docsFiles(root, (html) => onPage(html));

const server = createServer((request, response) => {
  if (answerOwnRequests(server, request, response, sandbox)) return;
  if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(response);
  serveFile(request, response);
});

/** @type {import("../packages/sandbox/src/index.js").RunningSandbox | undefined} */
let sandbox;
// Handled before the banner says to press Ctrl+C: one pressed at once still stops both cleanly.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.log(`Stopped the docs and the sandbox (${signal}).`);
    void sandbox?.close();
    server.close(() => process.exit(0));
    // A connection left open (an idle socket, a request half sent) must not keep it running.
    server.closeAllConnections();
  });
}

/** What the banner says of a usual port that was taken. @type {string[]} */
const taken = [];
try {
  const port = await listen(server, HOST, process.env.PORT);
  const docsUrl = `http://${HOST}:${port}/`;
  if (process.env.PORT === undefined && port !== 4000) taken.push(`Port 4000 is taken, so the docs are at ${docsUrl}.`);
  sandbox = await startSandboxBesideDocs(taken);
  onPage = await pagesNaming(sandbox);
  const webhooks = optionsFromEnvironment(process.env).webhookUrls;
  // One write, ending with what to do next; then a line per request the sandbox answers.
  console.log(
    [
      `AutoCollect API docs: ${docsUrl}`,
      `AutoCollect sandbox:  ${sandbox.baseUrl}`,
      `  token URL ${sandbox.tokenUrl}, client id ${sandbox.clientId}, client secret ${sandbox.clientSecret}`,
      `  organization ${sandbox.organizationId}; its own endpoints at ${sandbox.controlUrl}`,
      "  it holds the records the docs' examples name (an invoice, its case, batch and settlement, and a case ready for each case action)",
      `  webhook URLs ${webhooks?.join(', ') ?? 'none (set SANDBOX_WEBHOOK_URL)'}; signed with ${sandbox.webhookSecret}`,
      ...taken,
      'Press Ctrl+C to stop. Each request the sandbox answers is printed after this banner.',
      nextSteps(sandbox, { docsUrl }),
    ].join('\n'),
  );
} catch (error) {
  console.error(/** @type {Error} */ (error).message);
  process.exit(1);
}
