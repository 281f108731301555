// How a success body is read when the caller passes no `parseAs`: as the operation's
// success media type in the spec says (the generated metadata records it, but for
// application/json, which goes unsaid).

export type ParseAs = 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream';

/** JSON for JSON media types (and when the spec names none), text for `text/*`, a Blob for the rest. */
export function parseAsFor(mediaType: string | undefined): ParseAs {
  if (mediaType === undefined || /^application\/([\w.+-]+\+)?json\b/i.test(mediaType)) return 'json';
  return /^text\//i.test(mediaType) ? 'text' : 'blob';
}
