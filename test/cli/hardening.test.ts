import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processStartTime } from '../../src/db/owner.ts';
import { runPandu, runPanduOnce, tempDir, type Running } from '../support/process.ts';

const running: Running[] = [];
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    if (r.child.exitCode === null) r.child.kill('SIGKILL');
    await r.exited;
  }
  for (const c of cleanups.splice(0)) c();
});

/** A running `pandu start` in an empty folder (no corpus/ there, so nothing to ingest). */
async function startServer(dir: string, cwd = tempDir(), env: Record<string, string> = {}) {
  const app = runPandu(['start'], { DATABASE_URL: dir, HOST: '127.0.0.1', ...env }, { cwd });
  running.push(app);
  const [, url] = await app.waitFor(/berjalan di (http:\/\/\S+) /, 120_000);
  await app.waitFor(/Anda> /, 60_000);
  return { app, url: url! };
}

/** Every file and folder below dir with its permission bits. */
function modes(dir: string): Array<{ path: string; mode: number; dir: boolean }> {
  return readdirSync(dir, { recursive: true }).map((p) => {
    const st = statSync(join(dir, String(p)));
    return { path: String(p), mode: st.mode & 0o777, dir: st.isDirectory() };
  });
}

/** A live process that is not Pandu (a PID an old owner file may now point at). */
function otherProcess(): number {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  cleanups.push(() => child.kill('SIGKILL'));
  return child.pid!;
}

