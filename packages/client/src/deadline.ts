// A signal that aborts when the caller's does, or when time is up.
//
// Not AbortSignal.any: on Node 20 its combined signal is only weakly held, and can be
// garbage-collected while a fetch waits on it, so the abort never arrives. Here the
// timer holds the controller, and the controller's signal is what fetch gets.

import { onAbort } from './on-abort.js';

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

/**
 * A signal that aborts when the caller's does, or once its timer runs out. The timer starts
 * at `start`: a call's first attempt is made ready before its Request, and timed from its send.
 */
export class Deadline {
  readonly #controller = new AbortController();
  /** Stops following the caller's signal. */
  readonly #unfollow: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Rejects the race under way, if any. */
  #rejectRace: ((reason: unknown) => void) | undefined;
  /**
   * The Request whose signal follows this one, kept alive while it may still abort it. A
   * Request follows a signal through a weak reference (undici's, and fetch's own copy of a
   * Request follows the Request's): one collected mid-flight takes the abort with it, and its
   * connection then waits for undici's own 300 s timeout.
   */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: never read, it only keeps the Request reachable.
  #held: Request | undefined;

  constructor(parent: AbortSignal | null | undefined) {
    if (!parent) return;
    if (parent.aborted) this.#abort(parent.reason);
    else this.#unfollow = onAbort(parent, () => this.#abort(parent.reason));
  }

  /** Aborts when the caller's signal does, or when time is up. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /**
   * Starts the timer: the signal aborts with `reason()` once `ms` have passed. It keeps the
   * process alive, as a call waiting on it should be, even on a fetch that holds no socket.
   */
  start(ms: number, reason: () => unknown): void {
    this.#timer = setTimeout(() => this.#abort(reason()), ms);
  }

  /** Lets the process end while the timer runs: it only bounds a body the caller may never read. */
  unref(): void {
    (this.#timer as { unref?: () => void } | undefined)?.unref?.();
  }

  /**
   * Settles as `promise` does, or rejects with the abort's reason once the signal aborts:
   * answered on time even by a fetch or a body that does not heed the signal (`onAbort` then
   * stops what the promise waits on). One race at a time (an attempt waits for its response,
   * then for its body).
   */
  race<T>(promise: Promise<T>, onAbort?: (reason: unknown) => void): Promise<T> {
    return new Promise((resolve, reject) => {
      this.#rejectRace = (reason) => {
        reject(reason);
        onAbort?.(reason);
      };
      const { signal } = this.#controller;
      if (signal.aborted) this.#rejectRace(signal.reason);
      // A fetch of the caller's may answer without a promise.
      Promise.resolve(promise).then(resolve, reject);
    });
  }

  /** Keeps `request`, whose signal follows this one, alive while it may still abort it. */
  hold(request: Request): void {
    this.#held = request;
  }

  /** Stops the timer and lets go of the caller's signal and of what it held. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#rejectRace = undefined;
    this.#letGo();
  }

  #abort(reason: unknown): void {
    this.#controller.abort(reason);
    this.#rejectRace?.(reason);
    // Aborted, it has nothing more to follow (a streamed answer's deadline is never cleared).
    this.#letGo();
  }

  /** Lets go of the caller's signal and of the Request it held. */
  #letGo(): void {
    this.#held = undefined;
    this.#unfollow?.();
  }
}
