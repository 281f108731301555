#!/usr/bin/env node
// @ts-check
import { main } from '../src/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error) => {
    console.error(`autocollect-sandbox: ${error?.message ?? error}`);
    process.exitCode = 1;
  },
);
