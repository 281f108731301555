// @ts-check
// The sandbox beside a docs server (`npm start`, `npm run dev`), so that the docs' Try it
// and samples work: started on SANDBOX_PORT, else on its usual port or a free one when that
// is taken, with the examples' records and a line per request; and /sandbox.json, which says
// where it runs, for a page of the docs' own origin only; and the pages themselves name it
// where it runs.
import { foreignHost } from '../packages/sandbox/src/reach.js';

/**
 * Starts the sandbox; what it says of a usual port that was taken goes into `notes`.
 * @param {string[]} notes
 */
export async function startSandboxBesideDocs(notes) {
  // Loaded here: the sandbox reads the bundled descriptions as it loads, which `npm run dev` writes first.
  const { DEFAULTS, startSandbox } = await import('../packages/sandbox/src/index.js');
  const { optionsFromEnvironment } = await import('../packages/sandbox/src/options.js');
  const requested = process.env.SANDBOX_PORT;
  if (requested !== undefined && !/^\d+$/.test(requested))
    throw new Error(`SANDBOX_PORT must be a port number; got "${requested}".`);
  const port = requested === undefined ? DEFAULTS.port : Number(requested);
  const options = {
    ...optionsFromEnvironment(process.env),
    // The records the docs' examples name, so that every sample and Try it works as written.
    examples: true,
    log: (/** @type {string} */ line) => console.log(`sandbox: ${line}`),
  };
  try {
    return await startSandbox({ ...options, port });
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
    if (requested !== undefined) throw new Error(`Port ${port} is in use: set SANDBOX_PORT to another port.`);
    const elsewhere = await startSandbox({ ...options, port: 0 });
    notes.push(
      `Port ${port} is taken (another sandbox?), so this sandbox is at ${elsewhere.baseUrl}: point the client at that URL, not servers.sandbox; the docs' Try it finds it.`,
    );
    return elsewhere;
  }
}

/**
 * What a docs page is sent as, beside `sandbox`: the pages name the description's `Sandbox`
 * server (port 4010), and so do the client's `servers.sandbox` and `legacyServers.sandbox`
 * in their TypeScript samples. A sandbox elsewhere (SANDBOX_PORT, or 4010 taken) is named
 * where it runs instead: in the servers panel, the guides and every sandbox sample, so that
 * each still works as written and as copied.
 * @param {import('../packages/sandbox/src/index.js').RunningSandbox} sandbox
 * @returns {Promise<(html: string) => string>}
 */
export async function pagesNaming(sandbox) {
  const { DEFAULTS } = await import('../packages/sandbox/src/options.js');
  const described = `http://${DEFAULTS.host}:${DEFAULTS.port}`;
  const running = new URL(sandbox.baseUrl).origin;
  if (running === described) return (html) => html;
  // The legacy client's paths begin with /webapi/api: its server is the origin.
  const urls = { servers: sandbox.baseUrl, legacyServers: running };
  const origin = new RegExp(`${described.replaceAll('.', '\\.')}(?!\\d)`, 'g');
  const baseUrlLine = /baseUrl: (servers|legacyServers)\.sandbox,/g;
  /** A TypeScript sample's source (JSON-escaped, as the page holds it) with the sandbox's URL in place of the name. @param {string} source */
  const named = (source) => {
    const rest = source.replace(baseUrlLine, '');
    if (rest === source) return source;
    return (
      source
        // The import of a name the sample then no longer uses goes too (a linter would flag it),
        // from an import on one line or on several (a name a line, each line escaped as `\n`).
        .replace(
          /\b(servers|legacyServers), |, (servers|legacyServers)\b(?= \})|\\n +(servers|legacyServers),(?=\\n)/g,
          (whole, before, after, line) => (rest.includes(`${before ?? after ?? line}.`) ? whole : ''),
        )
        .replace(
          baseUrlLine,
          (_, /** @type {'servers' | 'legacyServers'} */ name) =>
            `baseUrl: '${urls[name]}', // where npm start runs the sandbox (${name}.sandbox names port ${DEFAULTS.port})`,
        )
    );
  };
  return (html) =>
    html
      .replace(origin, running)
      .replace(/"source":"((?:[^"\\]|\\.)*)"/g, (_, source) => `"source":"${named(source)}"`);
}

/**
 * Answers what only the docs' own pages may ask: a request under another host name is refused
 * (a page that rebinds its name to 127.0.0.1 reads nothing, /sandbox.json's credentials least of
 * all), and /sandbox.json says where the sandbox runs. True when it answered.
 * @param {import('node:http').Server} server the docs server
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {import('../packages/sandbox/src/index.js').RunningSandbox | undefined} sandbox
 */
export function answerOwnRequests(server, request, response, sandbox) {
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  if (foreignHost(`http://127.0.0.1:${address.port}`, request)) {
    response
      .writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
      .end(`The docs answer to 127.0.0.1:${address.port} (or localhost:${address.port}) only.\n`);
    return true;
  }
  if (request.url !== '/sandbox.json' || !sandbox || (request.method !== 'GET' && request.method !== 'HEAD'))
    return false;
  const { baseUrl, tokenUrl, legacyUrl, organizationId, clientId, clientSecret } = sandbox;
  const body = JSON.stringify({ baseUrl, tokenUrl, legacyUrl, organizationId, clientId, clientSecret });
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
  return true;
}
