// The command line: as its own process, what it prints at start and that it serves what it
// prints; in this process, its help, `trigger`, and bad flags.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { verifyWebhookSignature } from '@autocollect/client/webhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import { sandboxWithToken } from './support/api.js';
import { settle, useFakeClock } from './support/clock.js';
import { startReceiver } from './support/receiver.js';

const bin = fileURLToPath(new URL('../bin/autocollect-sandbox.js', import.meta.url));
const description = createRequire(import.meta.url)('@autocollect/openapi/openapi.json');
/** The organization of the description's examples. */
const exampleOrganizationId: string = description.components.parameters.OrganizationId.example;
/** The CLI as its own process: what it prints, and its exit code. */
const spawned = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );

/**
 * The CLI's main in this process, for the runs that end at once (help, misuse, trigger): the
 * exit code it returns and what it printed; a process of its own is slower, not truer.
 */
async function run(args: string[], env: Record<string, string> = {}) {
  const printed = { stdout: '', stderr: '' };
  const capture =
    (stream: 'stdout' | 'stderr') =>
    (...parts: unknown[]) => {
      printed[stream] += `${parts.join(' ')}\n`;
    };
  const log = vi.spyOn(console, 'log').mockImplementation(capture('stdout'));
  const error = vi.spyOn(console, 'error').mockImplementation(capture('stderr'));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const code = await main(args);
    return { code, ...printed };
  } finally {
    process.env = saved;
    log.mockRestore();
    error.mockRestore();
  }
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

