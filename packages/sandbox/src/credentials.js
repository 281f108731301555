// @ts-check
// The credentials a sandbox accepts unless told otherwise, and the shell line that trades
// them for a token. Kept free of imports: the docs build reads them for its samples.

export const DEFAULT_CREDENTIALS = {
  clientId: 'sandbox-client',
  clientSecret: 'sandbox-secret',
  webhookSecret: 'sandbox-webhook-secret',
};

/**
 * A shell line that gets a token from a sandbox into $TOKEN (Node reads the JSON: no jq needed).
 * @param {{ tokenUrl: string, clientId: string, clientSecret: string }} sandbox
 */
export function tokenCommand({ tokenUrl, clientId, clientSecret }) {
  return `TOKEN=$(curl -s ${tokenUrl} -d grant_type=client_credentials -d client_id=${clientId} -d client_secret=${clientSecret} | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).access_token')`;
}
