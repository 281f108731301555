// Bodies larger than the sandbox reads, from anyone at the token endpoint or from a client
// with a token anywhere else: each is refused with 413 from what has arrived (the length it
// declares, or as many bytes as the limit), before the rest is read, and the answer says the
// limit and what to send instead. Another client is answered meanwhile; one that sends on and
// on after its answer is cut off a few seconds later. So is JSON shaped to
// take seconds to parse (nested deep, or an object of a great many properties): it is refused
// at the first level or property too many, before the rest has come or any of it is parsed.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newInvoice, type RunningSandbox, sandboxWithToken, tokenFor } from './support/api.js';
import { until, useFakeClock } from './support/clock.js';
import { answerBeforeBodyEnds } from './support/held-body.js';

let sandbox: RunningSandbox;
let call: Awaited<ReturnType<typeof sandboxWithToken>>['call'];
let token: string;
let origin: string;
beforeAll(async () => {
  ({ sandbox, call } = await sandboxWithToken());
  token = await tokenFor(sandbox);
  origin = new URL(sandbox.baseUrl).origin;
});
afterAll(() => sandbox.close());

const FORM = 'Content-Type: application/x-www-form-urlencoded';
const JSON_TYPE = 'Content-Type: application/json';

/** The 413 problem details, saying the limit and what to do. */
function expectTooLarge(answer: { status: number; headers: Record<string, string>; body: any }, limit: RegExp) {
  expect(answer.status).toBe(413);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status: 413, title: 'Content Too Large' });
  expect(answer.body.detail).toMatch(limit);
}

