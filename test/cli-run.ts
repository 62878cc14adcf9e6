/** Runs the `claimline` command in this process with captured stdout and stderr, for the CLI tests. */
import { PassThrough, Readable } from 'node:stream';
import { main } from '../src/cli/main.js';

export async function runCli(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => { out += d; });
  stderr.on('data', (d) => { err += d; });
  const code = await main(argv, { stdout, stderr, stdin: Readable.from([stdin]) });
  return { code, out, err };
}
