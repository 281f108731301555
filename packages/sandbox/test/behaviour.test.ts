// The sandbox's state over time: batches, cases, money, case actions, idempotency and
// tokens. Waits (the batch delay, token expiry) run on vitest's fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newInvoice, sandboxWithToken, tokenFor } from './support/api.js';
import { useFakeClock } from './support/clock.js';

let opened: Awaited<ReturnType<typeof sandboxWithToken>>[];
beforeEach(() => {
  opened = [];
  useFakeClock();
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(opened.map(({ sandbox }) => sandbox.close()));
});
async function open(options: Parameters<typeof sandboxWithToken>[0] = {}) {
  const started = await sandboxWithToken(options);
  opened.push(started);
  return started;
}

describe('batches', () => {
  it('stay QUEUED for the batch delay, then end PARTIAL with each failure and its reason', async () => {
    const { call } = await open({ batchDelayMs: 5_000 });
    const created = await call('POST', '{org}/invoices', {
      invoices: [
        newInvoice({ uniqueSourceInvoiceId: 'A' }),
        newInvoice({ uniqueSourceInvoiceId: 'B' }),
        newInvoice({ uniqueSourceInvoiceId: 'A' }),
      ],
    });
    expect(created.status).toBe(202);
    const url = created.body.data.batchUrl;
    expect((await call('GET', url)).body.data).toMatchObject({
      status: 'QUEUED',
      type: 'INVOICE',
      finishedAt: null,
      succeeded: [],
      failed: [],
    });
    await vi.advanceTimersByTimeAsync(4_999);
    expect((await call('GET', url)).body.data.status).toBe('QUEUED');
    await vi.advanceTimersByTimeAsync(1);
    const batch = (await call('GET', url)).body.data;
    expect(batch.status).toBe('PARTIAL');
    expect(batch.finishedAt).toBe(new Date().toISOString());
    expect(batch.succeeded).toHaveLength(2);
    expect(batch.failed).toEqual([
      expect.objectContaining({
        index: 2,
        uniqueSourceInvoiceId: 'A',
        reason: expect.stringContaining("uniqueSourceInvoiceId 'A' already exists"),
      }),
    ]);
  });

  it('end SUCCESS when every item succeeds and FAILED when none does, and /_sandbox/process runs them early', async () => {
    const { call, sandbox } = await open({ batchDelayMs: 60_000 });
    const invoice = newInvoice();
    const good = await call('POST', '{org}/invoices', { invoices: [invoice] });
    const bad = await call('POST', '{org}/invoices', {
      invoices: [
        newInvoice({ originalInvoiceAmount: -1 }),
        newInvoice({ uniqueSourceInvoiceId: invoice.uniqueSourceInvoiceId }),
      ],
    });
    const processed = await fetch(`${sandbox.controlUrl}/process`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(await processed.json()).toEqual({ processed: 2 });
    expect((await call('GET', good.body.data.batchUrl)).body.data.status).toBe('SUCCESS');
    const failed = (await call('GET', bad.body.data.batchUrl)).body.data;
    expect(failed.status).toBe('FAILED');
    expect(failed.failed.map((item: { reason: string }) => item.reason)).toEqual([
      'originalInvoiceAmount must be a positive amount.',
      expect.stringContaining(`uniqueSourceInvoiceId '${invoice.uniqueSourceInvoiceId}' already exists`),
    ]);
  });

  it('are listed by IdempotencyKey, State and Type, newest first on request', async () => {
    const { call } = await open();
    await call('POST', '{org}/invoices', { invoices: [newInvoice()] }, { IdempotencyKey: 'key-1' });
    const second = await call('POST', '{org}/invoices', { invoices: [newInvoice()] }, { IdempotencyKey: 'key-2' });
    const byKey = await call('GET', '{org}/batches?IdempotencyKey=key-2');
    expect(byKey.body.data.map((batch: { batchId: string }) => batch.batchId)).toEqual([second.body.data.batchId]);
    expect((await call('GET', '{org}/batches?State=QUEUED')).body.data).toEqual([]);
    expect((await call('GET', '{org}/batches?Type=INVOICE')).body.data).toHaveLength(2);
    const newestFirst = await call('GET', '{org}/batches?SortDirection=DESC&PageSize=1');
    expect(newestFirst.body.data[0].batchId).toBe(second.body.data.batchId);
    expect(newestFirst.body.summary.nextPageToken).toEqual(expect.any(String));
  });
});

describe('idempotency', () => {
  it('answers a repeated key and body with the first batch, creating nothing', async () => {
    const { call } = await open();
    const body = { invoices: [newInvoice()] };
    const first = await call('POST', '{org}/invoices', body, { IdempotencyKey: 'same' });
    const again = await call('POST', '{org}/invoices', body, { IdempotencyKey: 'same' });
    expect(again.status).toBe(202);
    expect(again.body.data).toEqual(first.body.data);
    expect((await call('GET', '{org}/invoices')).body.data).toHaveLength(1);
    expect((await call('GET', '{org}/batches')).body.data).toHaveLength(1);
  });

  it('takes the same body with its keys in another order as the same request; items in another order are another', async () => {
    const { call } = await open();
    const [first, second] = [newInvoice(), newInvoice()];
    const reordered = (invoice: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(invoice)
          .reverse()
          .map(([key, value]) => [
            key,
            Array.isArray(value) ? value.map((item) => Object.fromEntries(Object.entries(item).reverse())) : value,
          ]),
      );
    const made = await call('POST', '{org}/invoices', { invoices: [first, second] }, { IdempotencyKey: 'order' });
    const again = await call(
      'POST',
      '{org}/invoices',
      { invoices: [reordered(first), reordered(second)] },
      { IdempotencyKey: 'order' },
    );
    expect(JSON.stringify(reordered(first))).not.toBe(JSON.stringify(first));
    expect(again.status).toBe(202);
    expect(again.body.data).toEqual(made.body.data);
    const swapped = await call('POST', '{org}/invoices', { invoices: [second, first] }, { IdempotencyKey: 'order' });
    expect(swapped.status).toBe(409);
    expect((await call('GET', '{org}/batches')).body.data).toHaveLength(1);
  });

  it('refuses the same key with another body, or for another operation, with 409', async () => {
    const { call } = await open();
    const first = await call('POST', '{org}/invoices', { invoices: [newInvoice()] }, { IdempotencyKey: 'k' });
    const other = await call('POST', '{org}/invoices', { invoices: [newInvoice()] }, { IdempotencyKey: 'k' });
    expect(other.status).toBe(409);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(other.body.detail).toContain(
      `IdempotencyKey 'k' was already used for another request (CreateInvoices, batch ${first.body.data.batchId})`,
    );
    const payment = {
      payments: [{ invoiceId: crypto.randomUUID(), type: 'DIRECT_PAYMENT', amount: 1, currency: 'NOK' }],
    };
    expect((await call('POST', '{org}/payments', payment, { IdempotencyKey: 'k' })).status).toBe(409);
    expect((await call('GET', '{org}/batches')).body.data).toHaveLength(1);
  });

  it('refuses a key longer than the description allows, naming the header as the description does', async () => {
    const { call } = await open();
    const long = await call(
      'POST',
      '{org}/invoices',
      { invoices: [newInvoice()] },
      { IdempotencyKey: 'k'.repeat(256) },
    );
    expect(long.status).toBe(400);
    expect(long.body.errors).toEqual({ IdempotencyKey: ['must NOT have more than 255 characters'] });
    expect(long.body.detail).toBe('The request is malformed: IdempotencyKey must NOT have more than 255 characters.');
    expect((await call('GET', '{org}/batches')).body.data).toEqual([]);
  });
});

describe('invoices and cases', () => {
  it('appear once their batch is processed, and page by PageToken and PageSize', async () => {
    const { call } = await open();
    const invoices = Array.from({ length: 7 }, () => newInvoice());
    await call('POST', '{org}/invoices', { invoices });
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const page = await call('GET', `{org}/invoices?PageSize=3${token ? `&PageToken=${token}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((invoice: { invoiceNumber: string }) => invoice.invoiceNumber));
      token = page.body.summary.nextPageToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(invoices.map((invoice) => invoice.invoiceNumber));
    const cases = await call('GET', `{org}/cases?UniqueSourceInvoiceId=${invoices[4]!.uniqueSourceInvoiceId}`);
    expect(cases.body.data).toHaveLength(1);
    expect(cases.body.data[0]).toMatchObject({
      status: 'OPEN',
      type: 'PAYMENT_REMINDER',
      invoices: [{ invoiceNumber: invoices[4]!.invoiceNumber }],
    });
    const search = await call('GET', '{org}/cases?SearchTerm=nordmann&PageSize=100');
    expect(search.body.data).toHaveLength(7);
  });

  it('are found by when they were created, a leap second (23:59:60) read as RFC 3339 has it, not as no time at all', async () => {
    const { call } = await open();
    vi.setSystemTime(new Date('2016-12-31T23:59:59.500Z'));
    await call('POST', '{org}/invoices', { invoices: [newInvoice({ invoiceNumber: 'before' })] });
    vi.setSystemTime(new Date('2017-01-01T00:00:00.500Z'));
    await call('POST', '{org}/invoices', { invoices: [newInvoice({ invoiceNumber: 'after' })] });
    const numbers = async (query: string) =>
      (await call('GET', `{org}/invoices?${query}`)).body.data.map(
        (invoice: { invoiceNumber: string }) => invoice.invoiceNumber,
      );
    // The leap second ends where the next day begins.
    expect(await numbers('From=2016-12-31T23:59:60Z')).toEqual(['after']);
    expect(await numbers('To=2016-12-31T23:59:60Z')).toEqual(['before']);
    expect(await numbers('From=2016-12-31T23:59:59Z&To=2017-01-01T00:00:01Z')).toEqual(['before', 'after']);
    const cases = await call('GET', '{org}/cases?FromCreatedAt=2016-12-31T23:59:60.000Z');
    expect(
      cases.body.data.map((found: { invoices: { invoiceNumber: string }[] }) => found.invoices[0]!.invoiceNumber),
    ).toEqual(['after']);
  });

  it('reject a page token they did not give out, naming PageToken', async () => {
    const { call } = await open();
    const answer = await call('GET', '{org}/invoices?PageToken=bm90LWEtdG9rZW4');
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual({
      PageToken: [expect.stringContaining('is not a page token this sandbox gave out')],
    });
  });
});

describe('money', () => {
  it('payments and corrections change what remains; the last payment closes the case', async () => {
    const { call } = await open();
    await call('POST', '{org}/invoices', { invoices: [newInvoice({ originalInvoiceAmount: 1000 })] });
    const [invoice] = (await call('GET', '{org}/invoices')).body.data;
    const pay = (amount: number) =>
      call('POST', '{org}/payments', {
        payments: [{ invoiceId: invoice.id, type: 'DIRECT_PAYMENT', amount, currency: 'NOK' }],
      });
    await pay(300.1);
    await call('POST', '{org}/corrections', {
      corrections: [
        {
          invoiceId: invoice.id,
          amount: -200,
          currency: 'NOK',
          date: '2025-03-20T00:00:00Z',
          description: 'Kreditnota',
        },
      ],
    });
    let current = (await call('GET', `{org}/invoices/${invoice.id}`)).body.data;
    expect(current).toMatchObject({
      originalInvoiceAmount: 1000,
      currentAmount: 800,
      paidAmount: 300.1,
      creditedAmount: 200,
      remainingAmount: 499.9,
      status: 'OPEN',
    });
    const over = await pay(500);
    const overBatch = (await call('GET', over.body.data.batchUrl)).body.data;
    expect(overBatch).toMatchObject({ status: 'FAILED', type: 'PAYMENT' });
    expect(overBatch.failed[0].reason).toBe('amount 500 is more than the 499.9 that remains on the invoice.');
    await pay(499.9);
    current = (await call('GET', `{org}/invoices/${invoice.id}`)).body.data;
    expect(current).toMatchObject({ remainingAmount: 0, status: 'CLOSED', closedAt: new Date().toISOString() });
    const late = await pay(1);
    expect((await call('GET', late.body.data.batchUrl)).body.data.failed[0].reason).toBe(
      "The invoice's case is CLOSED.",
    );
    expect((await call('GET', '{org}/cases?Status=CLOSED')).body.data).toHaveLength(1);
  });

  it('collected money becomes a settlement', async () => {
    const { call, sandbox } = await open();
    await call('POST', '{org}/invoices', { invoices: [newInvoice({ originalInvoiceAmount: 900 })] });
    const [invoice] = (await call('GET', '{org}/invoices')).body.data;
    const collected = await fetch(`${sandbox.controlUrl}/invoices/${invoice.id}/collect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 400 }),
    });
    const { settlementId } = await collected.json();
    const settlement = (await call('GET', `{org}/settlements/${settlementId}`)).body.data;
    expect(settlement).toEqual({
      caseNumber: Number(invoice.collectionCaseNumber),
      collectionType: 'REMINDER',
      currency: 'NOK',
      customerReference: invoice.debtors[0].customerNumber,
      exchangeRate: 1,
    });
    const today = new Date().toISOString().slice(0, 10);
    expect((await call('GET', `{org}/settlements?fromDate=${today}&toDate=${today}`)).body.data).toHaveLength(1);
    expect((await call('GET', '{org}/settlements?fromDate=2099-01-01')).body.data).toHaveLength(0);
    expect((await call('GET', `{org}/invoices/${invoice.id}`)).body.data.remainingAmount).toBe(500);
    const tooMuch = await fetch(`${sandbox.controlUrl}/invoices/${invoice.id}/collect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 501 }),
    });
    expect(tooMuch.status).toBe(422);
  });
});

