// Cross-origin access: pages on this machine (the docs' Try it) may call the API and its
// token endpoint; pages from elsewhere, and anyone for the control API, get no CORS. And
// what no page may do at all: drive the control API (with a form POST that needs no
// preflight, or under a name of its own that it rebinds to this machine), or have a token
// issued from another site.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignHost } from '../src/reach.js';
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

  it('refuses a form POST from a page to the control API, and any control write without the JSON content type', async () => {
    const register = (headers: Record<string, string>) =>
      fetch(`${sandbox.controlUrl}/webhooks`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ url: 'http://127.0.0.1:9/attacker' }),
      });
    // What a page's <form> or fetch(..., { mode: 'no-cors' }) sends: no preflight asked.
    const fromPage = await register({ origin: 'https://evil.example', 'content-type': 'text/plain' });
    expect(fromPage.status).toBe(403);
    expect((await fromPage.json()).detail).toMatch(/takes no request from a web page/);
    const plain = await register({ 'content-type': 'text/plain' });
    expect(plain.status).toBe(403);
    expect((await plain.json()).detail).toMatch(/writes only with Content-Type: application\/json/);
    const reset = await fetch(`${sandbox.controlUrl}/reset`, { method: 'POST' });
    expect(reset.status).toBe(403);
    expect((await (await fetch(sandbox.controlUrl)).json()).webhookUrls).toEqual([]);
    // From a test or a terminal, as JSON: done.
    expect((await register({ 'content-type': 'application/json' })).status).toBe(200);
    expect((await (await fetch(sandbox.controlUrl)).json()).webhookUrls).toEqual(['http://127.0.0.1:9/attacker']);
  });

  it('answers only to its own address, so a page that rebinds its name to this machine reads nothing', async () => {
    const { port } = new URL(sandbox.baseUrl);
    /** A GET with the Host header a browser sends for a rebound name (fetch will not set it). */
    const get = (path: string, host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const sent = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (answer) => {
          let body = '';
          answer.on('data', (chunk) => {
            body += chunk;
          });
          answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }));
        });
        sent.on('error', reject);
        sent.end();
      });
    for (const path of ['/_sandbox/deliveries', `/collection/v1/orgs/${sandbox.organizationId}/invoices`, '/token']) {
      const rebound = await get(path, `rebind.evil.example:${port}`);
      expect(rebound.status, path).toBe(403);
      expect(JSON.parse(rebound.body).detail).toMatch(/answers to 127\.0\.0\.1:\d+ .* not to rebind\.evil\.example/);
    }
    expect((await get('/_sandbox/deliveries', `localhost:${port}`)).status).toBe(200);
    expect((await get('/_sandbox/deliveries', `127.0.0.1:${Number(port) + 1}`)).status).toBe(403);
    // Opened to other names on purpose (--host 0.0.0.0, or a LAN address), it answers to them.
    const named = (...hosts: string[]) => ({ rawHeaders: hosts.flatMap((host) => ['Host', host]), url: '/_sandbox' });
    expect(foreignHost('http://0.0.0.0:4010', named('sandbox.internal:4010'))).toBeUndefined();
    expect(foreignHost('http://192.168.1.20:4010', named('anything'))).toBeUndefined();
    // On loopback, exactly its name and port, once, and the same in an absolute target.
    expect(foreignHost('http://127.0.0.1:4010', named('[::1]:4010'))).toBeUndefined();
    for (const host of [
      'evil.com@127.0.0.1:4010',
      '127.0.0.1:4010/evil',
      '127.0.0.1:4010#evil.com',
      ' 127.0.0.1:4010',
      '2130706433:4010',
      '127.0.0.1.:4010',
      'localhost.:4010',
      '127.0.0.256:4010',
    ])
      expect(foreignHost('http://127.0.0.1:4010', named(host)), host).toMatch(/answers to 127\.0\.0\.1:4010/);
    expect(foreignHost('http://127.0.0.1:4010', named('127.0.0.1:4010', '127.0.0.1:4010'))).toBeDefined();
    expect(
      foreignHost('http://127.0.0.1:4010', { rawHeaders: ['Host', '127.0.0.1:4010'], url: 'http://evil.com/_sandbox' }),
    ).toBeDefined();
  });

  it('issues no token to a page of another site', async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sandbox.clientId,
      client_secret: sandbox.clientSecret,
    });
    const fromElsewhere = await fetch(sandbox.tokenUrl, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: form,
    });
    expect(fromElsewhere.status).toBe(400);
    expect(await fromElsewhere.json()).toEqual({
      error: 'invalid_request',
      error_description: expect.stringMatching(/pages on this machine only .* not from https:\/\/evil\.example/),
    });
    const fromDocs = await fetch(sandbox.tokenUrl, { method: 'POST', headers: { origin: DOCS }, body: form });
    expect(fromDocs.status).toBe(200);
  });
});
