import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/index.js';
import { organizationId, testClient } from './support/fixtures.js';
import { sendJson, startServer, type TestServer } from './support/server.js';

let server: TestServer | undefined;

/** A list endpoint over `total` numbered items, `pageSize` a page, with opaque cursors. */
async function listServer(
  total: number,
  pageSize: number,
  options: { tokenParameter?: string; failAtPage?: number } = {},
) {
  const tokenParameter = options.tokenParameter ?? 'PageToken';
  server = await startServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const token = url.searchParams.get(tokenParameter);
    const start = token ? Number(Buffer.from(token, 'base64url').toString()) : 0;
    if (options.failAtPage !== undefined && start / pageSize === options.failAtPage) {
      return response
        .writeHead(400, { 'content-type': 'application/problem+json' })
        .end('{"title":"Bad Request","status":400,"detail":"The page token has expired."}');
    }
    const end = Math.min(start + pageSize, total);
    const data = Array.from({ length: end - start }, (_, i) => ({ invoiceNumber: String(start + i) }));
    const nextPageToken = end < total ? Buffer.from(String(end)).toString('base64url') : null;
    sendJson(response, 200, { summary: { status: 'SUCCESS', nextPageToken }, data });
  });
  return server;
}

describe('paginate', () => {
  it('walks 3 pages, yielding every item once, in order', async () => {
    const { origin, requests } = await listServer(7, 3);
    const numbers: string[] = [];
    for await (const invoice of testClient(origin).paginate('/orgs/{organizationId}/invoices', {
      params: { path: { organizationId }, query: { Status: 'OPEN' } },
    })) {
      numbers.push(invoice.invoiceNumber!);
    }
    expect(numbers).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(requests).toHaveLength(3);
    const queries = requests.map((r) => new URL(r.url, 'http://localhost').searchParams);
    expect(queries.map((q) => q.get('PageToken'))).toEqual([null, 'Mw', 'Ng']);
    expect(queries.every((q) => q.get('Status') === 'OPEN')).toBe(true);
  });

  it('walks 10,000 items page after page', async () => {
    const { origin, requests } = await listServer(10_000, 250);
    let expected = 0;
    for await (const invoice of testClient(origin).paginate('/orgs/{organizationId}/invoices', {
      params: { path: { organizationId } },
    })) {
      expect(invoice.invoiceNumber).toBe(String(expected++));
    }
    expect(expected).toBe(10_000);
    expect(requests).toHaveLength(40);
  });

  it("fetches a page only when the previous one's items have been taken", async () => {
    const { origin, requests } = await listServer(10, 2);
    const iterator = testClient(origin).paginate('/orgs/{organizationId}/invoices', {
      params: { path: { organizationId } },
    });
    await iterator.next();
    await iterator.next();
    expect(requests).toHaveLength(1);
    await iterator.next();
    expect(requests).toHaveLength(2);
    await iterator.return(undefined);
  });

  it("uses the operation's own token parameter (camelCase on settlements)", async () => {
    const { origin, requests } = await listServer(5, 2, { tokenParameter: 'pageToken' });
    let count = 0;
    for await (const _settlement of testClient(origin).paginate('/orgs/{organizationId}/settlements', {
      params: { path: { organizationId } },
    }))
      count++;
    expect(count).toBe(5);
    expect(requests.map((r) => new URL(r.url, 'http://localhost').searchParams.get('pageToken'))).toEqual([
      null,
      'Mg',
      'NA',
    ]);
  });

  it('throws ApiError when a page fails, after yielding the pages before it', async () => {
    const { origin } = await listServer(10, 3, { failAtPage: 2 });
    const seen: string[] = [];
    const walk = async () => {
      for await (const invoice of testClient(origin).paginate('/orgs/{organizationId}/invoices', {
        params: { path: { organizationId } },
      })) {
        seen.push(invoice.invoiceNumber!);
      }
    };
    const error = await walk().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, operationId: 'GetInvoicesByOrganization' });
    expect(seen).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('stops with ApiError when the API repeats a page token', async () => {
    server = await startServer((_request, response) =>
      sendJson(response, 200, { summary: { nextPageToken: 'same' }, data: [{}] }),
    );
    const walk = async () => {
      for await (const _ of testClient(server!.origin).paginate('/orgs/{organizationId}/batches', {
        params: { path: { organizationId } },
      }));
    };
    await expect(walk()).rejects.toThrow(/PageToken "same" again, which would loop forever/);
    expect(server.requests).toHaveLength(2);
  });

  it('stops with ApiError after 20 empty pages in a row that each name a new one, which yield nothing to stop on', async () => {
    let pages = 0;
    server = await startServer((_request, response) =>
      sendJson(response, 200, { summary: { nextPageToken: `t${++pages}` }, data: [] }),
    );
    const walk = async () => {
      for await (const _ of testClient(server!.origin).paginate('/orgs/{organizationId}/batches', {
        params: { path: { organizationId } },
      }));
    };
    const error = await walk().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(/20 pages in a row were empty yet named a next page/);
    expect(server.requests).toHaveLength(20);
  });

  it('walks on past fewer empty pages than that, and past any number that are not in a row', async () => {
    // 19 empty pages, an item, 19 empty pages, an item, the end.
    server = await startServer((request, response) => {
      const page = Number(new URL(request.url, 'http://localhost').searchParams.get('PageToken') ?? 0);
      const data = page % 20 === 19 ? [{ batchId: String(page) }] : [];
      sendJson(response, 200, { summary: { nextPageToken: page < 39 ? String(page + 1) : null }, data });
    });
    const seen: string[] = [];
    for await (const batch of testClient(server.origin).paginate('/orgs/{organizationId}/batches', {
      params: { path: { organizationId } },
    }))
      seen.push(String(batch.batchId));
    expect(seen).toEqual(['19', '39']);
  });

  it('stops with ApiError on a token cycle of any length (A, B, C, A)', async () => {
    const next: Record<string, string> = { '': 'A', A: 'B', B: 'C', C: 'A' };
    server = await startServer((request, response) => {
      const token = new URL(request.url, 'http://localhost').searchParams.get('PageToken') ?? '';
      sendJson(response, 200, { summary: { nextPageToken: next[token] }, data: [{ batchId: token }] });
    });
    const seen: string[] = [];
    const walk = async () => {
      for await (const batch of testClient(server!.origin).paginate('/orgs/{organizationId}/batches', {
        params: { path: { organizationId } },
      }))
        seen.push(String(batch.batchId));
    };
    const error = await walk().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toMatch(/PageToken "A" again/);
    expect(seen).toEqual(['', 'A', 'B', 'C']);
    expect(server.requests).toHaveLength(4);
  });

  it("counts the caller's own starting token as followed: a page is never yielded twice", async () => {
    server = await startServer((request, response) => {
      const token = new URL(request.url, 'http://localhost').searchParams.get('PageToken');
      sendJson(response, 200, { summary: { nextPageToken: token === 'A' ? 'B' : 'A' }, data: [{ batchId: token }] });
    });
    const seen: string[] = [];
    const walk = async () => {
      for await (const batch of testClient(server!.origin).paginate('/orgs/{organizationId}/batches', {
        params: { path: { organizationId }, query: { PageToken: 'A' } },
      }))
        seen.push(String(batch.batchId));
    };
    await expect(walk()).rejects.toThrow(/PageToken "A" again/);
    expect(seen).toEqual(['A', 'B']);
  });

  it('stops with ApiError on a next token that is not a string, which could be neither sent nor told from the last', async () => {
    for (const nextPageToken of [['A'], { a: 1 }, 7]) {
      server = await startServer((_request, response) =>
        sendJson(response, 200, { summary: { nextPageToken }, data: [{}] }),
      );
      const walk = async () => {
        for await (const _ of testClient(server!.origin).paginate('/orgs/{organizationId}/batches', {
          params: { path: { organizationId } },
        }));
      };
      const error = await walk().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as Error).message).toMatch(/the page's \/summary\/nextPageToken is (object|number), not a string/);
      expect(server.requests).toHaveLength(1);
      await server.close();
    }
    server = undefined;
  });

  it('refuses a path that does not page', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, {}));
    const client = testClient(server.origin);
    // @ts-expect-error GetInvoiceById is not a list operation
    const iterator = client.paginate('/orgs/{organizationId}/invoices/{invoiceId}', {
      params: { path: { organizationId, invoiceId: 'x' } },
    });
    await expect(iterator.next()).rejects.toThrow(/not a list operation/);
  });
});
