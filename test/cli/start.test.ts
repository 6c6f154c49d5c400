import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { runPandu, runPanduOnce, tempDir } from '../support/process.ts';
import { createPostgresDatabase } from '../support/db.ts';
import { waitFor, waitForStatus } from '../support/wait.ts';

/** A TCP server on a free loopback port. */
async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A loopback port nothing listens on. */
async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('pandu start', () => {
  it('shows its address and a console prompt, stops on SIGINT with exit 0, and keeps the data', async () => {
    const dir = join(tempDir(), 'db');
    const started = Date.now();
    const first = runPandu(['start'], { DATABASE_URL: dir });
    const [, url] = await first.waitFor(/berjalan di (http:\/\/\S+) /, 15_000);
    await first.waitFor(/Anda> /, 15_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/metrics`)).headers.get('content-type')).toMatch(/text\/plain/);

    // While it runs, another command goes through the running server.
    const invite = await runPanduOnce(['regions', 'invite', '33.14', '--json'], { DATABASE_URL: dir });
    expect(invite.code).toBe(0);
    const code = JSON.parse(invite.stdout).code as string;

    first.child.kill('SIGINT');
    expect((await first.exited).code).toBe(0);

    // The next start reuses the data: the invite made through the server is still there.
    const again = await runPanduOnce(['regions', 'invite', 'sragen', '--json'], { DATABASE_URL: dir });
    expect(again.code).toBe(0);
    const { openDatabase } = await import('../../src/db/index.ts');
    const db = await openDatabase(dir);
    const rows = await db.query<{ code: string }>('SELECT code FROM invites ORDER BY created_at');
    await db.close();
    expect(rows.map((r) => r.code)).toEqual([code, JSON.parse(again.stdout).code]);
  });

  it('starts again after being killed with SIGKILL during start', async () => {
    const dir = join(tempDir(), 'db');
    const victim = runPandu(['start'], { DATABASE_URL: dir });
    // The owner file is written once the data folder is claimed, before PGlite starts and
    // migrates; the address is printed only after both. Killed in between: mid start-up.
    await waitFor(() => existsSync(join(dir, 'pandu-owner.json')), { timeout: 60_000, interval: 10, what: 'the data folder to be claimed' });
    victim.child.kill('SIGKILL');
    await victim.exited;
    expect(victim.stdout()).not.toMatch(/berjalan di/);
    const next = runPandu(['start'], { DATABASE_URL: dir });
    await next.waitFor(/Anda> /, 30_000);
    next.child.kill('SIGTERM');
    expect((await next.exited).code).toBe(0);
  }, 150_000);

  it('says in one line that an unreachable PostgreSQL cannot be used, exit code 2', async () => {
    const r = await runPanduOnce(['start'], { DATABASE_URL: 'postgres://nohost:1/x' });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Tidak dapat terhubung ke basis data nohost:1\/x/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers /healthz while the database is still opening, /readyz only 503 until it is open', async () => {
    // A "PostgreSQL" that accepts connections and never answers: the open hangs until pg's 5 s timeout.
    const sockets: Socket[] = [];
    const silent = createServer((s) => void sockets.push(s));
    const silentPort = await listen(silent);
    const port = await freePort();
    const app = runPandu(['start'], { DATABASE_URL: `postgres://pandu@127.0.0.1:${silentPort}/x`, HOST: '127.0.0.1', PORT: String(port) });
    try {
      await waitForStatus(`http://127.0.0.1:${port}/healthz`, 200, { timeout: 20_000, interval: 50 });
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: { database: boolean } }).checks.database).toBe(false);
      expect(app.stdout()).not.toMatch(/berjalan di/);
      // The open then fails as before: one line, exit 2, and the port is free again.
      expect((await app.exited).code).toBe(2);
      expect(app.stderr()).toMatch(/Tidak dapat terhubung ke basis data 127\.0\.0\.1:\d+\/x/);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      app.child.kill('SIGKILL');
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
  }, 60_000);

  it('rejects an invalid configuration in one line with exit code 2', async () => {
    const r = await runPanduOnce(['regions', 'list'], { PORT: 'tiga-ribu' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Konfigurasi tidak valid: PORT harus nomor port 0–65535');
  });

  it('shows help without reading the configuration, which only a command that opens the database needs', async () => {
    const r = await runPanduOnce(['--help'], { PORT: 'tiga-ribu' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ask/);
    expect(r.stderr).toBe('');
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)('runs against PostgreSQL with pgvector, same migrations', async () => {
    const url = await createPostgresDatabase('start');
    const app = runPandu(['start'], { DATABASE_URL: url });
    const [, base] = await app.waitFor(/berjalan di (http:\/\/\S+) /, 30_000);
    // 503 until the empty database has the corpus, then ready.
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    await waitForStatus(`${base}/readyz`, 200, { timeout: 120_000, interval: 500, what: 'readiness after the corpus is ingested' });
    const list = await runPanduOnce(['regions', 'list', '--json'], { DATABASE_URL: url });
    expect(JSON.parse(list.stdout).length).toBeGreaterThanOrEqual(500);
    app.child.kill('SIGTERM');
    expect((await app.exited).code).toBe(0);
  }, 180_000);
});

describe('pandu regions', () => {
  it('lists every region as JSON with zone and cohort', async () => {
    const dir = join(tempDir(), 'db');
    const r = await runPanduOnce(['regions', 'list', '--json'], { DATABASE_URL: dir });
    expect(r.code).toBe(0);
    const regions = JSON.parse(r.stdout) as Array<{ code: string; name: string; kind: string; timezone: string; cohort: unknown }>;
    expect(regions.length).toBeGreaterThanOrEqual(500);
    const byName = new Map(regions.map((x) => [x.name, x]));
    expect(byName.get('Kota Jayapura')).toMatchObject({ timezone: 'Asia/Jayapura', kind: 'kota', cohort: null });
    expect(byName.get('Kota Makassar')?.timezone).toBe('Asia/Makassar');
    expect(byName.get('Kabupaten Sragen')?.timezone).toBe('Asia/Jakarta');
  });

  it('refuses an unknown region code with a clear message and exit code 2', async () => {
    const r = await runPanduOnce(['regions', 'invite', '99.99'], { DATABASE_URL: 'memory://' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Wilayah "99.99" tidak dikenal/);
  });
});