describe('case actions', () => {
  it('move the case on where they apply, and answer 409 where they do not', async () => {
    const { call, sandbox } = await open();
    await call('POST', '{org}/invoices', { invoices: [newInvoice()] });
    const [entry] = (await call('GET', '{org}/cases')).body.data;
    const act = (action: string) => call('POST', `{org}/cases/${entry.caseId}/${action}`);
    const status = async () => {
      const [current] = (await call('GET', '{org}/cases')).body.data;
      return [current.status, current.subStatus].filter(Boolean).join('/');
    };
    const notPaused = await act('resume');
    expect(notPaused.status).toBe(409);
    expect(notPaused.body.detail).toBe(
      `Case ${entry.caseId} is OPEN: only a PAUSED case can be resumed. Pause it first (PauseCase).`,
    );
    expect((await act('pause')).status).toBe(202);
    expect(await status()).toBe('PAUSED');
    const twice = await act('pause');
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe(
      `Case ${entry.caseId} is PAUSED: only an OPEN case can be paused. Resume it first (ResumeCase on case ${entry.caseId}), or POST /_sandbox/reset to start afresh with the examples' cases.`,
    );
    expect((await act('resume')).status).toBe(202);
    expect((await act('accept-debt-collection-list')).status).toBe(409);
    sandbox.setCaseSubStatus(entry.caseId, 'DEBT_COLLECTION_LIST_MANUAL');
    expect(await status()).toBe('OPEN/DEBT_COLLECTION_LIST_MANUAL');
    expect((await act('accept-debt-collection-list')).status).toBe(202);
    expect(await status()).toBe('OPEN/DEBT_COLLECTION');
    // A decision not asked for says how to have it asked, and doing as it says lets it through.
    const notAsked = await act('accept-eviction-request');
    expect(notAsked.status).toBe(409);
    const [, path = '', body = ''] = /POST (\/_sandbox\S+) with (\{.*?\}) asks/.exec(notAsked.body.detail) ?? [];
    expect(path).toBe(`/_sandbox/cases/${entry.caseId}/sub-status`);
    const asked = await fetch(new URL(path, sandbox.controlUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(asked.status).toBeLessThan(300);
    expect((await act('accept-eviction-request')).status).toBe(202);
    expect(await status()).toBe('OPEN/EVICTION_REQUESTED');
    expect((await act('withdraw')).status).toBe(202);
    expect(await status()).toBe('WITHDRAWN');
    const closed = await act('withdraw');
    expect(closed.status).toBe(409);
    expect(closed.body.detail).toBe(
      `Case ${entry.caseId} is WITHDRAWN: only an OPEN or PAUSED case can be withdrawn. A closed case stays closed; in the sandbox, POST /_sandbox/reset starts afresh, with the examples' cases.`,
    );
    expect((await call('POST', `{org}/cases/${crypto.randomUUID()}/pause`)).status).toBe(404);
  });
});

describe('tokens', () => {
  it('expire after their lifetime, and the sandbox then answers 401', async () => {
    const { call, renewToken } = await open({ tokenTtlSeconds: 60 });
    expect((await call('GET', '{org}/invoices')).status).toBe(200);
    await vi.advanceTimersByTimeAsync(59_000);
    expect((await call('GET', '{org}/invoices')).status).toBe(200);
    await vi.advanceTimersByTimeAsync(1_000);
    const expired = await call('GET', '{org}/invoices');
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toBe('The access token has expired; request a new one.');
    expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    await renewToken();
    expect((await call('GET', '{org}/invoices')).status).toBe(200);
  });

  it('answer 401 without a token or with a forged one, and 403 for another organization', async () => {
    const { call, sandbox } = await open();
    expect((await call('GET', '{org}/invoices', undefined, { authorization: '' })).body.detail).toContain(
      'no Authorization header',
    );
    const [header, payload] = (await tokenFor(sandbox)).split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    expect((await call('GET', '{org}/invoices', undefined, { authorization: `Bearer ${forged}` })).status).toBe(401);
    const other = crypto.randomUUID();
    const forbidden = await call('GET', `/orgs/${other}/invoices`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.detail).toContain(`no access to organization ${other}`);
    sandbox.expireTokens();
    expect((await call('GET', '{org}/invoices')).body.detail).toBe(
      'The access token has been revoked; request a new one.',
    );
  });

  it('are issued only for the right credentials, with OAuth errors otherwise', async () => {
    const { sandbox } = await open();
    const ask = (fields: Record<string, string>) =>
      fetch(sandbox.tokenUrl, { method: 'POST', body: new URLSearchParams(fields) });
    const wrong = await ask({ grant_type: 'client_credentials', client_id: sandbox.clientId, client_secret: 'wrong' });
    expect(wrong.status).toBe(401);
    const body = await wrong.json();
    expect(body).toEqual({
      error: 'invalid_client',
      error_description: 'Client authentication failed: the client id or secret is wrong.',
    });
    expect(JSON.stringify(body)).not.toContain(sandbox.clientSecret);
    const missing = await ask({ grant_type: 'client_credentials', client_id: sandbox.clientId });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: 'invalid_request',
      error_description: 'The request body is not valid: client_secret is required.',
    });
  });

  it('answer another grant type with unsupported_grant_type, and say all that is wrong in the description', async () => {
    const { sandbox } = await open();
    const ask = (fields: Record<string, string>) =>
      fetch(sandbox.tokenUrl, { method: 'POST', body: new URLSearchParams(fields) });
    const client = { client_id: sandbox.clientId, client_secret: sandbox.clientSecret };
    const password = await ask({ grant_type: 'password', ...client });
    expect(password.status).toBe(400);
    expect(await password.json()).toEqual({
      error: 'unsupported_grant_type',
      error_description: "The grant type 'password' is not supported; send grant_type=client_credentials.",
    });
    // An OAuth error has no `errors`: its description names each mistake itself.
    const several = await ask({ client_id: sandbox.clientId, scope: 'all', client_secert: sandbox.clientSecret });
    expect(several.status).toBe(400);
    expect(await several.json()).toEqual({
      error: 'invalid_request',
      error_description:
        'The request body is not valid: grant_type is required. client_secret is required. scope is not a known property. client_secert is not a known property; did you mean client_secret?',
    });
  });
});

