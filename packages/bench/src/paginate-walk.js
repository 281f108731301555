// @ts-check
// Walks N invoices with client.paginate and prints the peak memory of this process and,
// after a full GC, what it still holds.
// Run as its own process so each walk's peak RSS is its own.
import { createAutoCollectClient } from '@autocollect/client';

const [origin, total] = [process.argv[2], Number(process.argv[3])];
const client = createAutoCollectClient({ baseUrl: `${origin}/collection/v1`, auth: { accessToken: 'bench-token' } });
let count = 0;
for await (const invoice of client.paginate('/orgs/{organizationId}/invoices', {
  // `total` is the bench server's own parameter: how many invoices the list has.
  params: { path: { organizationId: 'org-1' }, query: /** @type {any} */ ({ total }) },
})) {
  if (invoice.id) count++;
}
globalThis.gc?.();
console.log(
  JSON.stringify({
    count,
    maxRssKb: process.resourceUsage().maxRSS,
    heapAfterGcKb: process.memoryUsage().heapUsed / 1024,
  }),
);
