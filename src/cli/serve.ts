/** `claimline serve`: the web app and JSON API over a store (src/web), until interrupted. */
import { ATTRIBUTION_MODES } from '../pipeline/stages.js';
import { EXIT, UsageError, oneOf, parse, positiveInt } from './args.js';
import type { RunContext } from './context.js';
import { STORE_FLAGS, STORE_FLAG_HELP, openStore, storeLocation } from './store-open.js';

export const SERVE_HELP = `Usage: claimline serve [--store LOCATION] [--port N] [--host H] [--token T]

A web app and a JSON API over the store: analyse a text (paste or upload), read an article with every statement
highlighted by speaker, speakers, claims with their status by party, full-text search with facets, story
timelines, and downloads. Every page has a JSON twin (the same URL with .json, or Accept: application/json);
the API is described at /openapi.json.

Options:
${STORE_FLAG_HELP}
  --port N                 the port (default 8080; 0 picks a free one)
  --host H                 the address to listen on (default 127.0.0.1). Anything beyond loopback needs a token
  --token T                required on every request (Authorization: Bearer T, or open a page once with
                           ?token=T to get a cookie); default: the CLAIMLINE_TOKEN environment variable
  --max-bytes N            largest request body and input accepted (default 20971520; larger gets 413)
  --attribution MODE       rules (default) or tagger, for analysed texts
  -h, --help               this help

Exit codes: 0 stopped by a signal; 2 bad command line; 3 the store could not be opened.`;

export async function serveCommand(args: string[], ctx: RunContext): Promise<number> {
  const { values, positionals } = parse(args, {
    ...STORE_FLAGS, port: { type: 'string' }, host: { type: 'string' }, token: { type: 'string' },
    'max-bytes': { type: 'string' }, attribution: { type: 'string' },
  });
  if (values.help) { ctx.stdout.write(SERVE_HELP + '\n'); return EXIT.ok; }
  if (positionals.length) throw new UsageError(`serve takes no positional arguments (got '${positionals[0]}')`);
  const rawPort = values.port as string | undefined;
  const port = rawPort === undefined ? 8080 : Number(rawPort);
  if (!/^\d+$/.test(rawPort ?? '0') || port > 65535) throw new UsageError(`--port must be a whole number 0..65535 (got '${rawPort}')`);
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  const token = (values.token as string | undefined) ?? process.env.CLAIMLINE_TOKEN ?? null;
  if (token !== null && token.trim().length < 8) throw new UsageError('the token must have at least 8 characters');
  const { isLoopback } = await import('../web/security.js');
  if (!isLoopback(host) && !token) {
    throw new UsageError(`listening on '${host}' (beyond this machine) needs a token: give --token or set CLAIMLINE_TOKEN`);
  }
  const maxBytes = positiveInt('max-bytes', values['max-bytes'] as string | undefined, 20 * 1024 * 1024);
  const attribution = oneOf('attribution', values.attribution as string | undefined, ATTRIBUTION_MODES, 'rules');
  const store = await openStore(storeLocation(values), ctx);
  if (!store) return EXIT.store;
  const { startServer } = await import('../web/server.js');
  let web;
  try {
    web = await startServer(store, { host, port, token, maxBytes, attribution });
  } catch (e) {
    await store.close();
    ctx.stderr.write(`claimline serve: cannot listen on ${host}:${port}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  ctx.stderr.write(`claimline serve: ${web.url}/ (store ${storeLocation(values)}${token ? ', token required' : ''}); Ctrl-C stops\n`);
  await new Promise<void>((resolve) => {
    const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); resolve(); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await web.close();
  await store.close();
  return EXIT.ok;
}
