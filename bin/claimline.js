#!/usr/bin/env node
// Thin launcher: the CLI is compiled TypeScript in dist/ (built by `npm ci` through the `prepare` script).
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`claimline analyze ... | head`) closes the pipe: stop quietly, as Unix tools do,
// instead of dying with an unhandled EPIPE stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
