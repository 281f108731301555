// @ts-check
// How many bytes of request bodies one sandbox holds at once, across its requests. Each body
// has a limit of its own (BODY_LIMITS in server.js), but many sent at once, each just under
// it and left hanging, would fill the memory (200 of 4 MiB took it past 900 MB): past the
// budget a request is answered 503, to be sent again once the others have ended.

/** The most bytes of bodies held at once: sixteen creates at the API's limit. */
const BUDGET_BYTES = 64 * 1024 * 1024;

/** The budget's size, as the 503 names it. */
export const BUDGET_SIZE = '64 MiB';

export class BodyBudget {
  #free = BUDGET_BYTES;

  /** Takes `bytes` when that many are free; false, taking none, when they are not. @param {number} bytes */
  take(bytes) {
    if (bytes > this.#free) return false;
    this.#free -= bytes;
    return true;
  }

  /** Gives back what a body took, once it is read or given up. @param {number} bytes */
  give(bytes) {
    this.#free += bytes;
  }
}
