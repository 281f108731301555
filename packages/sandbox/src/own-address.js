// @ts-check
// Whether a URL reaches the sandbox itself, by the addresses its name resolves to, not by
// how it is spelled: a webhook delivered there would drive the sandbox (one to
// /_sandbox/reset would wipe it), under any of its names (`vm`, `[::ffff:127.0.0.1]`, the
// machine's LAN address when it listens on all of them).
import { lookup } from 'node:dns/promises';
import { networkInterfaces } from 'node:os';

/** An address as one spelling: an IPv4-mapped IPv6 address as its IPv4 address, lower case. @param {string} address */
function plain(address) {
  const lower = address.toLowerCase();
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return /** @type {string} */ (dotted[1]);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return lower;
  const [high, low] = [
    Number.parseInt(/** @type {string} */ (hex[1]), 16),
    Number.parseInt(/** @type {string} */ (hex[2]), 16),
  ];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

const isLoopback = (/** @type {string} */ address) => /^127\./.test(address) || address === '::1';

/** The addresses a name resolves to, each as one spelling; none when it does not resolve. @param {string} name */
async function addressesOf(name) {
  try {
    return (await lookup(name.replace(/^\[|\]$/g, ''), { all: true })).map((entry) => plain(entry.address));
  } catch {
    return [];
  }
}

/**
 * @param {string} url where a webhook is to be delivered
 * @param {string} host the address the sandbox listens on (`127.0.0.1`, `0.0.0.0`, …)
 * @param {number} port the port it listens on
 */
export async function reachesSandbox(url, host, port) {
  const target = new URL(url);
  if (Number(target.port || (target.protocol === 'https:' ? 443 : 80)) !== port) return false;
  const wildcard = ['0.0.0.0', '::', '[::]', ''].includes(host);
  const own = wildcard
    ? Object.values(networkInterfaces())
        .flat()
        .map((entry) => plain(entry?.address ?? ''))
    : await addressesOf(host);
  const targets = await addressesOf(target.hostname);
  // Listening on every address, `own` holds each interface's, loopback among them.
  return targets.some((address) => own.includes(address) || (isLoopback(address) && own.some(isLoopback)));
}
