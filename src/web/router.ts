/**
 * Routes: a path template per page (`/article/{id}`), its JSON twin (the same URL with `.json`, or the same URL
 * with `Accept: application/json`), and what it returns. The table is also what the OpenAPI document is written
 * from, so a route cannot exist without being described.
 */
import type { IncomingMessage } from 'node:http';
import type { WebApp } from './app.js';
import { HttpError } from './body.js';

export interface ParamDoc {
  name: string;
  description: string;
  /** OpenAPI schema of the value (default: a string). */
  schema?: Record<string, unknown>;
  required?: boolean;
}

export interface RequestContext {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The client asked for the JSON twin. */
  json: boolean;
  app: WebApp;
}

/** A page: `data` is exactly the JSON twin; `html` renders that same data. */
export interface PageReply {
  kind: 'page';
  status?: number;
  title: string;
  data: unknown;
  html: () => string;
}

export interface RedirectReply {
  kind: 'redirect';
  location: string;
  /** The JSON a client that asked for JSON gets instead of the redirect. */
  data?: unknown;
  status?: number;
}

export interface RawReply {
  kind: 'raw';
  status?: number;
  contentType: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

export type Reply = PageReply | RedirectReply | RawReply;

export interface Route {
  method: 'GET' | 'POST';
  /** Template with `{name}` for one path segment. */
  path: string;
  summary: string;
  /** Whether the route has a JSON twin (and so is in the OpenAPI document). */
  json: boolean;
  query?: ParamDoc[];
  pathParams?: ParamDoc[];
  /** OpenAPI schema of the JSON response (kept loose: the page data's top-level shape). */
  response?: Record<string, unknown>;
  /** OpenAPI request body of a POST. */
  requestBody?: Record<string, unknown>;
  handle: (ctx: RequestContext) => Promise<Reply>;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
  json: boolean;
}

function segments(path: string): string[] {
  return path.split('/').slice(1);
}

function matchTemplate(template: string, rawSegments: string[]): Record<string, string> | null {
  const t = segments(template);
  if (t.length !== rawSegments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const want = t[i]!;
    const got = rawSegments[i]!;
    if (want.startsWith('{') && want.endsWith('}')) {
      if (got === '') return null;
      try {
        params[want.slice(1, -1)] = decodeURIComponent(got);
      } catch {
        throw new HttpError(400, `malformed percent-encoding in the path segment '${got}'`);
      }
    } else if (want !== got) {
      return null;
    }
  }
  return params;
}

/** The JSON twin of `/` is `/index.json`; of any other path, the path plus `.json`. */
export function jsonPath(path: string): string {
  return path === '/' ? '/index.json' : `${path}.json`;
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string, acceptsJson: boolean): Match | 'method' | null {
  const wantsTwin = pathname.endsWith('.json');
  const base = pathname === '/index.json' ? '/' : wantsTwin ? pathname.slice(0, -'.json'.length) : pathname;
  let wrongMethod = false;
  for (const route of routes) {
    const tries: [string, boolean][] = [[pathname, acceptsJson]];
    if (wantsTwin && route.json) tries.unshift([base, true]);
    for (const [path, json] of tries) {
      const params = matchTemplate(route.path, segments(path));
      if (!params) continue;
      if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) { wrongMethod = true; continue; }
      return { route, params, json: json && route.json };
    }
  }
  return wrongMethod ? 'method' : null;
}

/** Whether the Accept header prefers JSON to HTML (a browser's `text/html,...,*\/*` does not). */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  const json = types.findIndex((t) => t === 'application/json' || t.endsWith('+json'));
  const html = types.findIndex((t) => t === 'text/html');
  return json >= 0 && (html < 0 || json < html);
}
