// @ts-check
// One way of making the request (request-variants.js), in a process of its own, so that
// each has its own compiled code and heap as in an application: `node request-variant-process.js
// <origin> <network|instant|own-fetch> <variant>`. It answers each message { calls } with the
// { milliseconds } those calls took, one after another, and the CPU milliseconds the process
// spent on them (which a machine's other load does not inflate).
//   network    over loopback to the bench server
//   instant    the platform's fetch answered by an in-process dispatcher
//   own-fetch  a fetch of the caller's own that answers at once
import { answerInstantly } from './instant-dispatcher.js';
import { variants } from './request-variants.js';
import { now } from './support.js';

const [origin = '', mode = 'network', name = ''] = process.argv.slice(2);
const body = JSON.stringify(await (await fetch(`${origin}/x`)).json());
/** @type {((input: Request) => Promise<Response>) | undefined} */
let ownFetch;
if (mode === 'instant') answerInstantly(body);
else if (mode === 'own-fetch') {
  const length = String(Buffer.byteLength(body));
  ownFetch = async () =>
    new Response(body, { headers: { 'content-type': 'application/json', 'content-length': length } });
}
const call = variants(origin, ownFetch)[name];
if (!call) throw new Error(`No request variant named ${name}.`);
process.on('message', async (/** @type {{ calls: number }} */ { calls }) => {
  const start = now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < calls; i++) await call();
  const { user, system } = process.cpuUsage(cpu);
  process.send?.({ milliseconds: now() - start, cpuMilliseconds: (user + system) / 1000 });
});
process.send?.({ ready: true });