describe('requests that do not fit the description', () => {
  it('get 422 naming each field of the body, and 400 for malformed JSON or parameters', async () => {
    const { call } = await open();
    const invalid = await call('POST', '{org}/invoices', {
      invoices: [newInvoice({ originalInvoiceAmount: 'ten', dueDate: '15.03.2025' })],
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toEqual({
      'invoices[0].originalInvoiceAmount': ['must be number'],
      'invoices[0].dueDate': ['must be a date or a date-time'],
    });
    const empty = await call('POST', '{org}/invoices', { invoices: [] });
    expect(empty.body.errors).toEqual({ invoices: ['must NOT have fewer than 1 items'] });
    const broken = await call('POST', '{org}/invoices', '{"invoices": [');
    expect(broken.status).toBe(400);
    expect(broken.body.detail).toMatch(/^The body is not valid JSON/);
    const text = await call('POST', '{org}/invoices', 'invoices', { 'content-type': 'text/plain' });
    expect(text.body.detail).toBe('The body must be sent as application/json; the Content-Type was "text/plain".');
    const badId = await call('GET', '{org}/invoices/INV-2025-001');
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual({ invoiceId: ['must match format "uuid"'] });
    const method = await call('DELETE', '{org}/invoices');
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('GET, POST');
  });

  it("refuse what the client's types refuse, naming each property and what it was likely meant to be; lenient takes unknown properties", async () => {
    const { call } = await open();
    const { dueDate: _, ...withoutDueDate } = newInvoice();
    const kari = { firstname: 'Kari', lastname: 'Nordmann' };
    const refused = await call('POST', '{org}/invoices', {
      invoices: [
        withoutDueDate,
        newInvoice({ type: 'PAYMENT_REMIDNER' }),
        newInvoice({ debtor: [kari] }),
        newInvoice({ debtors: [{ ...kari, adresses: [] }] }),
        newInvoice({ debtors: [{ customerNumber: 'C-1' }] }),
        newInvoice({ debtors: [] }),
      ],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual({
      'invoices[0].dueDate': ['is required'],
      'invoices[1].type': ['must be one of NOTICE, PAYMENT_REMINDER; did you mean PAYMENT_REMINDER?'],
      'invoices[2].debtor': ['is not a known property; did you mean debtors?'],
      'invoices[3].debtors[0].adresses': ['is not a known property; did you mean addresses?'],
      'invoices[4].debtors[0]': ['must have firstname and lastname, or name and organizationNumber'],
      'invoices[5].debtors': ['must NOT have fewer than 1 items'],
    });
    const payment = await call('POST', '{org}/payments', {
      payments: [{ invoiceId: crypto.randomUUID(), ammount: 100, currency: 'NOK' }],
    });
    expect(payment.body.errors).toEqual({
      'payments[0].amount': ['is required'],
      'payments[0].ammount': ['is not a known property; did you mean amount?'],
    });
    // Nothing of a refused body was kept.
    expect((await call('GET', '{org}/batches')).body.data).toEqual([]);
    // A query parameter the operation does not have, as misspelled as a property.
    const misspelled = await call('GET', '{org}/invoices?PageSzie=1');
    expect(misspelled.status).toBe(400);
    expect(misspelled.body.errors).toEqual({
      PageSzie: ['is not a query parameter of GetInvoicesByOrganization; did you mean PageSize?'],
    });

    // The request log says why too, as the client was told.
    const lines: string[] = [];
    const logged = await open({ log: (line) => lines.push(line) });
    await logged.call('POST', '{org}/invoices', { invoices: [newInvoice({ debtor: [kari] })] });
    expect(lines.at(-1)).toMatch(
      /^POST \/collection\/v1\/orgs\/[\w-]+\/invoices 422 [\d.]+ ms: The request body is not valid: invoices\[0\]\.debtor is not a known property; did you mean debtors\?$/,
    );

    // Lenient: unknown properties and parameters are accepted and ignored, as an API that
    // ignores them would; what is required still is.
    const lenient = await open({ lenient: true });
    const kept = await lenient.call('POST', '{org}/invoices', {
      invoices: [newInvoice({ ledgerNote: 'ours', debtors: [{ ...kari, emial: 'kari@example.no' }] })],
    });
    expect(kept.status).toBe(202);
    const [stored] = (await lenient.call('GET', '{org}/invoices?PageSzie=1')).body.data;
    expect(JSON.stringify(stored)).not.toMatch(/ledgerNote|emial/);
    expect(stored.debtors[0]).toMatchObject({ firstname: 'Kari', lastname: 'Nordmann' });
    const stillRequired = await lenient.call('POST', '{org}/invoices', { invoices: [withoutDueDate] });
    expect(stillRequired.body.errors).toEqual({ 'invoices[0].dueDate': ['is required'] });
  });
  it('say what is wrong in the detail, and so in the log line: the first few messages, and how many more errors names', async () => {
    const lines: string[] = [];
    const { call } = await open({ log: (line) => lines.push(line) });
    const { debtors, ...withoutDebtors } = newInvoice();
    const sent = await call('POST', '{org}/invoices', { invoices: [{ ...withoutDebtors, debtor: debtors }] });
    expect(sent.status).toBe(422);
    const told =
      'The request body is not valid: invoices[0].debtors is required; invoices[0].debtor is not a known property; did you mean debtors?';
    expect(sent.body.detail).toBe(told);
    expect(lines.at(-1)).toMatch(/^POST \/collection\/v1\/orgs\/[\w-]+\/invoices 422 [\d.]+ ms: /);
    expect(lines.at(-1)!.endsWith(`: ${told}`)).toBe(true);
    // errors keeps its shape: messages by field.
    expect(sent.body.errors).toEqual({
      'invoices[0].debtors': ['is required'],
      'invoices[0].debtor': ['is not a known property; did you mean debtors?'],
    });

    // More than a few: the first three, and a count of the rest.
    const many = await call('POST', '{org}/invoices', {
      invoices: [{ ...withoutDebtors, debtor: debtors, currency: 7, vat: 'no', fees: 'yes' }],
    });
    expect(Object.keys(many.body.errors)).toHaveLength(5);
    expect(many.body.detail).toBe(
      'The request body is not valid: invoices[0].debtors is required; invoices[0].vat must be boolean; invoices[0].fees must be boolean; and 2 more in errors.',
    );
    expect(lines.at(-1)!.endsWith(`: ${many.body.detail}`)).toBe(true);

    // Long messages are not all told: the detail stays short, errors has them.
    const long = 'x'.repeat(180);
    const names = await call('POST', '{org}/invoices', {
      invoices: [newInvoice({ [`${long}1`]: 1, [`${long}2`]: 1, [`${long}3`]: 1 })],
    });
    expect(Object.keys(names.body.errors)).toHaveLength(3);
    expect(names.body.detail).toBe(
      `The request body is not valid: invoices[0].${long}1 is not a known property; and 2 more in errors.`,
    );
  });
});

describe('the control API', () => {
  it('lists its endpoints and where the sandbox serves what, and refuses unknown paths and methods, naming those it takes', async () => {
    const { sandbox } = await open();
    const listing = await (await fetch(`${sandbox.controlUrl}/`)).json();
    expect(listing).toMatchObject({
      api: sandbox.baseUrl,
      tokenUrl: sandbox.tokenUrl,
      organizationId: sandbox.organizationId,
    });
    expect(listing.endpoints).toContainEqual(
      expect.objectContaining({ method: 'POST', path: '/_sandbox/invoices/{invoiceId}/collect' }),
    );
    const method = await fetch(`${sandbox.controlUrl}/reset`);
    expect(method.status).toBe(405);
    // RFC 9110 §15.5.6: a 405 lists the methods the resource takes, as the API's do.
    expect(method.headers.get('allow')).toBe('POST');
    expect((await fetch(`${sandbox.controlUrl}/nothing`)).status).toBe(404);
  });
});
