// Generated from the "legacy@v1" API description in spec/ by packages/client/scripts/generate.js.
// Do not edit: change the spec, then run `npm run generate`.
/** The API's servers, by the name their description gives them. */
export const servers = {
  "production": "https://api.amili.no"
} as const;
