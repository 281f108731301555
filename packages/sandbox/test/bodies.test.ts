// Bodies larger than the sandbox reads, from anyone at the token endpoint or from a client
// with a token anywhere else: each is refused with 413 from what has arrived (the length it
// declares, or as many bytes as the limit), before the rest is read, and the answer says the
// limit and what to send instead. Another client is answered meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, sandboxWithToken, tokenFor } from './support/api.js';
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
});
