// @ts-check
// Walks N invoices with plain fetch (the floor for paginate's memory) and prints its
// peak memory and, after a full GC, what it still holds.
const [origin, total] = [process.argv[2], Number(process.argv[3])];
/** @type {string | null} */
let token = null;
let count = 0;
do {
  /** @type {string} */
  const url = `${origin}/collection/v1/orgs/org-1/invoices?total=${total}${token ? `&PageToken=${token}` : ''}`;
  /** @type {{ data: { id?: string }[], summary: { nextPageToken: string | null } }} */
  const body = await (await fetch(url, { headers: { Authorization: 'Bearer bench-token' } })).json();
  for (const item of body.data) if (item.id) count++;
  token = body.summary.nextPageToken;
} while (token);
globalThis.gc?.();
console.log(
  JSON.stringify({
    count,
    maxRssKb: process.resourceUsage().maxRSS,
    heapAfterGcKb: process.memoryUsage().heapUsed / 1024,
  }),
);
