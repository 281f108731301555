// Cross-origin access: pages on this machine (the docs' Try it) may call the API and its
// token endpoint; pages from elsewhere, and anyone for the control API, get no CORS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, sandboxWithToken } from './support/api.js';

let sandbox: RunningSandbox;
let call: Awaited<ReturnType<typeof sandboxWithToken>>['call'];
beforeAll(async () => {
  ({ sandbox, call } = await sandboxWithToken());
});
afterAll(() => sandbox?.close());

const DOCS = 'http://127.0.0.1:4000';

/** A browser's preflight for a request with an Authorization header. */
const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,idempotencykey',
    },
  });

describe('CORS', () => {
  it('lets a page on this machine send any API request, and read the answer and its request id', async () => {
    for (const origin of [DOCS, 'http://localhost:5173', 'http://[::1]:8080']) {
      const answer = await preflight(`${sandbox.baseUrl}/orgs/${sandbox.organizationId}/invoices`, origin);
      expect(answer.status, origin).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
      expect(answer.headers.get('access-control-allow-headers')).toBe('authorization,content-type,idempotencykey');
    }
    const list = await call('GET', '{org}/invoices', undefined, { origin: DOCS });
    expect(list.status).toBe(200);
    expect(list.headers.get('access-control-allow-origin')).toBe(DOCS);
    expect(list.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(list.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await preflight(sandbox.tokenUrl, DOCS)).status).toBe(204);
  });

  it('gives a page from anywhere else no CORS, so its browser keeps the answers from it', async () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1.evil.example', 'null']) {
      const answer = await preflight(`${sandbox.baseUrl}/orgs/${sandbox.organizationId}/invoices`, origin);
      expect(answer.status, origin).toBe(403);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      const list = await call('GET', '{org}/invoices', undefined, { origin });
      expect(list.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('keeps the control API out of reach of every web page, loopback ones too', async () => {
    const control = `${sandbox.controlUrl}/webhooks`;
    const answer = await preflight(control, DOCS);
    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect((await answer.json()).detail).toContain('control API takes no cross-origin requests');
    const read = await fetch(`${sandbox.controlUrl}/deliveries`, { headers: { origin: DOCS } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});
