// @autocollect/sandbox as its users get it: installed from its tarball beside the packed
// client, its bin serves what it prints, and startSandbox answers the client.
import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';

const consumerDir = inject('consumerDir');

/** Runs a command in the consumer project without blocking this process; resolves with its exit code and output. */
function inConsumer(command: string, args: string[], stopWhen?: (output: string) => boolean) {
  const child = spawn(command, args, { cwd: consumerDir, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk;
      if (stopWhen?.(output)) child.kill();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe('the packed @autocollect/sandbox package', () => {
  it('installs a bin that prints where it serves, defaults marked', async () => {
    const { output } = await inConsumer(
      `${consumerDir}node_modules/.bin/autocollect-sandbox`,
      ['--port', '0', '--quiet'],
      (printed) => printed.includes('Faults'),
    );
    expect(output).toMatch(/API +http:\/\/127\.0\.0\.1:\d+\/collection\/v1/);
    expect(output).toContain('Client secret   sandbox-secret (default)');
  });

  it('serves the packed client through startSandbox, its descriptions coming from the packed @autocollect/openapi', async () => {
    const script = `
      import { createAutoCollectClient, unwrap } from '@autocollect/client';
      import { startSandbox } from '@autocollect/sandbox';
      const sandbox = await startSandbox({ port: 0, batchDelayMs: 0 });
      const client = createAutoCollectClient({
        baseUrl: sandbox.baseUrl,
        auth: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, tokenUrl: sandbox.tokenUrl },
      });
      const organizationId = sandbox.organizationId;
      const invoice = {
        invoiceNumber: '1',
        originalInvoiceAmount: 10,
        currency: 'NOK',
        invoiceDate: '2025-03-01',
        dueDate: '2025-03-15',
        debtors: [{ firstname: 'Kari', lastname: 'Nordmann' }],
      };
      const { data } = unwrap(
        await client.POST('/orgs/{organizationId}/invoices', { params: { path: { organizationId } }, body: { invoices: [invoice] } }),
      );
      const batch = await client.waitForBatch({ organizationId, batchId: data.batchId });
      console.log(JSON.stringify({ status: batch.status, violations: sandbox.violations() }));
      await sandbox.close();
    `;
    const { code, output } = await inConsumer(process.execPath, ['--input-type=module', '-e', script]);
    expect(code, output).toBe(0);
    expect(JSON.parse(output)).toEqual({ status: 'SUCCESS', violations: [] });
  });
});
