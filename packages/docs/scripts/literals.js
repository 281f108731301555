// @ts-check
// Values written as code: JSON as a TypeScript literal, text as a shell word. Used by the
// generated samples and by Try it's "Copy as" (in the browser: no imports here).

/** A TypeScript literal of a JSON value: bare keys where they are identifiers, indented to fit. */
export const literal = (/** @type {unknown} */ value, indent = 0) =>
  JSON.stringify(value, null, 2)
    .replace(/"([A-Za-z_$][\w$]*)":/g, '$1:')
    .replaceAll('\n', `\n${' '.repeat(indent)}`);

/** Text as one single-quoted shell word. */
export const shellQuote = (/** @type {string} */ text) => `'${text.replaceAll("'", "'\\''")}'`;
