// @ts-check
// An undici dispatcher that answers every request at once with one JSON body, in process:
// the platform's fetch runs whole (its Request, headers, body stream and Response) with no
// socket, so what a client adds around fetch can be timed without the network's noise.
import { getGlobalDispatcher, setGlobalDispatcher } from 'undici';

/**
 * Installs the dispatcher as the one the global fetch sends through, until `restore`.
 * @param {string} json the body of every answer
 */
export function answerInstantly(json) {
  const body = Buffer.from(json);
  const headers = ['content-type', 'application/json', 'content-length', String(body.byteLength)].map((text) =>
    Buffer.from(text),
  );
  const previous = getGlobalDispatcher();
  /** Just what fetch calls of a dispatcher: dispatch, with the handler API both Node 20's and later undici's fetch use. */
  const instant = {
    /**
     * @param {unknown} _options
     * @param {any} handler
     */
    dispatch(_options, handler) {
      queueMicrotask(() => {
        handler.onConnect?.(() => undefined);
        handler.onHeaders?.(200, headers, () => undefined, 'OK');
        handler.onData?.(body);
        handler.onComplete?.([]);
      });
      return true;
    },
  };
  setGlobalDispatcher(/** @type {any} */ (instant));
  return { restore: () => setGlobalDispatcher(previous) };
}
