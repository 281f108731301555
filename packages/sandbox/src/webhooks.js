// @ts-check
// Webhook delivery: each event is POSTed to every registered URL with the headers the
// spec lists, signed with HMAC-SHA256 of the raw body (hex, `sha256=` prefix), as
// @autocollect/client/webhooks verifies it. A URL gets its events one at a time, in the
// order they happened; a failed attempt is retried with doubling back-off, and every
// attempt is recorded. Waits use the global setTimeout, so a test's fake clock drives them.
import { createHmac, randomUUID } from 'node:crypto';
import { MAX_DELAY_MS } from './faults.js';
import { MAX_ECHOED, printable } from './text.js';

/**
 * @typedef {{ at: string, status?: number, error?: string }} Attempt
 * @typedef {{
 *   id: string, event: string, url: string, idempotencyKey: string, body: string,
 *   state: 'pending' | 'delivered' | 'failed', attempts: Attempt[], nextAttemptAt: string | null
 * }} Delivery
 * @typedef {{ maxAttempts: number, initialBackoffMs: number, timeoutMs: number }} RetryPolicy
 */

export const DEFAULT_WEBHOOK_RETRY = { maxAttempts: 6, initialBackoffMs: 1_000, timeoutMs: 10_000 };

/**
 * Why a URL cannot take webhook deliveries, as the end of a sentence naming it; undefined when it can.
 * @param {unknown} url
 */
export function webhookUrlProblem(url) {
  if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    return `must be an absolute http(s) URL, such as http://127.0.0.1:3000/webhooks; got ${String(JSON.stringify(url)).slice(0, 100)}`;
  }
  const { username, password } = new URL(url);
  // fetch refuses such a URL: every delivery would fail, and be retried, to no end.
  if (username !== '' || password !== '') {
    return "must not carry a user name or password (user:password@): no request can be sent to such a URL. Give it without them; your endpoint can check that a delivery is the sandbox's by its X-Webhook-Signature";
  }
  return undefined;
}

/**
 * Where a redirect (3xx) pointed, as an absolute URL fit to show; undefined for any other answer,
 * or one that names no Location. Deliveries do not follow redirects: one could lead them
 * anywhere, the sandbox's own endpoints among them.
 * @param {Response} response @param {string} url where the request went
 */
export function redirectedTo(response, url) {
  const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
  if (location === null) return undefined;
  return printable(URL.canParse(location, url) ? new URL(location, url).href : location, MAX_ECHOED);
}

/** The X-Webhook-Signature of a body. @param {string} body @param {string} secret */
export function signature(body, secret) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The headers of one delivery attempt. @param {string} event @param {string} idempotencyKey @param {string} body @param {string} secret */
export function deliveryHeaders(event, idempotencyKey, body, secret) {
  return {
    'content-type': 'application/json',
    'user-agent': 'autocollect-sandbox',
    'x-amili-event': event,
    idempotencykey: idempotencyKey,
    'x-amili-request-id': randomUUID(),
    'x-webhook-signature': signature(body, secret),
  };
}

export class WebhookDispatcher {
  /**
   * @param {{ urls: string[], secret: string, retry: RetryPolicy, isSandbox?: (url: string) => Promise<boolean>, logLine?: ((line: string) => void) | undefined }} options
   *   isSandbox: whether a URL reaches the sandbox itself, which is never delivered to;
   *   logLine: given a line when a delivery first fails, when it is given up, and when one that failed gets through
   */
  constructor({ urls, secret, retry, isSandbox = async () => false, logLine }) {
    this.urls = [...urls];
    this.isSandbox = isSandbox;
    this.logLine = logLine;
    this.secret = secret;
    this.retry = retry;
    /** @type {Delivery[]} */
    this.log = [];
    /** @type {Map<string, Delivery[]>} what each URL has still to receive, in order */
    this.queues = new Map();
    /** @type {Set<() => void>} */
    this.idleWaiters = new Set();
    this.closed = false;
    /** Bumped by `forget`: a delivery of an earlier generation is not attempted again. */
    this.generation = 0;
    /** @type {Map<ReturnType<typeof setTimeout>, () => void>} each back-off's timer, and what ends its wait */
    this.timers = new Map();
    /**
     * Aborted when deliveries are let go of (a reset, a close), then made anew: an attempt
     * still waiting for its answer would reach its receiver after a reset, or keep the process
     * alive after a close, until its timeout.
     */
    this.lettingGo = new AbortController();
  }

