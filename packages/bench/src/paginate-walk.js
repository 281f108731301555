// Walks N invoices with client.paginate and prints the peak memory of this process and,
// after a full GC, what it still holds.
// Run as its own process so each walk's peak RSS is its own.
import { createAutoCollectClient } from '@autocollect/client';

const [origin, total] = [process.argv[2], Number(process.argv[3])];
const client = createAutoCollectClient({ baseUrl: `${origin}/collection/v1`, auth: { accessToken: 'bench-token' } });
let count = 0;
for await (const invoice of client.paginate('/orgs/{organizationId}/invoices', {
  params: { path: { organizationId: 'org-1' }, query: { total } },
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
