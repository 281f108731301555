// Logging: a line per attempt at 'debug'; retries, token fetches, 401 replays and create
// look-ups at 'info'; the level from the option, else AUTOCOLLECT_LOG, else 'warn'; and
// never a token, a secret, an Authorization header or a body.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAutoCollectClient, type Logger, unwrap } from '../src/index.js';
import { runClock } from './support/clock.js';
import { invoiceId, organizationId } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/server.js';
import { specExample } from './support/spec.js';

const CLIENT_SECRET = 'client-secret-for-the-log-9Xw';
const invoice = specExample('InvoicePaymentReminderOpen');
const newInvoices = {
  invoices: [
    {
      invoiceNumber: 'INVOICE-NUMBER-IN-BODY',
      originalInvoiceAmount: 10,
      currency: 'NOK',
      invoiceDate: '2025-03-01',
      dueDate: '2025-03-15',
      debtors: [{ firstname: 'Kari', lastname: 'Nordmann' }],
    },
  ],
};

let server: TestServer | undefined;
afterEach(async () => {
  delete process.env.AUTOCOLLECT_LOG;
});

/** A logger that keeps every line with its level. */
function capture() {
  const lines: { level: string; line: string }[] = [];
  const logger = Object.fromEntries(
    (['error', 'warn', 'info', 'debug'] as const).map((level) => [
      level,
      (...args: unknown[]) => lines.push({ level, line: args.map(String).join(' ') }),
    ]),
  ) as unknown as Logger;
  return { logger, lines, text: () => lines.map(({ level, line }) => `${level} ${line}`).join('\n') };
}

/**
 * Amili's token endpoint and API in one server: the first API request gets 401 (the token
 * "expired early"), GetInvoiceById then 503 with Retry-After before 200; a create gets 503
 * once, though it made its batch, which the look-up finds.
 */
async function unsteadyApi() {
  let tokens = 0;
  let invoiceCalls = 0;
  const batches = new Map<string, string>();
  // The first token is revoked a minute in (the fake clock's), as if it expired early.
  const revokedAt = Date.now() + 60_000;
  server = await startServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname === '/token') {
      return sendJson(response, 200, {
        access_token: `secret-token-${++tokens}`,
        token_type: 'Bearer',
        expires_in: 3600,
      });
    }
    if (request.headers.authorization === 'Bearer secret-token-1' && Date.now() >= revokedAt) {
      return response.writeHead(401, { 'content-type': 'application/problem+json' }).end('{"status":401}');
    }
    if (request.method === 'GET' && url.pathname.endsWith(`/invoices/${invoiceId}`)) {
      if (++invoiceCalls === 1) return response.writeHead(503, { 'retry-after': '2' }).end();
      return response
        .writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-42' })
        .end(JSON.stringify(invoice));
    }
    if (request.method === 'GET') {
      const key = url.searchParams.get('IdempotencyKey') ?? '';
      const data = batches.has(key)
        ? [{ batchId: batches.get(key), type: 'INVOICE', status: 'QUEUED', organizationId }]
        : [];
      return sendJson(response, 200, { summary: { status: 'SUCCESS' }, data });
    }
    batches.set(String(request.headers.idempotencykey), '00000000-0000-4000-8000-000000000001');
    response.writeHead(503).end();
  });
  return server.origin;
}

const client = (origin: string, options: object) =>
  createAutoCollectClient({
    baseUrl: `${origin}/collection/v1`,
    auth: { clientId: 'client-1', clientSecret: CLIENT_SECRET },
    ...options,
  });