/** Starts the CLI and resolves with what it printed once its banner is complete. */
function serve(args: string[], env: Record<string, string> = {}): Promise<Record<string, string>> {
  const child = spawn(process.execPath, [bin, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, ...env },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      if (!output.includes('Faults')) return;
      const fields = Object.fromEntries(
        [...output.matchAll(/^ {2}(\S+(?: \S+)*?) {2,}(.+)$/gm)].map((match) => [match[1], match[2]]),
      );
      resolve(fields as Record<string, string>);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

describe('autocollect-sandbox', () => {
  it('stops when the program that started it goes away', async () => {
    await serve([]);
    const child = children.at(-1)!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.disconnect();
    expect(await exited).toBe(0);
  });

  it('prints where it serves and the credentials, defaults marked, and serves them', async () => {
    const printed = await serve(['--client-id', 'erp', '--client-secret', 's3cret', '--faults', '503=1%,seed=9']);
    expect(printed).toMatchObject({
      'Client id': 'erp',
      'Client secret': 's3cret',
      'Webhook secret': 'sandbox-webhook-secret (default)',
      'Batch delay': '1000 ms (default)',
      Faults: '503 1%; seed 9',
    });
    expect(printed.API).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/collection\/v1$/);
    // The organization of the docs' examples, on every start.
    expect(printed.Organization).toBe(`${exampleOrganizationId} (default)`);
    const token = await fetch(printed['Token URL']!, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'erp', client_secret: 's3cret' }),
    });
    expect(token.status).toBe(200);
    const ping = await fetch(`${printed['Legacy API']}/Ping`, {
      headers: { authorization: `Bearer ${(await token.json()).access_token}` },
    });
    expect(await ping.text()).toBe('pong');
  });

  it('takes the organization and webhook URLs from the environment, and a flag over it', async () => {
    const env = {
      SANDBOX_ORGANIZATION_ID: '11111111-2222-4333-8444-555555555555',
      SANDBOX_WEBHOOK_URL: 'http://127.0.0.1:9/a, http://127.0.0.1:9/b',
    };
    expect(await serve([], env)).toMatchObject({
      Organization: env.SANDBOX_ORGANIZATION_ID,
      'Webhook URLs': 'http://127.0.0.1:9/a, http://127.0.0.1:9/b',
    });
    const flag = '66666666-7777-4888-8999-000000000000';
    expect((await serve(['--organization-id', flag], env)).Organization).toBe(flag);
    expect(await run([], { SANDBOX_ORGANIZATION_ID: 'org-1' })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('organizationId (--organization-id, SANDBOX_ORGANIZATION_ID) must be a UUID'),
    });
  });

  it('explains itself: --help, --version, trigger --help, and the exit codes', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    // Every flag on a line of its own, with what it does, and its default where it takes a value.
    for (const flag of [
      'port',
      'host',
      'client-id',
      'client-secret',
      'organization-id',
      'webhook-url',
      'webhook-secret',
      'batch-delay-ms',
      'token-ttl-seconds',
      'faults',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`^ +--${flag} [A-Z]+ +[A-Z].+\\. Default: .+\\.$`, 'm'));
    }
    for (const flag of ['-h, --help', '-v, --version', '--quiet'])
      expect(help.stdout).toMatch(new RegExp(`^ +${flag} +[A-Z]`, 'm'));
    expect(help.stdout).toContain(`Default: ${exampleOrganizationId}`);
    expect(help.stdout).toMatch(/^ +SANDBOX_WEBHOOK_URL +As --webhook-url/m);
    expect(help.stdout).toMatch(/Exit codes: 0 done, 1 failed .*, 2 misused/);

    // The README shows the help as it is.
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const [, shown] = /says what each flag does:\n\n```\n([\s\S]*?)```/.exec(readme) ?? [];
    expect(shown).toBe(help.stdout);

    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });

    const triggerHelp = await run(['trigger', '--help']);
    expect(triggerHelp.code).toBe(0);
    for (const [event, item] of Object.entries<{ post: { summary: string } }>(description.webhooks)) {
      expect(triggerHelp.stdout).toMatch(new RegExp(`^ +${event} +${item.post.summary}$`, 'm'));
    }
    expect(triggerHelp.stdout).toMatch(/^ +--to URL +/m);
  });

  it('exits 1 when it cannot serve: the port is taken', async () => {
    const port = new URL((await serve([])).API!).port;
    expect(await run(['--port', port])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`port ${port} is in use; pass another with --port`),
    });
  });

  it('refuses bad flags with what to pass instead', async () => {
    expect(await run(['--port', 'eighty'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--port must be a whole number; got "eighty".'),
    });
    expect(await run(['--client-id', 'only'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Pass the client id and the client secret together'),
    });
    expect(await run(['--faults', 'reset=2'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('"reset=2" needs a rate'),
    });
    // As a process too: the exit code is the process's.
    expect(await spawned(['--colour'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown option --colour.'),
    });
    expect(await run(['serve'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unexpected "serve"; it takes a command: trigger, or none to serve.'),
    });
    expect(await run(['trigger', 'CASE', '--bogus'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown option --bogus.'),
    });
    expect(await run(['trigger', 'CASE'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("pass --to URL: your webhook handler's address"),
    });
  });

  it('refuses a webhook URL with a user name or password, to serve or to trigger: nothing could be sent to it', async () => {
    const url = 'http://user:pw@127.0.0.1:4299/hook';
    expect(await run(['--port', '0', '--webhook-url', url])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'Each webhook URL (--webhook-url, SANDBOX_WEBHOOK_URL) must not carry a user name or password (user:password@)',
      ),
    });
    expect(await run(['--port', '0'], { SANDBOX_WEBHOOK_URL: url })).toMatchObject({ code: 2 });
    expect(await run(['trigger', 'CASE', '--to', url])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--to must not carry a user name or password (user:password@)'),
    });
  });

  it("trigger's events agree with what the sandbox's example records answer about the batch and case they name, an update with the change it names", async () => {
    const receiver = await startReceiver();
    const { sandbox, call } = await sandboxWithToken({ examples: true });
    try {
      for (const event of ['BATCH_COMPLETED', 'CASE', 'CASE_UPDATED']) {
        expect((await run(['trigger', event, '--to', receiver.url])).code).toBe(0);
      }
      const [batchEvent, caseEvent, updateEvent] = receiver.received.map((delivery) => JSON.parse(delivery.body).data);
      const batch = (await call('GET', `{org}/batches/${batchEvent.batchId}`)).body.data;
      expect(batchEvent.status).toBe(batch.status);
      const [held] = (await call('GET', `{org}/cases?CaseNumber=${caseEvent.caseNumber}`)).body.data;
      expect(held.caseId).toBe(caseEvent.caseId);
      expect({ status: caseEvent.status, type: caseEvent.type }).toEqual({ status: held.status, type: held.type });
      // An update says what changed, as its example does (a case paused); the rest is as held.
      expect(updateEvent).toMatchObject({ caseId: held.caseId, type: held.type, fields: ['status'], status: 'PAUSED' });
      expect(sandbox.violations()).toEqual([]);
    } finally {
      await sandbox.close();
      await receiver.close();
    }
  });

  it('trigger shows the start of an answer that never ends, and reads no more of it', async () => {
    // An endpoint that answers 200 and then sends without end, as long as it is read.
    const endless = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        const more = () => {
          while (!response.destroyed && response.write('x'.repeat(64 * 1024)));
        };
        response.on('drain', more);
        more();
      });
    });
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = endless.address() as AddressInfo;
      const to = `http://127.0.0.1:${port}/webhooks`;
      expect(await run(['trigger', 'CASE', '--to', to])).toEqual({
        code: 0,
        stdout: `POST ${to} CASE → 200\n${'x'.repeat(500)}\n`,
        stderr: '',
      });
    } finally {
      endless.closeAllConnections();
      await new Promise((resolve) => endless.close(resolve));
    }
  });

  it('trigger reports the status of an answer whose body is slow to end, and says when there is no answer at all', async () => {
    // One endpoint answers 200 at once, then sends its body a byte at a time and never ends it;
    // the other never answers.
    const slow = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('ok');
      });
    });
    const silent = createServer((request) => request.resume());
    for (const server of [slow, silent]) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    useFakeClock();
    try {
      const to = (server: typeof slow) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
      expect(await settle(run(['trigger', 'CASE', '--to', to(slow)]))).toEqual({
        code: 0,
        stdout: `POST ${to(slow)} CASE → 200\nok\n`,
        stderr: '',
      });
      expect(await settle(run(['trigger', 'CASE', '--to', to(silent)]))).toEqual({
        code: 1,
        stdout: '',
        stderr: `POST ${to(silent)} CASE failed: no answer within 10 s.\n`,
      });
    } finally {
      vi.useRealTimers();
      for (const server of [slow, silent]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    }
  });

  it('trigger says where a handler redirected it, and that it does not follow', async () => {
    const redirecting = createServer((request, response) => {
      request.resume();
      response.writeHead(301, { location: 'https://127.0.0.1/webhooks' }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const to = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/webhooks`;
      expect(await run(['trigger', 'CASE', '--to', to])).toEqual({
        code: 1,
        stdout: `POST ${to} CASE → 301\n`,
        stderr:
          "Your handler redirected to https://127.0.0.1/webhooks: trigger does not follow redirects, nor do the sandbox's deliveries; pass that URL as --to.\n",
      });
    } finally {
      redirecting.closeAllConnections();
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });

  it('trigger sends one signed example delivery, and says when the endpoint refuses it', async () => {
    const receiver = await startReceiver([200, 401]);
    try {
      const sent = await run(['trigger', 'SETTLEMENT_CREATED', '--to', receiver.url, '--secret', 'whsec-cli']);
      expect(sent).toMatchObject({
        code: 0,
        stdout: expect.stringContaining(`POST ${receiver.url} SETTLEMENT_CREATED → 200`),
      });
      const [delivery] = receiver.received;
      expect(delivery!.headers['x-amili-event']).toBe('SETTLEMENT_CREATED');
      expect(JSON.parse(delivery!.body)).toMatchObject({
        type: 'SETTLEMENT_CREATED',
        id: delivery!.headers.idempotencykey,
      });
      const signature = delivery!.headers['x-webhook-signature'] as string;
      expect(await verifyWebhookSignature({ payload: delivery!.body, signature, secret: 'whsec-cli' })).toBe(true);
      // Refused (401): said, with the secret to check; without --secret, the sandbox's own is used.
      expect(await run(['trigger', 'CASE', '--to', receiver.url])).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('is --secret (the default, "sandbox-webhook-secret") the secret it verifies'),
      });
      expect(await run(['trigger', 'INVOICE', '--to', receiver.url, '--secret', 'x'])).toMatchObject({
        code: 2,
        stderr: expect.stringContaining(
          '"INVOICE" is not an event the sandbox knows; the events are BATCH_COMPLETED, SETTLEMENT_CREATED, CASE, CASE_UPDATED.',
        ),
      });
      expect(await run(['trigger', '--to', receiver.url, '--secret', 'x'])).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('name an event: BATCH_COMPLETED'),
      });
    } finally {
      await receiver.close();
    }
  });
});