  /** Queues an event for every registered URL. @param {string} event @param {object} payload */
  send(event, payload) {
    const body = JSON.stringify(payload);
    const idempotencyKey = /** @type {{ id: string }} */ (payload).id;
    for (const url of this.urls) {
      /** @type {Delivery} */
      const delivery = {
        id: randomUUID(),
        event,
        url,
        idempotencyKey,
        body,
        state: 'pending',
        attempts: [],
        nextAttemptAt: null,
      };
      this.log.push(delivery);
      const queue = this.queues.get(url);
      if (queue) queue.push(delivery);
      else {
        this.queues.set(url, [delivery]);
        void this.#drain(url);
      }
    }
  }

  /** Resolves once no delivery is pending. */
  idle() {
    if (this.queues.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.add(() => resolve(undefined)));
  }

  /** Stops delivering, at once: attempts under way are aborted, and pending deliveries stay pending, and listed. */
  close() {
    this.closed = true;
    this.#dropQueued();
  }

  /** Forgets every delivery, queued, under way or waiting to be retried (a reset): none is attempted again. */
  forget() {
    this.log.length = 0;
    this.#dropQueued();
  }

  /** Lets go of the queues, aborts attempts under way and ends every back-off's wait: a delivery of before is not attempted again. */
  #dropQueued() {
    this.generation++;
    this.lettingGo.abort();
    this.lettingGo = new AbortController();
    this.queues.clear();
    for (const [timer, endWait] of this.timers) {
      clearTimeout(timer);
      endWait();
    }
    this.timers.clear();
    this.#notifyIdle();
  }

  async #drain(/** @type {string} */ url) {
    const queue = /** @type {Delivery[]} */ (this.queues.get(url));
    // A queue let go of (a reset, a close) is drained no further.
    while (queue.length > 0 && !this.closed && this.queues.get(url) === queue) {
      await this.#deliver(/** @type {Delivery} */ (queue[0]));
      queue.shift();
    }
    if (this.queues.get(url) === queue) this.queues.delete(url);
    this.#notifyIdle();
  }

  async #deliver(/** @type {Delivery} */ delivery) {
    const { maxAttempts, initialBackoffMs, timeoutMs } = this.retry;
    // Taken before the look-up below: a reset while it runs lets go of this delivery too.
    const { generation, lettingGo } = this;
    if (await this.isSandbox(delivery.url)) {
      const error = 'not sent: the URL reaches the sandbox itself, whose own endpoints deliveries must not drive';
      delivery.attempts.push({ at: new Date().toISOString(), error });
      delivery.state = 'failed';
      this.logLine?.(`${deliveryNamed(delivery)} was given up, ${error}. Register your own endpoint's URL instead.`);
      return;
    }
    for (let attempt = 1; !this.closed && this.generation === generation; attempt++) {
      /** @type {Attempt} */
      const record = { at: new Date().toISOString() };
      /** @type {string | undefined} where a redirect pointed */
      let location;
      delivery.attempts.push(record);
      // The attempt's own signal, held by its timer and by the letting-go signal's listener: on
      // Node 20 a signal made by AbortSignal.any is held only weakly, and one collected while
      // the request waits loses its abort.
      const ending = new AbortController();
      const timer = setTimeout(
        () => ending.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
        timeoutMs,
      );
      const onLetGo = () => ending.abort(lettingGo.signal.reason);
      lettingGo.signal.addEventListener('abort', onLetGo, { once: true });
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          headers: deliveryHeaders(delivery.event, delivery.idempotencyKey, delivery.body, this.secret),
          body: delivery.body,
          redirect: 'manual',
          signal: ending.signal,
        });
        record.status = response.status;
        location = redirectedTo(response, delivery.url);
        if (location) {
          record.error = `redirected to ${location}: deliveries do not follow redirects; register that URL instead`;
        }
        await response.body?.cancel();
        if (response.status >= 200 && response.status < 300) {
          delivery.state = 'delivered';
          delivery.nextAttemptAt = null;
          if (attempt > 1) this.logLine?.(`${deliveryNamed(delivery)} was delivered, at attempt ${attempt}.`);
          return;
        }
      } catch (error) {
        record.error = this.closed ? 'aborted: the sandbox was closed' : describe(error);
      } finally {
        clearTimeout(timer);
        lettingGo.signal.removeEventListener('abort', onLetGo);
      }
      if (this.generation !== generation) return;
      // One line when a delivery first fails, and one when it is given up: never one per retry.
      if (attempt >= maxAttempts) {
        delivery.state = 'failed';
        delivery.nextAttemptAt = null;
        this.logLine?.(
          `${deliveryNamed(delivery)} was given up after ${attempt} ${attempt === 1 ? 'attempt' : 'attempts'}: ${failure(record, location)}. ${whatToDo(record, timeoutMs)} It is not sent again; GET /_sandbox/deliveries lists it.`,
        );
        return;
      }
      if (attempt === 1) {
        const waits = Array.from({ length: maxAttempts - 1 }, (_, index) => backoff(initialBackoffMs, index + 1));
        this.logLine?.(
          `${deliveryNamed(delivery)} failed: ${failure(record, location)}. ${whatToDo(record, timeoutMs)} It is tried up to ${maxAttempts - 1} more ${maxAttempts === 2 ? 'time' : 'times'} over the next ${duration(waits.reduce((sum, wait) => sum + wait, 0))}; GET /_sandbox/deliveries lists each attempt.`,
        );
      }
      const wait = backoff(initialBackoffMs, attempt);
      delivery.nextAttemptAt = new Date(Date.now() + wait).toISOString();
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          resolve(undefined);
        }, wait);
        this.timers.set(timer, () => resolve(undefined));
      });
    }
  }

  #notifyIdle() {
    if (this.queues.size > 0) return;
    for (const resolve of this.idleWaiters) resolve();
    this.idleWaiters.clear();
  }
}