describe('logging', () => {
  it("at 'debug', says each attempt, and what a retry, a token fetch, a 401 replay and a create's look-up did and why", async () => {
    const origin = await unsteadyApi();
    const { logger, lines, text } = capture();
    const api = client(origin, { logger, logLevel: 'debug' });
    await runClock(api.GET('/orgs/{organizationId}/batches', { params: { path: { organizationId } } }));
    vi.advanceTimersByTime(60_000);
    const got = unwrap(
      await runClock(
        api.GET('/orgs/{organizationId}/invoices/{invoiceId}', { params: { path: { organizationId, invoiceId } } }),
      ),
    );
    expect(got.data.id).toBe(invoice.data.id);
    const made = unwrap(
      await runClock(
        api.POST('/orgs/{organizationId}/invoices', { params: { path: { organizationId } }, body: newInvoices }),
      ),
    );
    expect(made.data.batchId).toBe('00000000-0000-4000-8000-000000000001');

    const get = 'GET /orgs/{organizationId}/invoices/{invoiceId} GetInvoiceById';
    const post = 'POST /orgs/{organizationId}/invoices CreateInvoices';
    const expected = [
      /^debug \[autocollect\] POST \/token RequestAccessToken → 200 in \d+ ms \(attempt 1\)$/,
      /^info \[autocollect\] Fetched an access token from http:\/\/127\.0\.0\.1:\d+\/token \(none yet\); it is valid for 3600 s\.$/,
      /^debug \[autocollect\] GET \/orgs\/\{organizationId\}\/batches GetBatchesByOrganization → 200 in \d+ ms \(attempt 1\)$/,
      new RegExp(`^debug \\[autocollect\\] ${literally(get)} → 401 in \\d+ ms \\(attempt 1\\)$`),
      new RegExp(
        `^info \\[autocollect\\] ${literally(get)} answered 401: the token may have expired early; sending it once more with a new one\\.$`,
      ),
      /^debug \[autocollect\] POST \/token RequestAccessToken → 200/,
      /^info \[autocollect\] Fetched an access token .* \(the API refused the last one\)/,
      new RegExp(`^debug \\[autocollect\\] ${literally(get)} → 503 in \\d+ ms \\(attempt 2\\)$`),
      new RegExp(
        `^info \\[autocollect\\] ${literally(get)} answered 503; retrying in 2000 ms, as Retry-After asks \\(retry 1 of 2\\)\\.$`,
      ),
      new RegExp(`^debug \\[autocollect\\] ${literally(get)} → 200 in \\d+ ms \\(attempt 3, request id req-42\\)$`),
      new RegExp(`^debug \\[autocollect\\] ${literally(post)} → 503 in \\d+ ms \\(attempt 1\\)$`),
      new RegExp(`^info \\[autocollect\\] ${literally(post)} answered 503; retrying in \\d+ ms \\(retry 1 of 2\\)\\.$`),
      /^debug \[autocollect\] GET \/orgs\/\{organizationId\}\/batches GetBatchesByOrganization → 200/,
      new RegExp(
        `^info \\[autocollect\\] ${literally(post)} answered 503, yet its batch exists: answering with that batch instead of sending it again\\.$`,
      ),
    ];
    expect(lines.map(({ level, line }) => `${level} ${line}`)).toEqual(
      expected.map((pattern) => expect.stringMatching(pattern)),
    );
    for (const secret of [CLIENT_SECRET, 'secret-token-', 'Bearer', 'uthorization', 'INVOICE-NUMBER-IN-BODY']) {
      expect(text()).not.toContain(secret);
    }
  });

  it("logs nothing below 'warn' by default, and takes its level from AUTOCOLLECT_LOG unless the option says otherwise", async () => {
    const origin = await unsteadyApi();
    const call = (options: object) =>
      runClock(
        client(origin, options).GET('/orgs/{organizationId}/invoices/{invoiceId}', {
          params: { path: { organizationId, invoiceId } },
        }),
      );
    const quiet = capture();
    await call({ logger: quiet.logger });
    expect(quiet.lines).toEqual([]);

    process.env.AUTOCOLLECT_LOG = 'info';
    const fromEnvironment = capture();
    await call({ logger: fromEnvironment.logger });
    expect(new Set(fromEnvironment.lines.map(({ level }) => level))).toEqual(new Set(['info']));
    const overridden = capture();
    await call({ logger: overridden.logger, logLevel: 'off' });
    expect(overridden.lines).toEqual([]);

    process.env.AUTOCOLLECT_LOG = 'verbose';
    const misspelt = capture();
    await call({ logger: misspelt.logger });
    expect(misspelt.lines).toEqual([
      {
        level: 'warn',
        line: '[autocollect] AUTOCOLLECT_LOG is "verbose", which is not a level (off, error, warn, info, debug); logging at \'warn\'.',
      },
    ]);
  });

  it('refuses a logLevel or a logger it cannot use, at construction', () => {
    const auth = { accessToken: 'token' };
    // @ts-expect-error not a level
    expect(() => createAutoCollectClient({ auth, logLevel: 'verbose' })).toThrow(
      /logLevel must be one of off, error, warn, info, debug; got "verbose"/,
    );
    // @ts-expect-error not console-shaped
    expect(() => createAutoCollectClient({ auth, logger: { log: () => undefined } })).toThrow(
      /logger must have the methods of console/,
    );
  });
});

function literally(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
