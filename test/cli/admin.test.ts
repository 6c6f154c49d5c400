import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { mountAdmin } from '../../src/cli/admin.ts';
import { forwardToOwner } from '../../src/cli/forward.ts';
import { newNonce, prove } from '../../src/cli/handshake.ts';
import { loadConfig } from '../../src/config/index.ts';
import type { Db } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createHttpServer, type HttpServer } from '../../src/server/http.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { testDb } from '../support/db.ts';

const TOKEN = 'a'.repeat(48);

/** The admin endpoint of a running `pandu start` (issue 18, findings 6 and 7). */
describe('/admin endpoint', () => {
  let db: Db;
  let server: HttpServer;
  let base: string;
  let port: number;
  beforeEach(async () => {
    db = await testDb();
    const silent = createLogger('silent', { pretty: false });
    const app: App = { config: loadConfig({}), logger: silent, db, metrics: createMetrics(), owner: null, close: async () => undefined };
    server = createHttpServer({ logger: silent, readiness: async () => ({ ready: true, checks: {} }) });
    mountAdmin(server, app, TOKEN);
    ({ url: base, port } = await server.listen(0, '127.0.0.1'));
  });
  afterEach(async () => {
    await server.close();
  });

  const owner = () => ({ pid: process.pid, port, token: TOKEN, startedAt: new Date().toISOString() });

  it('runs a command for a client that proves it knows the token', async () => {
    const r = await forwardToOwner(owner(), ['regions', 'list', '--province', 'Gorontalo', '--json']);
    expect(r.kind).toBe('done');
    if (r.kind === 'done') expect(JSON.parse(r.stdout).length).toBeGreaterThan(0);
  });

  it('refuses a client with the wrong token, and never accepts a challenge twice', async () => {
    expect((await forwardToOwner({ ...owner(), token: 'b'.repeat(48) }, ['regions', 'list'])).kind).toBe('unverified');
    const hello = (await (await fetch(`${base}/admin/hello`, { method: 'POST', body: JSON.stringify({ nonce: newNonce() }) })).json()) as { challenge: string };
    const send = () =>
      fetch(`${base}/admin/cli`, {
        method: 'POST',
        body: JSON.stringify({ argv: ['regions', 'list'], challenge: hello.challenge, proof: prove(TOKEN, 'client', hello.challenge) }),
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(403);
  });

  it('answers 400 to a body that is not JSON and 413 to one over 1 MB', async () => {
    for (const path of ['/admin/hello', '/admin/cli']) {
      expect((await fetch(`${base}${path}`, { method: 'POST', body: 'argv=regions' })).status).toBe(400);
      expect((await fetch(`${base}${path}`, { method: 'POST', body: JSON.stringify({ argv: ['x'.repeat(1_100_000)] }) })).status).toBe(413);
    }
  });
});