/** The wait before the attempt after `attempt`: doubled past what a timer waits, it would fire at once. @param {number} initialBackoffMs @param {number} attempt */
const backoff = (initialBackoffMs, attempt) => Math.min(initialBackoffMs * 2 ** (attempt - 1), MAX_DELAY_MS);

/** A wait in words: `31 s`, `2.5 s`, `500 ms`. @param {number} ms */
const duration = (ms) => (ms < 1_000 ? `${ms} ms` : `${Number((ms / 1_000).toFixed(1))} s`);

/**
 * A URL as a log line shows it: without its query and fragment (a receiver may take a token
 * there), on one line.
 * @param {string} url
 */
function shownUrl(url) {
  if (!URL.canParse(url)) return printable(url, MAX_ECHOED);
  const parsed = new URL(url);
  const hidden = parsed.search !== '' || parsed.hash !== '';
  parsed.search = '';
  parsed.hash = '';
  return printable(`${parsed.href}${hidden ? '?…' : ''}`, MAX_ECHOED);
}

/** How a log line names a delivery: its event and where it goes. @param {Delivery} delivery */
const deliveryNamed = (delivery) => `webhook ${delivery.event} to ${shownUrl(delivery.url)}`;

/** Why an attempt failed, for a log line. @param {Attempt} attempt @param {string | undefined} location where a redirect pointed */
function failure(attempt, location) {
  if (attempt.status === undefined) return printable(attempt.error ?? 'no answer', MAX_ECHOED);
  if (location !== undefined)
    return `the receiver answered ${attempt.status}, redirecting to ${shownUrl(location)}; deliveries do not follow redirects`;
  return `the receiver answered ${attempt.status}`;
}

/** What to do about a failed attempt, for a log line. @param {Attempt} attempt @param {number} timeoutMs */
function whatToDo(attempt, timeoutMs) {
  if (attempt.status === undefined) {
    return attempt.error?.startsWith('TimeoutError')
      ? `Your receiver did not answer within ${duration(timeoutMs)}: answer first, then do the work.`
      : 'Is your webhook receiver running? Start it, or check the webhook URL (SANDBOX_WEBHOOK_URL, --webhook-url).';
  }
  if (attempt.status >= 300 && attempt.status < 400)
    return 'Register the URL it redirects to instead (SANDBOX_WEBHOOK_URL, --webhook-url).';
  if ([400, 401, 403].includes(attempt.status))
    return "Does your receiver verify signatures with the sandbox's webhook secret? Its own output says why it refused.";
  if (attempt.status === 404 || attempt.status === 405)
    return 'Check the webhook URL (SANDBOX_WEBHOOK_URL, --webhook-url): is that the path your receiver takes?';
  return 'Its own output says why.';
}

/** A fetch failure in a line: its cause's code and message where there is one. */
function describe(/** @type {unknown} */ error) {
  const cause = /** @type {{ cause?: { code?: string, message?: string } }} */ (error).cause;
  if (cause?.code || cause?.message) return [cause.code, cause.message].filter(Boolean).join(': ');
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
