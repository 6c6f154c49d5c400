import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * GET /metrics in Prometheus text format; with a token, only for `Authorization: Bearer
 * <token>` (compared in constant time), otherwise 401 with a WWW-Authenticate challenge.
 */
export function metricsRoute(registry: Registry, token?: string) {
  const expected = token ? digest(token) : null;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (expected) {
      const given = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
      if (!timingSafeEqual(digest(given), expected)) {
        res.writeHead(401, { 'www-authenticate': 'Bearer realm="pandu-metrics"', 'content-type': 'text/plain; charset=utf-8' });
        res.end('unauthorized\n');
        return;
      }
    }
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end(body);
  };
}
