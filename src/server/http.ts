import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { PanduError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { metricsRoute } from './metrics-route.ts';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, boolean | string>>;
}

export interface HttpServer {
  /** Adds a route (exact path match); adapters mount Slack events, Telegram webhook, admin. */
  route(method: string, path: string, handler: RouteHandler): void;
  /** Hands every request under a path prefix (any method) to one handler, e.g. the web console. */
  mount(prefix: string, handler: RouteHandler): void;
  listen(port: number, host: string): Promise<{ url: string; port: number }>;
  /** Stops intake and waits for requests in flight. */
  close(): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Largest request body read by any route (webhook updates, admin commands): 1 MB. */
export const MAX_BODY_BYTES = 1_000_000;

/** A request that cannot be served as sent; the server answers with its status, not 500. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Reads the body up to limit bytes (declared or streamed); more is 413 before anything is parsed. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new HttpError(413, 'request body too large');
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'request body too large');
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** Reads a bounded JSON body; malformed JSON is a 400, never a crash or a 500. */
export async function readJson(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const text = await readBody(req, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
}

export function createHttpServer(deps: {
  logger: Logger;
  readiness: () => Promise<Readiness>;
  /** Served on GET /metrics; omitted when metrics live on their own port (METRICS_PORT). */
  metrics?: Registry;
  /** Bearer token /metrics requires (METRICS_TOKEN). */
  metricsToken?: string;
}): HttpServer {
  const routes = new Map<string, RouteHandler>();
  const mounts: { prefix: string; handler: RouteHandler }[] = [];
  const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

  routes.set(key('GET', '/healthz'), (_req, res) => sendJson(res, 200, { status: 'ok' }));
  routes.set(key('GET', '/readyz'), async (_req, res) => {
    const r = await deps.readiness().catch((err: Error) => ({ ready: false, checks: { error: err.message } }));
    sendJson(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', checks: r.checks });
  });
  if (deps.metrics) routes.set(key('GET', '/metrics'), metricsRoute(deps.metrics, deps.metricsToken));

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const handler =
      routes.get(key(req.method ?? 'GET', path)) ?? mounts.find((m) => path === m.prefix || path.startsWith(`${m.prefix}/`))?.handler;
    if (!handler) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      if (err instanceof HttpError) {
        deps.logger.debug({ path, status: err.status }, 'http request refused');
        if (!res.headersSent) sendJson(res, err.status, { error: err.message }, { connection: 'close' });
        else res.end();
        return;
      }
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
    mount(prefix, handler) {
      mounts.push({ prefix: prefix.replace(/\/+$/, ''), handler });
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

/** listen() whose failure (port in use, unknown host, no permission) is a LISTEN_FAILED error. */
export async function listenOrFail(server: HttpServer, port: number, host: string): Promise<{ url: string; port: number }> {
  try {
    return await server.listen(port, host);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    const shown = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    throw new PanduError('LISTEN_FAILED', { address: shown, reason }, { cause: err });
  }
}
