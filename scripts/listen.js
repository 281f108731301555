// @ts-check
// Listens on a local port: PORT if set (failing clearly if it is taken), else 4000, or
// any free port when 4000 is taken.
const DEFAULT_PORT = 4000;

/**
 * @param {import('node:http').Server} server
 * @param {string} host
 * @param {string | undefined} requested the PORT variable
 * @returns {Promise<number>} the port
 */
export function listen(server, host, requested) {
  const attempt = (/** @type {number} */ port, /** @type {boolean} */ fallBack) =>
    new Promise((resolve, reject) => {
      server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
        if (error.code === 'EADDRINUSE' && fallBack) return resolve(attempt(0, false));
        reject(
          new Error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another port.` : error.message),
        );
      });
      server.listen(port, host, () => resolve(/** @type {import('node:net').AddressInfo} */ (server.address()).port));
    });
  if (requested !== undefined && !/^\d+$/.test(requested))
    return Promise.reject(new Error(`PORT must be a port number; got "${requested}".`));
  return /** @type {Promise<number>} */ (
    attempt(requested === undefined ? DEFAULT_PORT : Number(requested), requested === undefined)
  );
}