describe('a body larger than the sandbox reads', () => {
  it('a token request of 15 MB gets 413 before its body is read, naming the limit and the three fields to send', async () => {
    const answer = await answerBeforeBodyEnds(
      origin,
      `POST /token HTTP/1.1\r\n${FORM}\r\nContent-Length: ${15 * 1024 * 1024}`,
      `grant_type=client_credentials&client_id=${sandbox.clientId}&client_secret=${sandbox.clientSecret}&k=`,
    );
    expectTooLarge(answer, /larger than 16 KiB/);
    expect(answer.body.detail).toMatch(/grant_type, client_id and client_secret/);
    expect((await call('GET', '{org}/invoices')).status).toBe(200);
  });

  it('a token request just over 16 KiB, sent whole, gets the same 413; one at the limit is read', async () => {
    const form = `grant_type=client_credentials&client_id=${sandbox.clientId}&client_secret=${sandbox.clientSecret}&k=`;
    const ask = (length: number) =>
      fetch(sandbox.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.padEnd(length, 'x'),
      });
    const over = await ask(16 * 1024 + 1);
    expectTooLarge(
      { status: over.status, headers: Object.fromEntries(over.headers), body: await over.json() },
      /larger than 16 KiB/,
    );
    // At the limit the form is parsed: k is not a field of a token request.
    const at = await ask(16 * 1024);
    expect(at.status).toBe(400);
    expect((await at.json()).error_description).toMatch(/k is not a known property/);
  });

  it('a body sent in chunks gets 413 once it passes the limit, though it has not ended', async () => {
    const chunk = 'x'.repeat(16 * 1024 + 1);
    const answer = await answerBeforeBodyEnds(
      origin,
      `POST /token HTTP/1.1\r\n${FORM}\r\nTransfer-Encoding: chunked`,
      `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
    );
    expectTooLarge(answer, /larger than 16 KiB/);
  });

  it('an API body that declares more than 4 MiB gets 413 before it is sent, saying to split the create', async () => {
    const path = `${new URL(sandbox.baseUrl).pathname}/orgs/${sandbox.organizationId}/invoices`;
    const answer = await answerBeforeBodyEnds(
      origin,
      `POST ${path} HTTP/1.1\r\n${JSON_TYPE}\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${4 * 1024 * 1024 + 1}`,
      '{"invoices":[',
    );
    expectTooLarge(answer, /larger than 4 MiB/);
    expect(answer.body.detail).toMatch(/at most 1 000 items a request/);
    expect((await call('GET', '{org}/batches')).body.data).toEqual([]);
  });

  it('the legacy API and the control API have limits of their own, answered the same way', async () => {
    const basic = Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64');
    const legacy = await answerBeforeBodyEnds(
      origin,
      `POST /webapi/api/Batch HTTP/1.1\r\n${JSON_TYPE}\r\nAuthorization: Basic ${basic}\r\nContent-Length: ${4 * 1024 * 1024 + 1}`,
      '{',
    );
    expectTooLarge(legacy, /larger than 4 MiB/);
    const control = await answerBeforeBodyEnds(
      origin,
      `POST /_sandbox/webhooks HTTP/1.1\r\n${JSON_TYPE}\r\nContent-Length: ${64 * 1024 + 1}`,
      '{"url":"',
    );
    expectTooLarge(control, /larger than 64 KiB/);
    expect(control.body.detail).toMatch(/a few short values/);
  });

  it('many bodies sent at once, each under its limit and left hanging, hold 64 MiB at most: past it a request gets 503, and the room comes back once they end', async () => {
    const path = `${new URL(sandbox.baseUrl).pathname}/orgs/${sandbox.organizationId}/invoices`;
    const { hostname, port } = new URL(origin);
    const head = (length: number) =>
      `POST ${path} HTTP/1.1\r\n${JSON_TYPE}\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${length}`;
    // Sixteen creates at the API's limit, each but its last byte sent: 64 MiB held.
    const limit = 4 * 1024 * 1024;
    const held = Array.from({ length: 16 }, () => {
      const socket = connect(Number(port), hostname);
      socket.write(`${head(limit)}\r\nHost: ${hostname}:${port}\r\n\r\n{"invoices":[${' '.repeat(limit - 14)}`);
      return socket;
    });
    try {
      let answer: Awaited<ReturnType<typeof answerBeforeBodyEnds>> | undefined;
      for (let tries = 0; tries < 200 && answer?.status !== 503; tries++) {
        answer = await answerBeforeBodyEnds(origin, head(1000), 'x'.repeat(1000));
      }
      expect(answer?.status).toBe(503);
      expect(answer?.headers['retry-after']).toBe('1');
      expect(answer?.body.detail).toMatch(/64 MiB of bodies that other requests are still sending; send this again/);
    } finally {
      for (const socket of held) socket.destroy();
    }
    // Their connections closed, what they held is free again.
    let after: Awaited<ReturnType<typeof answerBeforeBodyEnds>> | undefined;
    for (let tries = 0; tries < 200 && (after === undefined || after.status === 503); tries++) {
      after = await answerBeforeBodyEnds(origin, head(1000), 'x'.repeat(1000));
    }
    expect(after?.status).toBe(400);
  });

  it('a body that goes on after its 413 is read for 5 s, then the connection is cut; one that ends keeps it', async () => {
    useFakeClock();
    try {
      const { port } = new URL(origin);
      const head = `POST /token HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${FORM}\r\n`;
      const open = () => {
        const socket = connect(Number(port), '127.0.0.1');
        const seen = { text: '', closed: false };
        socket.on('data', (chunk) => (seen.text += chunk)).on('close', () => (seen.closed = true));
        socket.on('error', () => undefined);
        return { socket, seen };
      };
      // Chunks that never end: the answer comes, then whatever follows is dropped for a while only.
      const endless = open();
      const chunk = 'x'.repeat(16 * 1024 + 1);
      endless.socket.write(`${head}Transfer-Encoding: chunked\r\n\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      await until(() => endless.seen.text.includes('"status":413'), 0, 'the 413');
      endless.socket.write(`400\r\n${'y'.repeat(1024)}\r\n`);
      await vi.advanceTimersByTimeAsync(4_900);
      expect(endless.seen.closed).toBe(false);
      await vi.advanceTimersByTimeAsync(100);
      await until(() => endless.seen.closed, 0, 'the connection to be cut');
      // Only the 413: no second answer to the one request.
      expect(endless.seen.text.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 413']);

      // A body that ends leaves the connection to serve the next request, as before.
      const ending = open();
      const length = 16 * 1024 + 1;
      ending.socket.write(`${head}Content-Length: ${length}\r\n\r\n`);
      await until(() => ending.seen.text.includes('"status":413'), 0, 'the 413');
      ending.socket.write('x'.repeat(length));
      ending.socket.write(`GET /_sandbox HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      await until(() => ending.seen.closed, 0, 'the second answer');
      expect(ending.seen.text.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 413', 'HTTP/1.1 200']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a JSON body shaped to take seconds to parse', () => {
  const invoices = () => `${new URL(sandbox.baseUrl).pathname}/orgs/${sandbox.organizationId}/invoices`;
  const held = (part: string) =>
    answerBeforeBodyEnds(
      origin,
      `POST ${invoices()} HTTP/1.1\r\n${JSON_TYPE}\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${1024 * 1024}`,
      part,
    );

  it('is refused at its 33rd level of nesting, before the rest has come; brackets in a string are text', async () => {
    // Brackets, an escaped quote and an escaped backslash inside a string nest nothing.
    const text = `${'['.repeat(40)}"${'{'.repeat(40)}\\`;
    const created = await call('POST', '{org}/invoices', { invoices: [newInvoice({ description: text })] });
    expect(created.status).toBe(202);

    const answer = await held(`{"invoices":[{"description":${JSON.stringify(text)},"note":${'['.repeat(40)}`);
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toMatch(/nests deeper than 32 levels/);
  });

  it('is refused at the 1 001st property of one object, before the rest has come; commas in a string or a list are not properties', async () => {
    const listed = await call('POST', '{org}/invoices', {
      invoices: [newInvoice({ description: ','.repeat(2_000) }), newInvoice()],
    });
    expect(listed.status).toBe(202);

    const properties = Array.from({ length: 1_001 }, (_, index) => `"k${index}":1`).join(',');
    const answer = await held(`{"invoices":[{${properties},`);
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toMatch(/an object of more than 1000 properties/);
  });

  it('is refused at its 200 001st value, before the rest has come; empty objects count once', async () => {
    // 199 992 values in all: parsed, and refused for its number of items.
    const under = await call('POST', '{org}/invoices', `{"invoices":[${Array(199_990).fill('{}').join(',')}]}`);
    expect(under.status).toBe(422);
    expect(under.body.errors.invoices).toEqual([expect.stringMatching(/holds 199990 items/)]);

    const answer = await held(`{"invoices":[${'0,'.repeat(200_000)}`);
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toMatch(/more than 200 000 values/);
  });

  it('the control API refuses such a body the same way', async () => {
    const answer = await answerBeforeBodyEnds(
      origin,
      `POST /_sandbox/webhooks HTTP/1.1\r\n${JSON_TYPE}\r\nContent-Length: ${60 * 1024}`,
      `{"url":${'['.repeat(40)}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toMatch(/nests deeper than 32 levels/);
  });
});
