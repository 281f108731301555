// @ts-check
// Markdown's soft line breaks as the spaces they mean. The descriptions wrap their prose
// at 80 columns; Redoc's search drops those line breaks when it makes excerpts, gluing the
// words on either side ("follow an" + "invoice" → "follow aninvoice").

/** A line that starts a block of its own, which a line break before it must keep. */
const BLOCK_START = /^\s*([-*+]\s|\d+[.)]\s|#{1,6}\s|>|\||```|~~~|<|$)/;
const FENCE = /^\s*(```|~~~)/;

/**
 * Joins each paragraph's lines with spaces; code fences, list items, headings, quotes,
 * tables and hard breaks (two trailing spaces, a backslash) keep their line breaks.
 * @param {string} markdown
 */
export function joinSoftBreaks(markdown) {
  const lines = markdown.split('\n');
  /** @type {string[]} */
  const out = [];
  let inFence = false;
  let previous = '';
  for (const line of lines) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      out.push(line);
      previous = '';
      continue;
    }
    const continues =
      !inFence &&
      previous.trim() !== '' &&
      !/^\s*(#{1,6}\s|\|)/.test(previous) &&
      !/( {2}|\\)$/.test(previous) &&
      !BLOCK_START.test(line);
    if (continues) out[out.length - 1] = `${out[out.length - 1]} ${line.trim()}`;
    else out.push(line);
    previous = inFence ? '' : line;
  }
  return out.join('\n');
}

/**
 * Every `description` of a description document, joined: the bundle's prose, the guides,
 * the marks of what is inferred. Examples and code samples are left as they are.
 * @param {any} node
 */
export function joinSoftBreaksIn(node) {
  if (!node || typeof node !== 'object') return node;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key === 'x-codeSamples') continue;
    if (key === 'description' && typeof value === 'string') node[key] = joinSoftBreaks(value);
    else joinSoftBreaksIn(value);
  }
  return node;
}
