// Clients that misbehave: a connection cut mid-body, a body larger than the sandbox
// reads, a path that tries to leave its prefix. The sandbox answers or drops them, and
// keeps serving.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, sandboxWithToken } from './support/api.js';

let sandbox: RunningSandbox;
let call: Awaited<ReturnType<typeof sandboxWithToken>>['call'];
beforeAll(async () => {
  ({ sandbox, call } = await sandboxWithToken());
});
afterAll(() => sandbox.close());

describe('a hostile or broken client', () => {
  it('cutting the connection mid-body leaves the sandbox serving and creates nothing', async () => {
    const { port, pathname } = new URL(sandbox.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST ${pathname}/orgs/${sandbox.organizationId}/invoices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"invoices": [`,
    );
    await new Promise((resolve) => setImmediate(resolve));
    socket.destroy();
    await new Promise((resolve) => socket.once('close', resolve));
    expect((await call('GET', '{org}/batches')).body.data).toEqual([]);
    expect((await call('GET', '{org}/invoices')).status).toBe(200);
  });

  it('a body larger than 16 MB gets 400, read to its end so that the answer arrives', async () => {
    const huge = JSON.stringify({ invoices: [{ description: 'x'.repeat(17 * 1024 * 1024) }] });
    const answer = await call('POST', '{org}/invoices', huge);
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toContain('larger than');
  });

  it('paths outside the API, or encoded to escape it, get 404 naming where the API is', async () => {
    for (const path of [
      '/collection/v1/../../etc/passwd',
      '/collection/v2/orgs',
      '/collection/v1/orgs/%2e%2e/invoices',
    ]) {
      const answer = await fetch(`${new URL(sandbox.baseUrl).origin}${path}`);
      expect([400, 401, 404]).toContain(answer.status);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const unknown = await fetch(`${new URL(sandbox.baseUrl).origin}/collection/v2/orgs`);
    expect((await unknown.json()).detail).toContain(`The API is under ${sandbox.baseUrl}`);
  });

  it('a malformed percent-encoding in a path id is a 400, not a crash', async () => {
    const answer = await call('GET', '{org}/invoices/%E0%A4%A');
    expect(answer.status).toBe(400);
    const control = await fetch(`${sandbox.controlUrl}/invoices/%E0%A4%A/collect`, {
      method: 'POST',
      body: '{"amount": 1}',
    });
    expect(control.status).toBe(404);
    expect((await call('GET', '{org}/invoices')).status).toBe(200);
  });
});
