#!/usr/bin/env node
// The okr command. Runs the TypeScript sources through tsx, so no build step is needed.
require('tsx/cjs');
const { runCli } = require('../src/main.ts');

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`okr: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 3;
  },
);
