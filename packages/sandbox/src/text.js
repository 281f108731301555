// @ts-check
// Text a client sent, made fit to show: in an answer, bounded; in a log line, also on one
// line, with nothing a terminal acts on (a newline would forge a line, an escape recolour it).

/**
 * Characters shown escaped: C0 and C1 controls, DEL, the Unicode line and paragraph
 * separators, and the bidirectional overrides that make text read in another order.
 */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** The most characters of a name or value the client sent that an answer repeats: a property's name may be megabytes long. */
export const MAX_ECHOED = 200;

/** At most `max` characters of a text, ending in … when cut. @param {string} text @param {number} max */
export function clip(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A text on one line, its unprintable characters escaped (`\u001b`), at most `max` characters. @param {string} text @param {number} max */
export function printable(text, max) {
  // Cut first, so that a huge text is not escaped whole; then again, as escapes lengthen it.
  return clip(
    clip(text, max).replace(UNPRINTABLE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`),
    max,
  );
}
