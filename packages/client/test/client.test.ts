import { describe, expect, it } from 'vitest';
import { ApiError, createAutoCollectClient, servers } from '../src/index.js';
import { unwrapFailure } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/server.js';
import { specExample } from './support/spec.js';

const organizationId = '0d87bfbd-f478-451c-aa73-91c208ce3e09';
const invoiceId = '7073c4a6-24b4-4059-9653-58cb3a64e377';

let server: TestServer | undefined;

describe('createAutoCollectClient', () => {
  it('sends a typed GetInvoiceById request and returns the parsed body', async () => {
    const invoice = specExample('InvoicePaymentReminderOpen');
    server = await startServer((_request, response) => sendJson(response, 200, invoice));
    const client = createAutoCollectClient({
      baseUrl: `${server.origin}/collection/v1`,
      auth: { accessToken: 'token-for-tests' },
    });

    const { data, error, response } = await client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
      params: { path: { organizationId, invoiceId } },
    });

    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(invoice);
    // The generated types reach the caller: this line only compiles if `data` is the invoice envelope.
    expect(data?.data.ocrReferenceNumber).toBe(invoice.data.ocrReferenceNumber);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe(`/collection/v1/orgs/${organizationId}/invoices/${invoiceId}`);
    expect(request?.headers.authorization).toBe('Bearer token-for-tests');
  });

  it('asks a token function for the current token on every request', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, specExample('InvoiceBatchSucceeded')));
    let calls = 0;
    const client = createAutoCollectClient({
      baseUrl: server.origin,
      auth: { accessToken: async () => `token-${++calls}` },
    });
    const path = { organizationId, batchId: 'ae257e86-dc53-4865-9c97-5b125a3a5ac2' };
    await client.GET('/orgs/{organizationId}/batches/{batchId}', { params: { path } });
    await client.GET('/orgs/{organizationId}/batches/{batchId}', { params: { path } });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('sends the extra headers given at construction', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, specExample('InvoiceBatchSucceeded')));
    const client = createAutoCollectClient({
      baseUrl: server.origin,
      auth: { accessToken: 'token-for-tests' },
      headers: { 'X-Integration': 'erp-connector/1.4' },
    });
    await client.GET('/orgs/{organizationId}/batches/{batchId}', {
      params: { path: { organizationId, batchId: 'ae257e86-dc53-4865-9c97-5b125a3a5ac2' } },
    });
    expect(server.requests[0]?.headers['x-integration']).toBe('erp-connector/1.4');
  });

  it('returns the typed error body of a failed request', async () => {
    const problem = { title: 'Not Found', status: 404, detail: `Invoice ${invoiceId} was not found.` };
    server = await startServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify(problem));
    });
    const client = createAutoCollectClient({ baseUrl: server.origin, auth: { accessToken: 'token-for-tests' } });
    const { data, error, response } = await client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
      params: { path: { organizationId, invoiceId } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual(problem);
  });

  it("puts a validation problem's messages in the ApiError's message, those its detail does not already give", async () => {
    // ASP.NET Core's validation problem: messages by field, under a detail that only points to them.
    const problem = {
      title: 'One or more validation errors occurred.',
      status: 422,
      detail: 'Please refer to the errors property for additional details.',
      errors: {
        'invoices[0].debtors': ['is required'],
        'invoices[0].debtor': ['is not a known property; did you mean debtors?'],
        'invoices[0].currency': ['must be one of NOK, SEK', 'must be 3 letters'],
        'invoices[0].dueDate': ['must be a date'],
        'invoices[0].vat': ['must be a boolean'],
      },
    };
    server = await startServer((_request, response) => {
      response.writeHead(422, { 'content-type': 'application/problem+json' }).end(JSON.stringify(problem));
    });
    const client = createAutoCollectClient({ baseUrl: server.origin, auth: { accessToken: 'token-for-tests' } });
    const result = await client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
      params: { path: { organizationId, invoiceId } },
    });
    const error = unwrapFailure(result);
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.message).toBe(
      `GET /orgs/{organizationId}/invoices/{invoiceId} (GetInvoiceById) failed with 422: ${problem.detail} ` +
        'invoices[0].debtors: is required; invoices[0].debtor: is not a known property; did you mean debtors?; ' +
        'invoices[0].currency: must be one of NOK, SEK; and 3 more in its body.errors',
    );
    // One the detail already says is not said twice; the body keeps them all.
    const said = new ApiError({ ...error!, body: { ...problem, detail: 'invoices[0].vat: must be a boolean' } });
    expect(said.message.match(/must be a boolean/g)).toHaveLength(1);
    // Nor those a detail gives as the sandbox's does, its first few in words (`field message`).
    const told = new ApiError({
      ...error!,
      body: {
        ...problem,
        detail:
          'The request body is not valid: invoices[0].debtors is required; invoices[0].debtor is not a known property; did you mean debtors?; invoices[0].currency must be one of NOK, SEK; and 2 more in errors.',
      },
    });
    expect(told.message).toMatch(
      /and 2 more in errors\. invoices\[0\]\.currency: must be 3 letters; invoices\[0\]\.dueDate: must be a date; invoices\[0\]\.vat: must be a boolean$/,
    );
    expect(told.message.match(/is required|did you mean debtors|one of NOK, SEK/g)).toHaveLength(3);
    expect(error?.body).toEqual(problem);
  });

  it('defaults to the production server from the spec', () => {
    expect(servers.production).toBe('https://api.amili.no/collection/v1');
    expect(servers.staging).toBe('https://api.staging.amili.no/collection/v1');
  });

  it('refuses bad options at construction, saying what to pass', () => {
    // @ts-expect-error auth is required
    expect(() => createAutoCollectClient({})).toThrow(/"auth" option is missing/);
    expect(() => createAutoCollectClient({ auth: { accessToken: '' } })).toThrow(/non-empty string or a function/);
    expect(() => createAutoCollectClient({ baseUrl: 'api.amili.no', auth: { accessToken: 't' } })).toThrow(
      /baseUrl must be an absolute URL/,
    );
  });

  it('takes a setting left undefined as its default, in retry as elsewhere', () => {
    const auth = { accessToken: 't' };
    expect(() =>
      createAutoCollectClient({
        auth,
        retry: { maxRetries: undefined, retryCreates: undefined },
        timeoutMs: undefined,
      }),
    ).not.toThrow();
  });

  it('refuses headers that are not an object of names and values a header can carry, naming the header but never its value', () => {
    const auth = { accessToken: 't' };
    const make = (headers: unknown) => () =>
      createAutoCollectClient({ auth, headers: headers as Record<string, string> });
    expect(make('X-Trace: 1')).toThrow(/headers must be an object of names and values/);
    expect(make([['X-Trace', '1']])).toThrow(/headers must be an object of names and values/);
    expect(make({ 'X-Api-Key': 'secret-value\nsmuggled' })).toThrow(
      'headers["X-Api-Key"] must be a string a header can carry',
    );
    expect(make({ 'X-Api-Key': 'secret-value\nsmuggled' })).not.toThrow(/secret-value/);
    expect(make({ 'X-Count': 1 })).toThrow(/headers\["X-Count"\] must be a string/);
    expect(make({ 'X-Trace': 'on' })).not.toThrow();
  });

  it('never puts the token in a construction error', () => {
    const secret = 'super-secret-token-value';
    let message = '';
    try {
      createAutoCollectClient({ baseUrl: 'not a url', auth: { accessToken: secret } });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/baseUrl/);
    expect(message).not.toContain(secret);
  });

  it('refuses, before sending anything, what would change the URL or send the token in the clear', async () => {
    server = await startServer((_request, response) =>
      sendJson(response, 200, specExample('InvoicePaymentReminderOpen')),
    );
    const client = createAutoCollectClient({
      baseUrl: `${server.origin}/collection/v1`,
      auth: { accessToken: 'token-for-tests' },
    });
    for (const bad of ['..', '.', '']) {
      await expect(
        client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
          params: { path: { organizationId, invoiceId: bad } },
        }),
      ).rejects.toThrow(/path parameter invoiceId is .*, which would change the path/);
    }
    await expect(
      client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
        params: { path: { organizationId, invoiceId } },
        baseUrl: 'http://api.example.com/collection/v1',
      }),
    ).rejects.toThrow(/baseUrl must use https/);
    // A user name and password in the URL, which fetch refuses, are refused without repeating the password.
    const withPassword = client.GET('/orgs/{organizationId}/invoices/{invoiceId}', {
      params: { path: { organizationId, invoiceId } },
      baseUrl: `${server.origin.replace('//', '//user:hunter2@')}/collection/v1`,
    });
    await expect(withPassword).rejects.toThrow(
      `baseUrl must not hold a user name or password (fetch refuses them); authenticate with the auth option. Got ${server.origin}.`,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a timeout longer than a timer can wait', () => {
    const auth = { accessToken: 'token-for-tests' };
    expect(() => createAutoCollectClient({ auth, timeoutMs: 2 ** 31 })).toThrow(
      /timeoutMs must be .* at most 2147483647/,
    );
    expect(() => createAutoCollectClient({ auth, timeoutMs: 2 ** 31 - 1 })).not.toThrow();
  });
});
