// @ts-check
// A sandbox in a process of its own, for the bench: prints what a client needs as one
// JSON line, then serves until killed.
import { startSandbox } from '@autocollect/sandbox';

const sandbox = await startSandbox({ port: 0, batchDelayMs: 0 });
const { baseUrl, tokenUrl, organizationId, clientId, clientSecret } = sandbox;
console.log(JSON.stringify({ baseUrl, tokenUrl, organizationId, clientId, clientSecret }));
// The bench talks to it over IPC only to know it is there: when the bench goes, so does this.
process.once('disconnect', () => void sandbox.close().then(() => process.exit(0)));
