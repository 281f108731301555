// The README's "Try it locally", run as written against the sandbox `npm start` starts:
// its webhook receiver, its integration script, and the next steps `npm start` prints.
// Only the ports differ (free ones instead of 3000 and 4010).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asModule } from './support/as-module.js';
import { type DocsServer, startDocsServer } from './support/docs-server.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const section = readme.slice(
  readme.indexOf('## Try it locally'),
  readme.indexOf('\n## ', readme.indexOf('## Try it locally') + 1),
);
const [start = ''] = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
const [receiverScript = '', integrationScript = ''] = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
const dir = new URL('../test-results/journey/', import.meta.url);

let server: DocsServer;
let receiver: { child: ChildProcess; output: () => string };
let receiverPort: number;

/** A port nobody listens on now. */
async function freePort() {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Writes a script beside the tests (so it finds @autocollect/client as an installed package would). */
function script(name: string, source: string) {
  const file = new URL(name, dir);
  writeFileSync(file, source);
  return file.pathname;
}

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  receiverPort = await freePort();
  // Step 2 first, so that it listens before the sandbox delivers.
  const child = spawn(
    process.execPath,
    [script('webhooks.mjs', receiverScript.replaceAll('3000', String(receiverPort)))],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let printed = '';
  const listening = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`webhooks.mjs exited with ${code}: ${printed}`)));
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on('data', (chunk) => {
        printed += chunk;
        if (printed.includes('listening on')) resolve();
      });
    }
  });
  receiver = { child, output: () => printed };
  await listening;
  // Step 1: the environment the README sets before `npm start` (which builds, then runs this server).
  const [, variable = '', value = ''] = /^(\w+)=(\S+) npm start$/.exec(start) ?? [];
  server = await startDocsServer({ [variable]: value.replace('3000', String(receiverPort)) });
});

afterAll(() => {
  receiver?.child.kill();
  server?.stop();
});

describe("the README's Try it locally", () => {
  it('starts the sandbox with the webhook URL the README sets', () => {
    expect(start).toMatch(/^SANDBOX_WEBHOOK_URL=http:\/\/127\.0\.0\.1:3000\/webhooks npm start$/);
    expect(server.output).toContain(`webhook URLs http://127.0.0.1:${receiverPort}/webhooks`);
  });

  it('runs the integration script: the client finds the token, the batch succeeds, the webhooks arrive verified', async () => {
    // `servers.sandbox` is where `npm start` serves the sandbox; here, at the port it got.
    const source = integrationScript.replace(
      'baseUrl: servers.sandbox,',
      `baseUrl: ${JSON.stringify(server.sandboxUrl)},`,
    );
    expect(source).not.toBe(integrationScript);
    // As the README runs it: AUTOCOLLECT_LOG=info node integration.mjs
    expect(section).toContain('`AUTOCOLLECT_LOG=info node integration.mjs`');
    const integration = script('integration.mjs', source);
    const run = () =>
      promisify(execFile)(process.execPath, [integration], {
        encoding: 'utf8',
        env: { ...process.env, AUTOCOLLECT_LOG: 'info' },
      });
    const { stdout } = await run();
    const origin = new URL(server.sandboxUrl).origin;
    expect(stdout).toContain(`[autocollect] Fetched an access token from ${origin}/token (none yet)`);
    expect(stdout).toContain('batch SUCCESS invoice 2025-10482 case 100001');
    expect(section).toContain('`batch SUCCESS invoice 2025-10482 case 100001`');

    for (const line of ['webhook CASE OPEN', 'webhook BATCH_COMPLETED SUCCESS']) {
      expect(section).toContain(`\`${line}\``);
      await expect.poll(receiver.output).toContain(line);
    }
    expect(receiver.output()).not.toContain('refused');
    // Again: the batch fails, saying why; after the README's reset, it succeeds as the first time.
    const again = await run();
    expect(again.stdout).toContain('batch FAILED');
    expect(again.stdout).toMatch(/failed: .*ORDER-100235/);
    const [, reset = ''] =
      /`(curl -X POST -H 'Content-Type: application\/json'\s+http:\/\/127\.0\.0\.1:4010\/_sandbox\/reset)`/.exec(
        section,
      ) ?? [];
    await promisify(execFile)('sh', [
      '-c',
      `set -e\n${reset.replace(/\s+/g, ' ').replace('http://127.0.0.1:4010', origin)} --fail -s`,
    ]);
    expect((await run()).stdout).toContain('batch SUCCESS invoice 2025-10482 case 100001');
    // npm start printed each request the sandbox answered.
    expect(server.output).toMatch(/^sandbox: POST \/token 200 [\d.]+ ms$/m);
    expect(server.output).toMatch(/^sandbox: POST \/collection\/v1\/orgs\/[0-9a-f-]{36}\/invoices 202 [\d.]+ ms$/m);
  });

  it("runs the next steps npm start prints: the curl commands and the client's lines", async () => {
    // The banner ends with the next steps; the request lines follow.
    const next = server.output.slice(server.output.indexOf('Next:')).split('\nsandbox: ')[0]!;
    const lines = next.split('\n').map((line) => line.trim());
    const curl = lines.filter((line) => /^(TOKEN=|curl )/.test(line));
    expect(curl).toHaveLength(2);
    const { stdout } = await promisify(execFile)('sh', ['-c', curl.join('\n')], { encoding: 'utf8' });
    // The examples' invoice (and those of the cases held ready for case actions), and the one
    // the integration script sent.
    const listed = JSON.parse(stdout).data.map((invoice: { invoiceNumber: string }) => invoice.invoiceNumber);
    expect(listed).toEqual([
      '2025-10481',
      ...[
        'PauseCase',
        'ResumeCase',
        'ResumeInvoice',
        'WithdrawCase',
        'AcceptDebtCollectionList',
        'RejectDebtCollectionList',
        'AcceptEvictionRequest',
        'RejectEvictionRequest',
        'AcceptEvictionConfirmation',
        'RejectEvictionConfirmation',
      ].map((action) => `2025-10481-${action}`),
      '2025-10482',
    ]);

    const code = lines.filter((line) => /^(import |const |console\.log)/.test(line));
    expect(code).toHaveLength(3);
    const outputText = asModule(code.join('\n'));
    const printed = await promisify(execFile)(process.execPath, [script('next-steps.mjs', outputText)], {
      encoding: 'utf8',
    });
    expect(printed.stdout).toContain("invoiceNumber: '2025-10482'");
  });
});
