/**
 * A local HTTP server for the fetch tests (this machine has no internet): routes by path, counts every request
 * it receives, so a test can prove a refused URL never reached it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface TestServer {
  /** `http://HOST:PORT` */
  origin: string;
  port: number;
  /** Requests received, every path. */
  requests: http.IncomingMessage[];
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route>, host = '127.0.0.1'): Promise<TestServer> {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    requests,
    close: () => new Promise((resolve) => {
      // Servers that never answer keep sockets open; close them so the test process can end.
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
