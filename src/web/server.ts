/**
 * The web server: node:http, one route table, every request in its own try/catch so that no input can take the
 * server down (a failure is a 4xx/5xx with a message, and the next request is served as usual). Binds 127.0.0.1
 * unless told otherwise; anywhere else it refuses to start without a token, and then checks the token on every
 * request (Authorization: Bearer, or the cookie that `?token=` sets).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_MAX_BYTES } from '../input/index.js';
import type { AttributionMode } from '../pipeline/stages.js';
import { SearchSyntaxError } from '../store/fts.js';
import type { Store } from '../store/store.js';
import type { WebApp } from './app.js';
import { HttpError } from './body.js';
import { CorpusCache } from './corpus-view.js';
import { BadQuery } from './html.js';
import { matchRoute, prefersJson, type Reply, type RequestContext, type Route } from './router.js';
import { buildRoutes } from './routes.js';
import {
  esc, isLoopback, loopbackRequestProblem, presentedToken, sameOrigin, setSecurityHeaders, tokenCookie, tokenMatches,
} from './security.js';

export interface ServeOptions {
  host?: string;
  port?: number;
  token?: string | null;
  maxBytes?: number;
  attribution?: AttributionMode;
  /** How often (ms) the store's counts are compared to notice writes by other processes. */
  corpusCheckMs?: number;
  /** Where request failures are logged (default: stderr). */
  log?: (line: string) => void;
}

export class TokenRequiredError extends Error {}

export interface WebServer {
  server: http.Server;
  app: WebApp;
  url: string;
  close(): Promise<void>;
}

/** Starts listening; resolves once bound. The store stays open until `close` (which does not close the store). */
export async function startServer(store: Store, opts: ServeOptions = {}): Promise<WebServer> {
  const host = opts.host ?? '127.0.0.1';
  const loopback = isLoopback(host);
  const token = opts.token ?? null;
  if (!loopback && !token) {
    throw new TokenRequiredError(`listening on '${host}' (beyond this machine) needs a token: give --token or set CLAIMLINE_TOKEN`);
  }
  let chain: Promise<unknown> = Promise.resolve();
  const app: WebApp = {
    store, corpus: new CorpusCache(store, opts.corpusCheckMs ?? 1000),
    options: { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, attribution: opts.attribution ?? 'rules', token, loopback },
    writeLock: <T>(work: () => Promise<T>) => {
      const run = chain.then(work, work);
      chain = run.catch(() => undefined);
      return run;
    },
  };
  const routes = buildRoutes();
  const log = opts.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const server = http.createServer((req, res) => {
    handle(app, routes, req, res).catch((e) => {
      // Only a failure while writing the response itself gets here.
      log(`claimline serve: ${req.method} ${req.url}: ${(e as Error).stack ?? e}`);
      if (!res.headersSent) { res.statusCode = 500; res.end(); } else res.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, host, () => { server.off('error', reject); resolve(); });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    server, app, url: `http://${shownHost}:${addr.port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

async function handle(app: WebApp, routes: Route[], req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  setSecurityHeaders(res);
  const wantsJsonByHeader = prefersJson(req.headers.accept);
  let json = wantsJsonByHeader;
  try {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      throw new HttpError(400, 'malformed request URL');
    }
    json = json || url.pathname.endsWith('.json');
    if (app.options.loopback && !app.options.token) {
      const problem = loopbackRequestProblem(req);
      if (problem) throw new HttpError(403, problem);
    }
    if (app.options.token) {
      const fromQuery = url.searchParams.get('token');
      if (fromQuery !== null && tokenMatches(fromQuery, app.options.token) && (req.method === 'GET' || req.method === 'HEAD')) {
        // The token leaves the address at once (history, logs, Referer); the cookie carries it from now on.
        url.searchParams.delete('token');
        res.setHeader('Set-Cookie', tokenCookie(app.options.token));
        return send(res, req, 303, 'text/plain; charset=utf-8', 'see other\n', { Location: url.pathname + url.search });
      }
      if (!tokenMatches(presentedToken(req), app.options.token)) {
        throw new HttpError(401, 'this server needs its token: send Authorization: Bearer TOKEN, or open any page once with ?token=TOKEN');
      }
    }
    const method = req.method ?? 'GET';
    if (method === 'POST' && !sameOrigin(req)) throw new HttpError(403, 'cross-site form posts are refused');
    const match = matchRoute(routes, method, url.pathname, wantsJsonByHeader);
    if (match === 'method') throw new HttpError(405, `${method} is not allowed here`);
    if (!match) throw new HttpError(404, `no page at ${url.pathname}`);
    json = match.json;
    const ctx: RequestContext = { req, url, params: match.params, query: url.searchParams, json: match.json, app };
    const reply = await match.route.handle(ctx);
    // A POST's body may not have been read (an early 400): drain it so the connection stays usable.
    if (!req.complete) req.resume();
    return respond(res, req, ctx, reply);
  } catch (e) {
    if (!req.complete) {
      // An unread body (413, 401 …): say so, then close, rather than read megabytes nobody wants.
      res.setHeader('Connection', 'close');
      req.resume();
    }
    return sendError(res, req, e, json);
  }
}

function respond(res: http.ServerResponse, req: http.IncomingMessage, ctx: RequestContext, reply: Reply): void {
  if (reply.kind === 'raw') return send(res, req, reply.status ?? 200, reply.contentType, reply.body, reply.headers);
  if (reply.kind === 'redirect') {
    if (ctx.json && reply.data !== undefined) return sendJson(res, req, 200, reply.data);
    return send(res, req, reply.status ?? 303, 'text/plain; charset=utf-8', `see ${reply.location}\n`, { Location: reply.location });
  }
  const headers = { Vary: 'Accept', 'Cache-Control': 'no-store' };
  if (ctx.json) return sendJson(res, req, reply.status ?? 200, reply.data, headers);
  return send(res, req, reply.status ?? 200, 'text/html; charset=utf-8', reply.html(), headers);
}

function sendJson(res: http.ServerResponse, req: http.IncomingMessage, status: number, data: unknown, headers: Record<string, string> = {}): void {
  send(res, req, status, 'application/json; charset=utf-8', JSON.stringify(data), headers);
}

function send(res: http.ServerResponse, req: http.IncomingMessage, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.setHeader('Content-Length', buf.length);
  res.end(req.method === 'HEAD' ? undefined : buf);
}

function sendError(res: http.ServerResponse, req: http.IncomingMessage, e: unknown, json: boolean): void {
  let status = 500;
  let message: string;
  if (e instanceof HttpError) { status = e.status; message = e.message; }
  else if (e instanceof BadQuery || e instanceof SearchSyntaxError) { status = 400; message = (e as Error).message; }
  else {
    message = `internal error: ${(e as Error)?.message ?? String(e)}`;
    process.stderr.write(`claimline serve: ${req.method} ${req.url}: ${(e as Error)?.stack ?? e}\n`);
  }
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="claimline"');
  if (json) return sendJson(res, req, status, { error: message, status });
  const title = `${status} ${http.STATUS_CODES[status] ?? 'Error'}`;
  send(res, req, status, 'text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>${esc(title)}</title><link rel="stylesheet" href="/static/app.css"></head><body><main id="main"><h1>${esc(title)}</h1>`
    + `<p class="error" id="error-message">${esc(message).replace(/\n/g, '<br>')}</p><p><a href="/">Home</a></p></main></body></html>`);
}
