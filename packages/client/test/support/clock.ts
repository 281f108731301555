// Every client test runs on a fake clock: setTimeout, clearTimeout and Date are
// vitest's fakes, while sockets, the test servers and setImmediate stay real. A
// call that only does I/O settles as usual; one that waits (a backoff, Retry-After,
// a timeout, a poll interval) waits until the test moves the clock on.
import { vi } from 'vitest';

export function useFakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

/** One real turn of the event loop: what the sockets have ready is read. */
const ioTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How far the fake clock moves at a time, and how many I/O turns run in between. */
const STEP_MS = 10;
const TURNS_PER_STEP = 3;

/**
 * Settles a call that waits on the clock: lets ready I/O run, then moves the fake clock
 * on by 10 ms, and again, until the call settles. Resolves or rejects as the call does.
 * Fake time passes only by these steps, so a measured wait is exact to a few steps.
 */
export async function runClock<T>(call: Promise<T>, limitMs = 60 * 60_000): Promise<T> {
  let settled = false;
  const outcome = call.finally(() => {
    settled = true;
  });
  outcome.catch(() => undefined); // rejections are the caller's, through the returned promise
  for (let elapsed = 0; !settled; elapsed += STEP_MS) {
    if (elapsed > limitMs) throw new Error(`The call had not settled after ${limitMs} ms of fake time.`);
    for (let turn = 0; turn < TURNS_PER_STEP && !settled; turn++) await ioTurn();
    if (!settled) await vi.advanceTimersByTimeAsync(STEP_MS);
  }
  return outcome;
}

/** Lets real I/O run, without moving the fake clock, until `condition()` holds. */
export async function until(condition: () => boolean, what: string, turns = 100_000): Promise<void> {
  for (let turn = 0; !condition(); turn++) {
    if (turn > turns) throw new Error(`Still waiting for ${what} after ${turns} event-loop turns.`);
    await ioTurn();
  }
}

/** The error a call rejects with, after running the clock for it. */
export async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return runClock(call).then(
    (value) => new Error(`expected a failure, got ${JSON.stringify(value)?.slice(0, 200)}`),
    (error: unknown) => error,
  );
}
