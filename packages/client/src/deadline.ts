// A signal that aborts when the caller's does, or when time is up.
//
// Not AbortSignal.any: on Node 20 its combined signal is only weakly held, and can be
// garbage-collected while a fetch waits on it, so the abort never arrives. Here the
// timer holds the controller, and the controller's signal is what fetch gets.

/** The longest delay a timer takes (2^31 - 1 ms, about 24.8 days): a longer one fires at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/** Refuses a number of milliseconds no timer can wait, rather than time out at once. */
export function assertTimerDelay(caller: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MS) {
    throw new TypeError(
      `${caller}: ${name} must be a positive number of milliseconds, at most ${MAX_TIMER_MS} (about 24.8 days, the longest a timer waits); got ${JSON.stringify(value)}.`,
    );
  }
}

export interface Deadline {
  /** Aborts when the caller's signal does, or when time is up. */
  signal: AbortSignal;
  /**
   * Keeps Requests whose signals follow this one alive while it may still abort them. A
   * Request follows a signal through a weak reference (undici's, and fetch's own copy of a
   * Request follows the Request's): one collected mid-flight takes the abort with it, and its
   * connection then waits for undici's own 300 s timeout.
   */
  hold(...requests: Request[]): void;
  /** Stops the timer and lets go of the caller's signal and of what it held. */
  clear(): void;
}

/** A controller of its own that aborts when `parent` does, until released (which removes its listener). */
export function followSignal(parent: AbortSignal | null | undefined): { controller: AbortController; release(): void } {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  return { controller, release: () => parent?.removeEventListener('abort', onParentAbort) };
}

export function deadline(parent: AbortSignal | null | undefined, ms: number, reason: () => unknown): Deadline {
  const { controller, release } = followSignal(parent);
  const held = new Set<Request>();
  const timer = setTimeout(() => {
    controller.abort(reason());
    held.clear();
  }, ms);
  // Never keep a process alive just to time out a request that already finished.
  (timer as { unref?: () => void }).unref?.();
  return {
    signal: controller.signal,
    hold: (...requests) => {
      for (const request of requests) held.add(request);
    },
    clear() {
      clearTimeout(timer);
      held.clear();
      release();
    },
  };
}