describe('configuration mistakes stop at start, in one Indonesian line (issue 18, finding 5/6)', () => {
  it.each([
    ['postgress://pandu:s3cr3t-sandi@db.example:5432/pandu', /skema "postgress:\/\/"/],
    ['mysql://root:s3cr3t-sandi@localhost/x', /skema "mysql:\/\/"/],
  ])('refuses DATABASE_URL=%s with exit 2, no password shown, no folder created', async (url, expected) => {
    const cwd = tempDir();
    const r = await runPanduOnce(['start'], { DATABASE_URL: url }, { cwd });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Konfigurasi tidak valid: DATABASE_URL/);
    expect(lines[0]).toMatch(expected);
    expect(r.stderr + r.stdout).not.toContain('s3cr3t');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses a HOST that is not an address', async () => {
    const r = await runPanduOnce(['start'], { DATABASE_URL: 'memory://', HOST: '256.1.1.1' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Konfigurasi tidak valid: HOST harus alamat IP (misalnya 0.0.0.0 atau 127.0.0.1) atau nama host yang valid');
  });

  it('says in one line that a file is not a data folder (DATABASE_URL=/etc/passwd)', async () => {
    const r = await runPanduOnce(['regions', 'list'], { DATABASE_URL: '/etc/passwd' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Folder data /etc/passwd tidak dapat dipakai: itu sebuah file, bukan folder. Periksa DATABASE_URL.');
  });

  it('says in one line that the port is taken, exit 2, and leaves the data folder free', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    cleanups.push(() => blocker.close());
    const port = (blocker.address() as AddressInfo).port;
    const dir = join(tempDir(), 'db');
    const r = await runPanduOnce(['start'], { DATABASE_URL: dir, HOST: '127.0.0.1', PORT: String(port) }, { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`Server HTTP tidak dapat berjalan di 127.0.0.1:${port}: port sudah dipakai proses lain. Periksa PORT dan HOST.`);
    expect(existsSync(join(dir, 'pandu-owner.json'))).toBe(false);
  }, 180_000);
});

describe('the embedded data folder is private (issue 18, finding 3)', () => {
  it('creates the folder 0700 and every file 0600', async () => {
    const dir = join(tempDir(), 'data', 'db');
    const { app } = await startServer(dir);
    app.child.kill('SIGTERM');
    expect((await app.exited).code).toBe(0);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const all = modes(dir);
    expect(all.length).toBeGreaterThan(500);
    expect(all.filter((e) => (e.mode & 0o077) !== 0)).toEqual([]);
    expect(all.filter((e) => !e.dir).every((e) => e.mode === 0o600)).toBe(true);
  }, 240_000);

  it('warns in Indonesian when an existing folder is open to others', async () => {
    const dir = join(tempDir(), 'db');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    const r = await runPanduOnce(['regions', 'list', '--province', 'Gorontalo'], { DATABASE_URL: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Peringatan: folder data ${dir} dapat dibuka pengguna lain di mesin ini (izin 755)`);
    expect(r.stderr).toContain(`chmod 700 ${dir}`);
  }, 180_000);
});

describe('/metrics on its own loopback port (METRICS_PORT, issue 18 finding 7)', () => {
  it('serves metrics only on 127.0.0.1:METRICS_PORT, not on the main port', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const metricsPort = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const { url } = await startServer(join(tempDir(), 'db'), tempDir(), { METRICS_PORT: String(metricsPort) });
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('pandu_questions_total');
  }, 240_000);
});

describe('one owner per data folder (issue 18 finding 7, issue 16 item 7)', () => {
  it('a second start says Pandu is already running, with its PID and address', async () => {
    const dir = join(tempDir(), 'db');
    const { app, url } = await startServer(dir);
    const second = await runPanduOnce(['start'], { DATABASE_URL: dir }, { cwd: tempDir() });
    expect(second.code).toBe(2);
    expect(second.stderr.trim()).toBe(
      `Pandu sudah berjalan untuk folder data ini (PID ${app.child.pid}, ${url}). Hentikan dulu proses itu, atau pakai DATABASE_URL lain.`,
    );
  }, 240_000);

  it('forwards relative paths as absolute ones, so a command from another folder finds its files', async () => {
    const dir = join(tempDir(), 'db');
    await startServer(dir);
    const work = tempDir();
    mkdirSync(join(work, 'docsA'));
    writeFileSync(join(work, 'docsA', 'catatan.md'), '# Catatan rapat\n\nTim daerah menyiapkan dokumen analisis strategis sebelum Bimtek kedua.\n');
    const r = await runPanduOnce(['ingest', 'docsA', '--json'], { DATABASE_URL: dir }, { cwd: work });
    expect(r.stderr).toMatch(/dijalankan melalui Pandu yang sedang berjalan/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(join(work, 'docsA', 'catatan.md'));
  }, 240_000);

  it('takes over a stale owner file whose PID now belongs to another program', async () => {
    const dir = join(tempDir(), 'db');
    mkdirSync(dir, { mode: 0o700 });
    const pid = otherProcess();
    const stale = { pid, port: 1, url: null, token: 'x'.repeat(48), startedAt: '2026-01-01T00:00:00Z', procStart: '1' };
    writeFileSync(join(dir, 'pandu-owner.json'), JSON.stringify(stale), { mode: 0o600 });
    const r = await runPanduOnce(['regions', 'list', '--province', 'Gorontalo', '--json'], { DATABASE_URL: dir });
    expect(r.stderr).toContain(`menyebut PID ${pid}, tetapi proses itu bukan Pandu; folder diambil alih`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(0);
  }, 180_000);

  it('does not send anything to a process on the recorded port that cannot prove it is the owner', async () => {
    const seen: string[] = [];
    const impostor = createHttp((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        seen.push(`${req.url} ${JSON.stringify(req.headers)} ${body}`);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ pid: 1, proof: 'x', challenge: 'y' }));
      });
    });
    await new Promise<void>((r) => impostor.listen(0, '127.0.0.1', r));
    cleanups.push(() => impostor.close());
    const port = (impostor.address() as AddressInfo).port;
    const dir = join(tempDir(), 'db');
    mkdirSync(dir, { mode: 0o700 });
    const pid = otherProcess();
    const token = 'geheim'.repeat(8);
    const owner = { pid, port, url: null, token, startedAt: new Date().toISOString(), procStart: processStartTime(pid) };
    writeFileSync(join(dir, 'pandu-owner.json'), JSON.stringify(owner), { mode: 0o600 });
    const r = await runPanduOnce(['regions', 'invite', '33.14'], { DATABASE_URL: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(new RegExp(`^Proses di port ${port} tidak dapat membuktikan bahwa ia Pandu pemilik folder data \\(PID ${pid}\\)`));
    expect(seen.join('\n')).not.toContain(token);
    expect(seen.some((s) => s.includes('/admin/cli'))).toBe(false);
  }, 180_000);
});
