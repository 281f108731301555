// Generated from the "identity@v1" API description in spec/ by packages/client/scripts/generate.js.
// Do not edit: change the spec, then run `npm run generate`.
/** The API's servers, by the name their description gives them. */
export const servers = {
  "production": "https://auth.amili.no",
  "staging": "https://auth.staging.amili.no"
} as const;
