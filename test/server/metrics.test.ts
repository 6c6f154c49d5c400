import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { createHttpServer, type HttpServer } from '../../src/server/http.ts';
import { createMetrics } from '../../src/server/metrics.ts';

const silent = createLogger('silent', { pretty: false });
const readiness = async () => ({ ready: true, checks: {} });

/** Issue 18, finding 7: /metrics can be kept from whoever reaches the port. */
describe('/metrics', () => {
  let server: HttpServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('with METRICS_TOKEN answers only a request with that bearer token', async () => {
    server = createHttpServer({ logger: silent, readiness, metrics: createMetrics().registry, metricsToken: 'token-rahasia-metrik-1234' });
    const { url } = await server.listen(0, '127.0.0.1');
    const without = await fetch(`${url}/metrics`);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await without.text()).not.toContain('pandu_');
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer salah-token-metrik-0000' } })).status).toBe(401);
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer token-rahasia-metrik-1234' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('pandu_questions_total');
    expect((await fetch(`${url}/healthz`)).status).toBe(200); // health stays open
  });

  it('without metrics on this server (METRICS_PORT elsewhere) answers 404', async () => {
    server = createHttpServer({ logger: silent, readiness });
    const { url } = await server.listen(0, '127.0.0.1');
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
  });
});
