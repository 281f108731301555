// Generated from the "autocollect@v1" API description in spec/ by packages/client/scripts/generate.js.
// Do not edit: change the spec, then run `npm run generate`.
/** The API's servers, by the name their description gives them. */
export const servers = {
  "production": "https://api.amili.no/collection/v1",
  "staging": "https://api.staging.amili.no/collection/v1"
} as const;
