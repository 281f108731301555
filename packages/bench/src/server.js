// @ts-check
// The API the request benchmarks call: GetInvoiceById with the spec's own example,
// and a list of invoices for the pagination memory test. Runs in its own process
// (one core for the server, one for the client) and prints its port.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const spec = JSON.parse(readFileSync(require.resolve('@autocollect/spec/openapi.json'), 'utf8'));
const invoice = Buffer.from(JSON.stringify(spec.components.examples.InvoicePaymentReminderOpen.value));
const PAGE_SIZE = 100;

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname.endsWith('/invoices')) {
    // /invoices?total=N: N small invoices, PAGE_SIZE a page.
    const total = Number(url.searchParams.get('total') ?? 1000);
    const start = Number(url.searchParams.get('PageToken') ?? 0);
    const end = Math.min(start + PAGE_SIZE, total);
    const data = Array.from({ length: end - start }, (_, i) => ({
      id: `invoice-${start + i}`,
      invoiceNumber: String(start + i),
      status: 'OPEN',
      remainingAmount: 4500,
    }));
    const body = JSON.stringify({
      summary: { status: 'SUCCESS', nextPageToken: end < total ? String(end) : null },
      data,
    });
    response
      .writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      .end(body);
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': invoice.byteLength }).end(invoice);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(/** @type {import('node:net').AddressInfo} */ (server.address()).port));
