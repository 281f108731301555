// @ts-check
// Memory while paginate walks 100,000 items, against 1,000; plain fetch walking the same
// pages is the floor. Each walk is its own process: its peak RSS, and its heap after GC.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from './support.js';

export async function paginationMemory() {
  const server = await startServer();
  try {
    const walk = (/** @type {string} */ script, /** @type {number} */ total) => {
      const output = execFileSync(
        process.execPath,
        ['--expose-gc', fileURLToPath(new URL(script, import.meta.url)), server.origin, String(total)],
        { encoding: 'utf8' },
      );
      const { count, maxRssKb, heapAfterGcKb } = JSON.parse(output);
      if (count !== total) throw new Error(`${script} walked ${count} of ${total} items`);
      return { peakRssMb: maxRssKb / 1024, heapAfterGcMb: heapAfterGcKb / 1024 };
    };
    /** @type {Record<string, unknown>} */
    const result = {};
    for (const [label, script] of [
      ['client.paginate', './paginate-walk.js'],
      ['plain fetch', './fetch-walk.js'],
    ]) {
      const [small, large] = [walk(script, 1_000), walk(script, 100_000)];
      result[label] = {
        small,
        large,
        peakRssGrowthMb: large.peakRssMb - small.peakRssMb,
        retainedGrowthMb: large.heapAfterGcMb - small.heapAfterGcMb,
      };
    }
    return result;
  } finally {
    server.stop();
  }
}
