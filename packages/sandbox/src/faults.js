// @ts-check
// Faults injected on purpose, so that retry handling can be exercised: `--faults` takes
// a comma-separated list such as `429=10%,503=5%,reset=2%,latency=200ms@50%,retry-after=2`.
//
//   429=RATE         answer 429 Too Many Requests with Retry-After, doing nothing
//   503=RATE         answer 503 Service Unavailable, doing nothing
//   reset=RATE       carry the request out, then cut the connection before answering
//                    (the client cannot know whether it landed)
//   latency=MS[@RATE] wait MS milliseconds before handling (every request, or at RATE)
//   retry-after=S    the Retry-After of 429 answers, in seconds (default 1)
//   seed=N           the random sequence, so that a run can be repeated (default: random)
//
// RATE is a percentage (`10%`) or a fraction (`0.1`). Faults apply to the API, token
// and legacy routes, never to /_sandbox.

/** @typedef {{ rate429: number, rate503: number, rateReset: number, latencyMs: number, latencyRate: number, retryAfterSeconds: number, seed: number }} Faults */

/**
 * The longest a timer waits, in ms (about 24 days): setTimeout fires a longer wait after 1 ms
 * (with a TimeoutOverflowWarning), so a wait the sandbox is given is at most this.
 */
export const MAX_DELAY_MS = 2 ** 31 - 1;

/** What MAX_DELAY_MS is, in words, for a refusal of a longer wait. */
export const MAX_DELAY_WORDS = 'about 24 days, the longest a timer waits';

export const NO_FAULTS = /** @type {Faults} */ ({
  rate429: 0,
  rate503: 0,
  rateReset: 0,
  latencyMs: 0,
  latencyRate: 0,
  retryAfterSeconds: 1,
  seed: 0,
});

const USAGE = 'such as "429=10%,503=5%,reset=2%,latency=200ms@50%,retry-after=2,seed=42"';

/** Parses a faults spec; throws a TypeError that says which entry is wrong. @param {string} spec @returns {Faults} */
export function parseFaults(spec) {
  const faults = { ...NO_FAULTS, seed: Math.floor(Math.random() * 2 ** 31) };
  for (const entry of spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [key, value = ''] = entry.split('=').map((part) => part.trim());
    switch (key) {
      case '429':
        faults.rate429 = rate(value, entry);
        break;
      case '503':
        faults.rate503 = rate(value, entry);
        break;
      case 'reset':
        faults.rateReset = rate(value, entry);
        break;
      case 'latency': {
        const [ms = '', at] = value.split('@');
        const match = /^(\d+)(ms)?$/.exec(ms);
        if (!match)
          throw new TypeError(`faults: "${entry}" needs milliseconds, such as latency=200ms or latency=200ms@50%.`);
        faults.latencyMs = Number(match[1]);
        if (faults.latencyMs > MAX_DELAY_MS)
          throw new TypeError(`faults: "${entry}" needs at most ${MAX_DELAY_MS} ms (${MAX_DELAY_WORDS}).`);
        faults.latencyRate = at === undefined ? 1 : rate(at, entry);
        break;
      }
      case 'retry-after':
        if (!/^\d+$/.test(value)) throw new TypeError(`faults: "${entry}" needs whole seconds, such as retry-after=2.`);
        faults.retryAfterSeconds = Number(value);
        break;
      case 'seed':
        if (!/^\d+$/.test(value)) throw new TypeError(`faults: "${entry}" needs a whole number, such as seed=42.`);
        faults.seed = Number(value);
        break;
      default:
        throw new TypeError(
          `faults: "${entry}" is not a fault; use 429, 503, reset, latency, retry-after or seed, ${USAGE}.`,
        );
    }
  }
  if (faults.rate429 + faults.rate503 + faults.rateReset > 1) {
    throw new TypeError(`faults: the rates of 429, 503 and reset add up to more than 100% in "${spec}".`);
  }
  return faults;
}

/** A rate from "10%" or "0.1". */
function rate(/** @type {string} */ value, /** @type {string} */ entry) {
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(value);
  const number = match ? Number(match[1]) / (match[2] ? 100 : 1) : Number.NaN;
  if (!(number >= 0 && number <= 1)) {
    throw new TypeError(`faults: "${entry}" needs a rate between 0 and 100%, such as 10% or 0.1.`);
  }
  return number;
}

/** What happens to one request: its delay, and the fault it meets, if any. */
export class FaultPlan {
  /** @param {Faults} faults */
  constructor(faults) {
    this.faults = faults;
    this.random = mulberry32(faults.seed);
  }

  /** @returns {{ delayMs: number, fault: '429' | '503' | 'reset' | undefined }} */
  next() {
    const { rate429, rate503, rateReset, latencyMs, latencyRate } = this.faults;
    const delayMs = latencyMs > 0 && this.random() < latencyRate ? latencyMs : 0;
    const roll = this.random();
    const fault =
      roll < rate429
        ? '429'
        : roll < rate429 + rate503
          ? '503'
          : roll < rate429 + rate503 + rateReset
            ? 'reset'
            : undefined;
    return { delayMs, fault };
  }

  /** "429 10%, reset 2%, latency 200 ms at 50%", or "none". */
  describe() {
    const { rate429, rate503, rateReset, latencyMs, latencyRate, retryAfterSeconds, seed } = this.faults;
    const parts = [];
    const percent = (/** @type {number} */ value) => `${Math.round(value * 1000) / 10}%`;
    if (rate429) parts.push(`429 ${percent(rate429)} (Retry-After ${retryAfterSeconds} s)`);
    if (rate503) parts.push(`503 ${percent(rate503)}`);
    if (rateReset) parts.push(`reset ${percent(rateReset)}`);
    if (latencyMs) parts.push(`latency ${latencyMs} ms at ${percent(latencyRate)}`);
    return parts.length === 0 ? 'none' : `${parts.join(', ')}; seed ${seed}`;
  }
}

/** A small seeded generator, so that a run with the same seed meets the same faults. */
function mulberry32(/** @type {number} */ seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
