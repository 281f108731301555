/** The hash of an operation's section, as Redoc names it: its tag's slug, then its id in lower case. */
export const sectionOf = (operationId: string, tag: string) =>
  `#/${tag.toLowerCase().replace(/\s+/g, '-')}/${operationId.toLowerCase()}`;
