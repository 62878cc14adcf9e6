/**
 * The OpenAPI 3 document at /openapi.json, written from the route table: every route with a JSON twin is listed
 * under both its JSON path (`/article/{id}.json`) and, with content negotiation, its page path.
 */
import { jsonPath, type Route } from './router.js';

export function openApiDocument(routes: readonly Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    if (!r.json) continue;
    const parameters = [
      ...(r.pathParams ?? []).map((p) => ({ name: p.name, in: 'path', required: true, description: p.description, schema: p.schema ?? { type: 'string' } })),
      ...(r.query ?? []).map((p) => ({ name: p.name, in: 'query', required: p.required ?? false, description: p.description, schema: p.schema ?? { type: 'string' } })),
    ];
    const operation: Record<string, unknown> = {
      summary: r.summary,
      operationId: operationId(r),
      parameters,
      responses: {
        [r.method === 'POST' ? '201' : '200']: {
          description: r.summary,
          content: { 'application/json': { schema: r.response ?? { type: 'object' } } },
        },
        ...(r.method === 'POST' ? { 303: { description: 'a browser form post: redirect to the article' } } : {}),
        400: { description: 'malformed input', content: { 'application/json': { schema: ERROR } } },
        401: { description: 'a token is required and was not given', content: { 'application/json': { schema: ERROR } } },
        404: { description: 'not found', content: { 'application/json': { schema: ERROR } } },
        ...(r.method === 'POST' ? { 413: { description: 'request body over the limit', content: { 'application/json': { schema: ERROR } } } } : {}),
      },
    };
    if (r.requestBody) operation.requestBody = r.requestBody;
    paths[jsonPath(r.path)] = { ...(paths[jsonPath(r.path)] ?? {}), [r.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'claimline', version,
      description: 'Who said what, about whom, when, via which channel. Every page of the web app has a JSON twin: '
        + 'the same URL with .json (or the same URL with Accept: application/json). When the server was started with a '
        + 'token, send it as Authorization: Bearer TOKEN.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{}, { bearer: [] }],
    paths,
  };
}

const ERROR = { type: 'object', properties: { error: { type: 'string' }, status: { type: 'integer' } }, required: ['error', 'status'] };

function operationId(r: Route): string {
  const words = r.path.split('/').filter(Boolean).map((s) => s.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+/g, ' ').trim());
  const name = words.map((w, i) => (i === 0 ? w : `By ${w}`)).join(' ') || 'home';
  return `${r.method.toLowerCase()} ${name}`.replace(/\s+(\w)/g, (_m, c: string) => c.toUpperCase());
}
