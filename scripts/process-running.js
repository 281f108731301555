// @ts-check
/**
 * Whether a process runs: one that refuses our signals runs too. What tells a lock or a
 * folder left by an interrupted run from one in use.
 * @param {number} pid
 */
export function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}
