// @ts-check
// What to do once a sandbox runs, printed under its banner (by the CLI and by `npm start`):
// a token and a list of invoices with curl, and the client pointed at it in TypeScript.
import { describedSandboxUrl } from './contract.js';
import { tokenCommand } from './credentials.js';

/**
 * @param {Pick<import('./index.js').RunningSandbox, 'baseUrl' | 'tokenUrl' | 'organizationId' | 'clientId' | 'clientSecret'>} sandbox
 * @param {{ docsUrl?: string }} [where]
 * @returns {string}
 */
export function nextSteps(sandbox, where = {}) {
  const { baseUrl, tokenUrl, organizationId, clientId, clientSecret } = sandbox;
  // The client names the sandbox at its usual address; anywhere else it takes the URL itself.
  const base = baseUrl === describedSandboxUrl() ? 'servers.sandbox' : `'${baseUrl}'`;
  const imports =
    base === 'servers.sandbox' ? 'createAutoCollectClient, servers, unwrap' : 'createAutoCollectClient, unwrap';
  return [
    'Next:',
    ...(where.docsUrl ? [`  Read the docs, and try any operation's sandbox samples: ${where.docsUrl}`] : []),
    '  Get a token and list the invoices:',
    `    ${tokenCommand({ tokenUrl, clientId, clientSecret })}`,
    `    curl -H "Authorization: Bearer $TOKEN" ${baseUrl}/orgs/${organizationId}/invoices`,
    '  Point @autocollect/client at it (it gets its token from the sandbox itself):',
    `    import { ${imports} } from '@autocollect/client';`,
    `    const client = createAutoCollectClient({ baseUrl: ${base}, auth: { clientId: '${clientId}', clientSecret: '${clientSecret}' } });`,
    `    console.log(unwrap(await client.GET('/orgs/{organizationId}/invoices', { params: { path: { organizationId: '${organizationId}' } } })).data);`,
  ].join('\n');
}
