// @ts-check
// How a judge tells a value's change: `20 added`, `"uuid" removed`, `changed from 1 to 0`.

/** @param {unknown} was @param {unknown} is */
export const describeChange = (was, is) =>
  was === undefined
    ? `${JSON.stringify(is)} added`
    : is === undefined
      ? `${JSON.stringify(was)} removed`
      : `changed from ${JSON.stringify(was)} to ${JSON.stringify(is)}`;
