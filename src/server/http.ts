import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from '../log.ts';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, boolean | string>>;
}

export interface HttpServer {
  /** Adds a route (exact path match); adapters mount Slack events, Telegram webhook, admin. */
  route(method: string, path: string, handler: RouteHandler): void;
  listen(port: number, host: string): Promise<{ url: string; port: number }>;
  /** Stops intake and waits for requests in flight. */
  close(): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request body too large');
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

export function createHttpServer(deps: {
  logger: Logger;
  readiness: () => Promise<Readiness>;
  metrics: Registry;
}): HttpServer {
  const routes = new Map<string, RouteHandler>();
  const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

  routes.set(key('GET', '/healthz'), (_req, res) => sendJson(res, 200, { status: 'ok' }));
  routes.set(key('GET', '/readyz'), async (_req, res) => {
    const r = await deps.readiness().catch((err: Error) => ({ ready: false, checks: { error: err.message } }));
    sendJson(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', checks: r.checks });
  });
  routes.set(key('GET', '/metrics'), async (_req, res) => {
    const body = await deps.metrics.metrics();
    res.writeHead(200, { 'content-type': deps.metrics.contentType });
    res.end(body);
  });

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const handler = routes.get(key(req.method ?? 'GET', path));
    if (!handler) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      deps.logger.error({ err, path }, 'http handler failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  server.keepAliveTimeout = 5_000;

  return {
    route(method, path, handler) {
      routes.set(key(method, path), handler);
    },
    listen(port, host) {
      return new Promise((resolveListen, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const addr = server.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
          resolveListen({ url: `http://${shownHost}:${addr.port}`, port: addr.port });
        });
      });
    },
    close() {
      return new Promise((resolveClose) => {
        if (!server.listening) return resolveClose();
        server.close(() => resolveClose());
        server.closeIdleConnections();
      });
    },
  };
}
