// Clients that misbehave: a connection cut mid-body, a body larger than the sandbox
// reads (bodies.test.ts has the rest), a path that tries to leave its prefix, a request
// target that is not a URL, a body nested thousands deep, amounts no ledger keeps, a create
// too large, a repeated token parameter, a page token of another list, a webhook URL at the
// sandbox itself, headers too large, stalled and crowding connections, racing creates,
// forged or altered tokens, bodies of hundreds of unknown properties, a path that
// starts with //, a query that would forge a log line, a page size that is not an integer,
// a webhook URL with a password, a body that is not UTF-8. Each is answered as the client's mistake (a 4xx naming it,
// in a few words, nothing stored), and the sandbox keeps serving.
import { connect, createServer } from 'node:net';
import { startSandbox } from '@autocollect/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reachesSandbox } from '../src/own-address.js';
import { newInvoice, type RunningSandbox, sandboxWithToken, tokenFor } from './support/api.js';

let sandbox: RunningSandbox;
let call: Awaited<ReturnType<typeof sandboxWithToken>>['call'];
let token: string;
beforeAll(async () => {
  ({ sandbox, call } = await sandboxWithToken());
  token = await tokenFor(sandbox);
});
afterAll(() => sandbox.close());

describe('a hostile or broken client', () => {
  it('cutting the connection mid-body leaves the sandbox serving and creates nothing', async () => {
    const { port, pathname } = new URL(sandbox.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST ${pathname}/orgs/${sandbox.organizationId}/invoices HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"invoices": [`,
    );
    await new Promise((resolve) => setImmediate(resolve));
    socket.destroy();
    await new Promise((resolve) => socket.once('close', resolve));
    expect((await call('GET', '{org}/batches')).body.data).toEqual([]);
    expect((await call('GET', '{org}/invoices')).status).toBe(200);
  });

  it('a body larger than 4 MiB gets 413, the rest read and dropped so that the answer arrives', async () => {
    const huge = JSON.stringify({ invoices: [{ description: 'x'.repeat(5 * 1024 * 1024) }] });
    const answer = await call('POST', '{org}/invoices', huge);
    expect(answer.status).toBe(413);
    expect(answer.body.detail).toContain('larger than 4 MiB');
    expect((await call('GET', '{org}/invoices')).status).toBe(200);
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
      headers: { 'content-type': 'application/json' },
      body: '{"amount": 1}',
    });
    expect(control.status).toBe(404);
    expect((await call('GET', '{org}/invoices')).status).toBe(200);
  });

  it('a request target that is not a URL gets 400', async () => {
    const { port } = new URL(sandbox.baseUrl);
    for (const target of ['http://a:99999/collection/v1', 'http://[::1/']) {
      const socket = connect(Number(port), '127.0.0.1');
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      let answer = '';
      for await (const chunk of socket) answer += chunk;
      expect(answer, target).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('is not a URL the sandbox can read');
    }
    expect((await call('GET', '{org}/invoices')).status).toBe(200);
  });

  it('a body nested thousands of levels deep gets 400 and is not stored, however lenient the sandbox', async () => {
    const lenient = await sandboxWithToken({ lenient: true });
    try {
      const deep = `${'{"a":'.repeat(4100)}1${'}'.repeat(4100)}`;
      const body = `{"invoices":[${JSON.stringify(newInvoice()).replace(/}$/, `,"note":${deep}}`)}]}`;
      const answer = await lenient.call('POST', '{org}/invoices', body);
      expect(answer.status).toBe(400);
      expect(answer.body.detail).toMatch(/nests deeper than 32 levels/);
      expect((await lenient.call('GET', '{org}/invoices')).body.data).toEqual([]);
    } finally {
      await lenient.sandbox.close();
    }
  });

  it('amounts that are not whole øre, or too large to keep exactly, get 422 naming them', async () => {
    const amounts = [1e307, 0.004, 10.005, -1e13];
    const answer = await call('POST', '{org}/invoices', {
      invoices: amounts.map((originalInvoiceAmount) => newInvoice({ originalInvoiceAmount })),
    });
    expect(answer.status).toBe(422);
    expect(Object.keys(answer.body.errors)).toEqual(amounts.map((_, i) => `invoices[${i}].originalInvoiceAmount`));
    const infinite = await call(
      'POST',
      '{org}/payments',
      `{"payments":[{"invoiceId":"${crypto.randomUUID()}","amount":1e999,"currency":"NOK"}]}`,
    );
    expect(infinite.status).toBe(422);
    expect(Object.keys(infinite.body.errors)).toEqual(['payments[0].amount']);
    expect((await call('GET', '{org}/batches')).body.data).toEqual([]);
  });

  it('a create of more than 1 000 items gets 422 saying to split it', async () => {
    const answer = await call('POST', '{org}/invoices', { invoices: Array.from({ length: 1001 }, () => newInvoice()) });
    expect(answer.status).toBe(422);
    expect(answer.body.errors.invoices).toEqual([
      expect.stringMatching(/holds 1001 items; .* at most 1000 .* several requests/),
    ]);
    expect((await call('GET', '{org}/batches')).body.data).toEqual([]);
  });

  it('a token request that repeats a parameter gets 400 invalid_request, as RFC 6749 says', async () => {
    const form = `grant_type=client_credentials&client_id=${sandbox.clientId}&client_secret=wrong&client_secret=${sandbox.clientSecret}`;
    const answer = await fetch(sandbox.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({
      error: 'invalid_request',
      error_description: 'client_secret was sent more than once.',
    });
  });

  it("a page token is refused by any list but its own, another operation's or the same one with other filters", async () => {
    await call('POST', '{org}/invoices', { invoices: [newInvoice(), newInvoice()] });
    const first = await call('GET', '{org}/invoices?PageSize=1');
    const token = first.body.summary.nextPageToken;
    expect(token).toEqual(expect.any(String));
    expect((await call('GET', `{org}/invoices?PageSize=1&PageToken=${token}`)).status).toBe(200);
    for (const other of [`{org}/cases?PageToken=${token}`, `{org}/invoices?Status=OPEN&PageToken=${token}`]) {
      const answer = await call('GET', other);
      expect(answer.status, other).toBe(400);
      expect(answer.body.errors.PageToken).toEqual([expect.stringMatching(/^is a page token of another list/)]);
    }
  });

  it('a webhook URL at the sandbox itself is refused, when registered and at start', async () => {
    const { origin } = new URL(sandbox.baseUrl);
    for (const url of [`${origin}/_sandbox/reset`, `http://localhost:${new URL(origin).port}/collection/v1`]) {
      const answer = await fetch(`${sandbox.controlUrl}/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url }),
      });
      expect(answer.status, url).toBe(422);
      expect((await answer.json()).detail).toMatch(/is the sandbox itself/);
    }
    // A port of its own, then asked to deliver to it.
    const probe = createServer();
    const port = await new Promise<number>((resolve) =>
      probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)),
    );
    await new Promise((resolve) => probe.close(resolve));
    await expect(startSandbox({ port, webhookUrls: [`http://127.0.0.1:${port}/_sandbox/reset`] })).rejects.toThrow(
      /is the sandbox itself/,
    );
  });

  it('headers larger than it reads get 431, which reaches a client still sending, and it keeps serving', async () => {
    const { port } = new URL(sandbox.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    // More follows the headers, still unread when the answer goes: the connection must close
    // gently, not be reset under the answer.
    socket.write(`POST /_sandbox HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Big: ${'x'.repeat(64 * 1024)}\r\n\r\n`);
    socket.write('y'.repeat(256 * 1024));
    let answer = '';
    for await (const chunk of socket) answer += chunk;
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/headers are larger than \d+ bytes/);
    expect((await call('GET', '{org}/invoices')).status).toBe(200);
  });

  it('clients that send part of their headers and stall, or hold 500 connections at once, do not keep others out', async () => {
    const { port } = new URL(sandbox.baseUrl);
    const open = (count: number) =>
      Promise.all(
        Array.from({ length: count }, () => {
          const socket = connect(Number(port), '127.0.0.1');
          return new Promise<ReturnType<typeof connect>>((resolve) => socket.once('connect', () => resolve(socket)));
        }),
      );
    // Slow clients: a request line, then nothing more.
    const slow = await open(50);
    for (const socket of slow) socket.write('GET /_sandbox HTTP/1.1\r\nHo');
    // 500 connections, each with a whole request: every one is answered.
    const many = await open(500);
    const answers = await Promise.all(
      many.map(async (socket) => {
        socket.end(`GET /_sandbox HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
        let answer = '';
        for await (const chunk of socket) answer += chunk;
        return answer.slice(0, 15);
      }),
    );
    expect(new Set(answers)).toEqual(new Set(['HTTP/1.1 200 OK']));
    // And the API still answers while the slow ones hang on.
    expect((await call('GET', '{org}/invoices')).status).toBe(200);
    for (const socket of slow) socket.destroy();
  });

  it('50 creates at once with one IdempotencyKey make one batch, and every one is answered with it', async () => {
    const key = crypto.randomUUID();
    const body = { invoices: [newInvoice()] };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => call('POST', '{org}/invoices', body, { idempotencykey: key })),
    );
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([202]));
    expect(new Set(answers.map((answer) => answer.body.data.batchId)).size).toBe(1);
    expect((await call('GET', `{org}/batches?IdempotencyKey=${key}`)).body.data).toHaveLength(1);
  });

  it('forged tokens get 401: unsigned (alg none), signed with another key, or with claims changed', async () => {
    const [, payload, signature] = (await tokenFor(sandbox)).split('.');
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    const forged = [
      `${encode({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      `${encode({ alg: 'none', typ: 'JWT' })}.${payload}`,
      `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...claims, exp: claims.exp + 86_400 })}.${signature}`,
      `${encode({ alg: 'HS256', typ: 'JWT' })}.${payload}.${Buffer.from('another key').toString('base64url')}`,
      'not.a.token',
    ];
    for (const token of forged) {
      const answer = await call('GET', '{org}/invoices', undefined, { authorization: `Bearer ${token}` });
      expect(answer.status, token).toBe(401);
    }
    expect((await call('GET', '{org}/invoices')).status).toBe(200);
  });

  it('a token or Basic credentials with anything added get 401: only the whole credential, as issued, is taken', async () => {
    const issued = await tokenFor(sandbox);
    for (const authorization of [`Bearer ${issued}.forged`, `Bearer ${issued} anything`, `Bearer x ${issued}`]) {
      const answer = await call('GET', '{org}/invoices', undefined, { authorization });
      expect(answer.status, authorization).toBe(401);
      expect(answer.body.detail).toMatch(/^The access token is not one this sandbox issued; send the access_token/);
    }
    // The one legacy call the description gives Basic.
    const batch = (authorization: string) =>
      fetch(`${new URL(sandbox.baseUrl).origin}/webapi/api/Batch?senderid=1`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ batchid: '1', case: [] }),
      });
    const basic = Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64');
    // Base64 decoding would skip what follows padding or a space, and read the credentials alone.
    for (const authorization of [`Basic ${basic}==forged`, `Basic ${basic} anything`]) {
      expect((await batch(authorization)).status, authorization).toBe(401);
    }
    expect((await batch(`Basic ${basic}`)).status).toBe(200);
    expect((await call('GET', '{org}/invoices', undefined, { authorization: `Bearer ${issued}` })).status).toBe(200);
  });

  it('Basic credentials are taken where the description gives Basic (the legacy POST Batch) and nowhere else, saying so', async () => {
    const basic = `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64')}`;
    const legacy = `${new URL(sandbox.baseUrl).origin}/webapi/api`;
    for (const url of [
      `${legacy}/Ping`,
      `${legacy}/Batch?includeclosed=true`,
      `${legacy}/Attachment?attachmentid=5521`,
    ]) {
      const answer = await fetch(url, { headers: { authorization: basic } });
      expect(answer.status, url).toBe(401);
      expect((await answer.json()).detail, url).toMatch(/takes a bearer token, not Basic credentials/);
    }
    const api = await call('GET', '{org}/invoices', undefined, { authorization: basic });
    expect(api.status).toBe(401);
    expect(api.body.detail).toMatch(/takes a bearer token, not Basic credentials/);
  });

  it('a body of 900 unknown properties is answered small, naming the first few and counting the rest', async () => {
    const lines: string[] = [];
    const logged = await sandboxWithToken({ log: (line) => lines.push(line) });
    try {
      // More, in one object, are refused before they are parsed (bodies.test.ts).
      const unknown = Array.from({ length: 900 }, (_, index) => `"k${index}":1`).join(',');
      const body = `{"invoices":[${JSON.stringify(newInvoice()).replace(/}$/, `,${unknown}}`)}]}`;
      const answer = await logged.call('POST', '{org}/invoices', body);
      expect(answer.status).toBe(422);
      expect(JSON.stringify(answer.body).length).toBeLessThan(2_000);
      const first = Array.from({ length: 10 }, (_, index) => `invoices[0].k${index}`);
      expect(Object.keys(answer.body.errors)).toEqual(first);
      expect(answer.body.detail).toBe(
        `The request body is not valid: ${first
          .slice(0, 3)
          .map((field) => `${field} is not a known property`)
          .join('; ')}; and 897 more; errors names the first 10.`,
      );
      expect(lines.at(-1)!.length).toBeLessThan(1_000);
      expect((await logged.call('GET', '{org}/batches')).body.data).toEqual([]);

      // A name megabytes long is shown cut short.
      const payment = { invoiceId: crypto.randomUUID(), type: 'DIRECT_PAYMENT', amount: 1, currency: 'NOK' };
      const long = await logged.call('POST', '{org}/payments', {
        payments: [payment],
        [`x${'y'.repeat(1_000_000)}`]: 1,
      });
      expect(long.status).toBe(422);
      expect(JSON.stringify(long.body).length).toBeLessThan(1_000);
      expect(Object.keys(long.body.errors)).toEqual([expect.stringMatching(/^xy{198}…$/)]);
    } finally {
      await logged.sandbox.close();
    }
  });

  it('a token request of a thousand fields is turned away by its credentials first, and else answered small', async () => {
    const fields = Array.from({ length: 1_000 }, (_, index) => `k${index}=1`).join('&');
    const ask = (credentials: string) =>
      fetch(sandbox.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `grant_type=client_credentials&${credentials}&${fields}`,
      });
    const stranger = await ask('client_id=a&client_secret=b');
    expect(stranger.status).toBe(401);
    expect((await stranger.json()).error).toBe('invalid_client');
    const client = await ask(`client_id=${sandbox.clientId}&client_secret=${sandbox.clientSecret}`);
    expect(client.status).toBe(400);
    const text = await client.text();
    expect(text.length).toBeLessThan(1_000);
    const first = Array.from({ length: 10 }, (_, index) => `k${index} is not a known property.`);
    expect(JSON.parse(text)).toEqual({
      error: 'invalid_request',
      error_description: `The request body is not valid: ${first.join(' ')} And 990 more.`,
    });
  });

  it('a path that starts with // is read as the path it is, never as a host', async () => {
    const { origin } = new URL(sandbox.baseUrl);
    for (const path of ['//evil.example/_sandbox', `//collection/v1/orgs/${sandbox.organizationId}/invoices`]) {
      const answer = await call('GET', `${origin}${path}`);
      expect(answer.status, path).toBe(404);
      expect(answer.body.detail).toBe(
        `No operation at ${path}. The path has an empty segment (//): join it with one slash. The API is under ${sandbox.baseUrl}; the sandbox's own endpoints are listed at /_sandbox.`,
      );
    }
  });

  it('nothing a client sends reaches a log line unescaped, and the line stays short', async () => {
    const lines: string[] = [];
    const logged = await sandboxWithToken({ log: (line) => lines.push(line) });
    try {
      const forged = '%0aPOST%20/_sandbox/reset%20204%200.1%20ms%1b%5b31m';
      expect((await logged.call('GET', `{org}/invoices?${forged}=1`)).status).toBe(400);
      const [line] = lines.slice(-1);
      for (const character of ['\n', '\r', '\u001b']) expect(line).not.toContain(character);
      expect(line).toMatch(
        /^GET \/collection\/v1\/orgs\/[\w-]+\/invoices\?%0aPOST.* 400 [\d.]+ ms: The request is malformed: \\u000aPOST \/_sandbox\/reset 204 0\.1 ms\\u001b\[31m is not a query parameter/,
      );
      // A query as long as the headers take.
      const long = Array.from({ length: 1_000 }, (_, index) => `a${index}=1`).join('&');
      expect((await logged.call('GET', `{org}/invoices?${long}`)).status).toBe(400);
      expect(lines.at(-1)!.length).toBeLessThan(1_100);
    } finally {
      await logged.sandbox.close();
    }
  });

  it('a page size that is not an integer written in digits gets 400, as other invalid values do', async () => {
    for (const size of ['Infinity', '0x1', '0b1', '%201%20', '1e0', '%2B1', '1.0', '99999999999999999999']) {
      const answer = await call('GET', `{org}/invoices?PageSize=${size}`);
      expect(answer.status, size).toBe(400);
      expect(answer.body.errors, size).toEqual({
        PageSize: ['must be an integer written in digits (at most 15), such as 50'],
      });
    }
    expect((await call('GET', '{org}/invoices?PageSize=2')).status).toBe(200);
    expect((await call('GET', '{org}/settlements?pageSize=1.0')).body.errors).toEqual({
      pageSize: ['must be an integer written in digits (at most 15), such as 50'],
    });
  });

  it('a webhook URL with a user name or password is refused, when registered and at start: nothing could be sent to it', async () => {
    const url = 'http://user:pw@127.0.0.1:4299/hook';
    const answer = await fetch(`${sandbox.controlUrl}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    });
    expect(answer.status).toBe(422);
    expect((await answer.json()).detail).toMatch(
      /^The webhook URL must not carry a user name or password \(user:password@\): no request can be sent to such a URL\. Give it without them/,
    );
    expect((await (await fetch(sandbox.controlUrl)).json()).webhookUrls).not.toContain(url);
    await expect(startSandbox({ port: 0, webhookUrls: ['http://user@127.0.0.1:4299/hook'] })).rejects.toThrow(
      /^Each webhook URL \(--webhook-url, SANDBOX_WEBHOOK_URL\) must not carry a user name or password/,
    );
  });

  it("names called after the language's own (constructor, __proto__, valueOf) are refused as any other, never a 500", async () => {
    const query = await call('GET', '{org}/invoices?constructor=1');
    expect(query.status).toBe(400);
    expect(Object.keys(query.body.errors)).toEqual(['constructor']);
    const body = await call('POST', '{org}/payments', '{"valueOf":{}}');
    expect(body.status).toBe(422);
    expect(Object.keys(body.body.errors)).toEqual(expect.arrayContaining(['payments', 'valueOf']));
    const list = await call('POST', '{org}/invoices', `{"constructor":[${Array(1001).fill(0).join(',')}]}`);
    expect(list.status).toBe(422);
    const token = await fetch(sandbox.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${sandbox.clientId}&client_secret=${sandbox.clientSecret}&__proto__=x`,
    });
    expect(token.status).toBe(400);
    expect((await token.json()).error).toBe('invalid_request');
  });

  it('a query parameter given twice gets 400, and a page token error names the parameter as the operation does', async () => {
    const twice = await call('GET', '{org}/invoices?Status=OPEN&Status=CLOSED');
    expect(twice.status).toBe(400);
    expect(twice.body.detail).toBe('Status was given more than once; give each query parameter once.');
    const settlements = await call('GET', '{org}/settlements?pageToken=forged');
    expect(Object.keys(settlements.body.errors)).toEqual(['pageToken']);
  });

  it('the control API refuses a body nested too deep, and a webhook URL that is not a string', async () => {
    const write = (body: string) =>
      fetch(`${sandbox.controlUrl}/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const deep = await write(`{"url":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    expect(deep.status).toBe(400);
    const array = await write('{"url":["http://127.0.0.1:3999/x"]}');
    expect(array.status).toBe(422);
    expect((await (await fetch(sandbox.controlUrl)).json()).webhookUrls).not.toContainEqual([
      'http://127.0.0.1:3999/x',
    ]);
  });

  it("the legacy API answers a bad body with the 400 it describes, which is the client's mistake, not a sandbox bug", async () => {
    const basic = `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64')}`;
    for (const body of ['[]', '{"zzz":1}']) {
      const answer = await fetch(`${new URL(sandbox.baseUrl).origin}/webapi/api/Batch`, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/json' },
        body,
      });
      expect(answer.status, body).toBe(400);
    }
    expect(sandbox.violations()).toEqual([]);
  });

  it('the item limit holds for every item list of a body, however lenient', async () => {
    const lenient = await sandboxWithToken({ lenient: true });
    try {
      const answer = await lenient.call('POST', '{org}/invoices', {
        payments: [],
        invoices: Array.from({ length: 1001 }, () => newInvoice()),
      });
      expect(answer.status).toBe(422);
      expect(Object.keys(answer.body.errors)).toEqual(['invoices']);
    } finally {
      await lenient.sandbox.close();
    }
  });

  it('an amount below one øre makes no case, and collected money is in whole øre', async () => {
    const created = await call('POST', '{org}/invoices', { invoices: [newInvoice({ originalInvoiceAmount: 5e-324 })] });
    sandbox.processQueued();
    const batch = (await call('GET', created.body.data.batchUrl)).body.data;
    expect(batch.failed.map((item: { reason: string }) => item.reason)).toEqual([
      'originalInvoiceAmount must be a positive amount.',
    ]);
    await call('POST', '{org}/invoices', { invoices: [newInvoice({ originalInvoiceAmount: 100 })] });
    sandbox.processQueued();
    const [invoice] = (await call('GET', '{org}/invoices?Status=OPEN')).body.data;
    const collected = await fetch(`${sandbox.controlUrl}/invoices/${invoice.id}/collect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 0.005 }),
    });
    expect(collected.status).toBe(422);
  });

  it('a webhook URL reaches the sandbox by the addresses its name resolves to, not by how it is spelled', async () => {
    expect(await reachesSandbox('http://[::ffff:127.0.0.1]:4010/_sandbox/reset', '127.0.0.1', 4010)).toBe(true);
    expect(await reachesSandbox('http://127.0.0.1:4011/webhooks', '127.0.0.1', 4010)).toBe(false);
    // Listening on every address: its own addresses reach it, another machine at the same port does not.
    expect(await reachesSandbox('http://127.0.0.1:4010/_sandbox/reset', '0.0.0.0', 4010)).toBe(true);
    expect(await reachesSandbox('http://198.51.100.7:4010/webhooks', '0.0.0.0', 4010)).toBe(false);
  });

  it('a webhook URL that reaches the sandbox under another spelling is never delivered to', async () => {
    const own = await sandboxWithToken();
    try {
      const { port } = new URL(own.sandbox.baseUrl);
      own.sandbox.addWebhookUrl(`http://[::ffff:127.0.0.1]:${port}/_sandbox/reset`);
      const created = await own.call('POST', '{org}/invoices', { invoices: [newInvoice()] });
      await own.sandbox.webhooksIdle();
      const deliveries = own.sandbox.deliveries();
      expect(deliveries.length).toBeGreaterThan(0);
      for (const delivery of deliveries) {
        expect(delivery.state).toBe('failed');
        expect(delivery.attempts).toEqual([
          expect.objectContaining({ error: expect.stringMatching(/reaches the sandbox itself/) }),
        ]);
      }
      expect((await own.call('GET', created.body.data.batchUrl)).status).toBe(200);
    } finally {
      await own.sandbox.close();
    }
  });

  it('an IdempotencyKey header sent twice is refused, never stored as the two joined', async () => {
    const { port, pathname } = new URL(sandbox.baseUrl);
    const body = JSON.stringify({ invoices: [newInvoice({ uniqueSourceInvoiceId: 'twice-1' })] });
    const { request } = await import('node:http');
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const sent = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `${pathname}/orgs/${sandbox.organizationId}/invoices`,
          headers: [
            'Host',
            `127.0.0.1:${port}`,
            'Content-Length',
            String(Buffer.byteLength(body)),
            'Authorization',
            `Bearer ${token}`,
            'Content-Type',
            'application/json',
            'IdempotencyKey',
            'k1',
            'IdempotencyKey',
            'k2',
          ],
        },
        (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).detail).toBe('IdempotencyKey was given more than once; send the header once.');
    expect((await call('GET', '{org}/batches?IdempotencyKey=k1, k2')).body.data).toEqual([]);
  });

  it('a correction that would make an invoice owe more than an amount can be is refused: sums in øre stay exact', async () => {
    await call('POST', '{org}/invoices', { invoices: [newInvoice({ uniqueSourceInvoiceId: 'ledger-1' })] });
    await sandbox.processQueued();
    const [invoice] = (await call('GET', '{org}/invoices?UniqueSourceInvoiceId=ledger-1')).body.data;
    const correct = async (amount: number) => {
      const made = await call('POST', '{org}/corrections', {
        corrections: [{ invoiceId: invoice.id, amount, currency: 'NOK' }],
      });
      await sandbox.processQueued();
      return (await call('GET', `{org}/batches/${made.body.data.batchId}`)).body.data;
    };
    const over = await correct(1e12);
    expect(over.status).toBe('FAILED');
    expect(over.failed[0].reason).toMatch(/above 1000000000000, more than an invoice can owe/);
    const shown = (await call('GET', `{org}/invoices/${invoice.id}`)).body.data;
    expect(shown.remainingAmount).toBe(invoice.remainingAmount);
    expect((await correct(0.01)).status).toBe('SUCCESS');
    expect((await call('GET', `{org}/invoices/${invoice.id}`)).body.data.remainingAmount).toBe(
      invoice.remainingAmount + 0.01,
    );
  });

  it('a list within an item longer than the sandbox takes is refused before its entries are checked', async () => {
    const answer = await call('POST', '{org}/invoices', {
      invoices: [newInvoice({ debtors: Array.from({ length: 3000 }, () => ({})) })],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual({
      'invoices[0].debtors': ['holds 3000 entries; the sandbox takes at most 100'],
    });
    // Valid debtors, one too many: each read of the case would build all of them again.
    const debtor = { type: 'PRIVATE', firstname: 'Kari', lastname: 'Nordmann' };
    const many = await call('POST', '{org}/invoices', {
      invoices: [newInvoice({ debtors: Array.from({ length: 101 }, () => debtor) })],
    });
    expect(many.status).toBe(422);
    expect(Object.keys(many.body.errors)).toEqual(['invoices[0].debtors']);
    // An array of 190 000 items, near the most values a body may hold, is counted without
    // spreading it onto the stack.
    const wide = await call('POST', '{org}/invoices', {
      invoices: [newInvoice({ debtors: Array.from({ length: 190_000 }, () => ({})) })],
    });
    expect(wide.status).toBe(422);
    const small = await call('POST', '{org}/invoices', { invoices: [newInvoice({ debtors: [{}, {}] })] });
    expect(Object.keys(small.body.errors)).toEqual(['invoices[0].debtors[0]', 'invoices[0].debtors[1]']);
  });

  it('a JSON body that is not UTF-8 gets 400 saying so, and nothing is stored; a byte order mark is skipped', async () => {
    // Strøm written in Latin-1, as a client that does not set its encoding sends it: ø is one byte, 0xF8.
    const latin1 = Buffer.from(
      JSON.stringify({ invoices: [newInvoice({ uniqueSourceInvoiceId: 'latin-1', description: 'Strøm mars' })] }),
      'latin1',
    );
    const { origin, pathname } = new URL(sandbox.baseUrl);
    const send = (url: string, body: Buffer, headers: Record<string, string> = {}) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: new Uint8Array(body),
      });
    const invoices = `${origin}${pathname}/orgs/${sandbox.organizationId}/invoices`;
    const answer = await send(invoices, latin1, { authorization: `Bearer ${token}` });
    expect(answer.status).toBe(400);
    expect((await answer.json()).detail).toMatch(/^The body is not valid UTF-8: .*send it encoded as UTF-8/);
    expect((await call('GET', '{org}/invoices?UniqueSourceInvoiceId=latin-1')).body.data).toEqual([]);
    const control = await send(
      `${sandbox.controlUrl}/webhooks`,
      Buffer.from(JSON.stringify({ url: 'http://127.0.0.1:3999/strøm' }), 'latin1'),
    );
    expect(control.status).toBe(400);
    expect((await control.json()).detail).toMatch(/^The body is not valid UTF-8/);
    expect((await (await fetch(sandbox.controlUrl)).json()).webhookUrls).not.toContain('http://127.0.0.1:3999/str�m');
    // RFC 8259 lets a parser skip a byte order mark, which some encoders write first.
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        JSON.stringify({ invoices: [newInvoice({ uniqueSourceInvoiceId: 'bom', description: 'Strøm mars' })] }),
      ),
    ]);
    expect((await send(invoices, bom, { authorization: `Bearer ${token}` })).status).toBe(202);
    sandbox.processQueued();
    const [made] = (await call('GET', '{org}/cases?UniqueSourceInvoiceId=bom')).body.data;
    expect(made.description).toBe('Strøm mars');
  });
});
