// Tests run on vitest's fake clock (setTimeout, clearTimeout, Date) while sockets stay
// real: these let real I/O run, and move the fake clock on only while something waits.
import { vi } from 'vitest';

export function useFakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

const ioTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Lets I/O run, and moves the fake clock on by `stepMs` at a time (none when 0), until `done()` holds. */
export async function until(done: () => boolean, stepMs = 0, what = 'the condition') {
  for (let turn = 0; !done(); turn++) {
    if (turn > 20_000) throw new Error(`Still waiting for ${what}.`);
    for (let io = 0; io < 5 && !done(); io++) await ioTurn();
    if (stepMs > 0 && !done()) await vi.advanceTimersByTimeAsync(stepMs);
  }
}

/** Settles a call that waits on the clock, moving it on 10 ms at a time. */
export async function settle<T>(call: Promise<T>): Promise<T> {
  let settled = false;
  const outcome = call.finally(() => {
    settled = true;
  });
  outcome.catch(() => undefined);
  await until(() => settled, 10, 'the call to settle');
  return outcome;
}
