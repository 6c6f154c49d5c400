import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAccounts } from '../../src/console/index.ts';
import { runCli } from '../support/cli.ts';
import { backends, testDb } from '../support/db.ts';
import { runPandu, tempDir } from '../support/process.ts';
import { waitForStatus } from '../support/wait.ts';
import { Client } from '../console/harness.ts';

describe.each(backends)('pandu konsol on %s', (backend) => {
  it('creates an account with a one-time password that must be replaced at first login', async () => {
    const db = await testDb(backend);
    const r = await runCli(db, ['konsol', 'tambah-pengguna', 'Sari', '--peran', 'kelola']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Akun konsol "sari" \(kelola\) dibuat\.\nSandi sekali pakai: ([a-zA-Z2-9]{5}-){3}[a-zA-Z2-9]{5}\n/);
    expect(r.stdout).toContain('tidak disimpan dan tidak ditampilkan lagi');
    const [account] = await listAccounts(db);
    expect(account).toMatchObject({ name: 'sari', role: 'kelola', mustChangePassword: true });
    const stored = await db.query<{ password_hash: string }>('SELECT password_hash FROM console_accounts');
    const password = /Sandi sekali pakai: (\S+)/.exec(r.stdout)![1]!;
    expect(stored[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored[0]!.password_hash).not.toContain(password);

    const list = await runCli(db, ['konsol', 'daftar-pengguna']);
    expect(list.stdout).toMatch(/^sari\tkelola\tdibuat .+ WIB\tbelum mengganti sandi sekali pakai\n$/);
    const audit = await db.query<{ actor: string; action: string; target: string }>('SELECT actor, action, target FROM audit_log');
    expect(audit).toEqual([{ actor: 'cli', action: 'account.create', target: 'sari' }]);
  });

  it('reads the password from standard input with --sandi-stdin, and refuses bad input with exit 2', async () => {
    const db = await testDb(backend);
    const ok = await runCli(db, ['konsol', 'tambah-pengguna', 'budi', '--peran', 'lihat', '--sandi-stdin'], {}, 'rahasia-budi-2026\n');
    expect(ok).toMatchObject({ code: 0, stdout: 'Akun konsol "budi" (lihat) dibuat.\n' });
    expect((await listAccounts(db))[0]).toMatchObject({ name: 'budi', role: 'lihat', mustChangePassword: false });
    const cases: [string[], string | undefined, RegExp][] = [
      [['konsol', 'tambah-pengguna', 'budi', '--peran', 'lihat'], undefined, /akun "budi" sudah ada/],
      [['konsol', 'tambah-pengguna', 'rina', '--peran', 'admin'], undefined, /peran harus lihat atau kelola/],
      [['konsol', 'tambah-pengguna', 'x', '--peran', 'lihat'], undefined, /nama pengguna harus 3-40 karakter/],
      [['konsol', 'tambah-pengguna', 'rina', '--peran', 'lihat', '--sandi-stdin'], 'pendek\n', /sandi minimal 12 karakter/],
      [['konsol', 'tambah-pengguna', 'rina', '--peran', 'lihat', '--sandi-stdin'], '', /masukan standar kosong/],
      [['konsol', 'atur-sandi', 'tidakada'], undefined, /akun "tidakada" tidak ada/],
    ];
    for (const [argv, stdin, message] of cases) {
      const r = await runCli(db, argv, {}, stdin);
      expect([argv.join(' '), r.code]).toEqual([argv.join(' '), 2]);
      expect(r.stderr).toMatch(message);
    }
    expect((await listAccounts(db)).map((a) => a.name)).toEqual(['budi']);
    const reset = await runCli(db, ['konsol', 'atur-sandi', 'budi']);
    expect(reset.stdout).toMatch(/Sandi akun "budi" diganti; sesi akun itu berakhir\.\nSandi sekali pakai: \S+/);
    expect((await runCli(db, ['konsol', 'hapus-pengguna', 'budi'])).stdout).toBe('Akun konsol "budi" dihapus.\n');
    expect(await listAccounts(db)).toEqual([]);
  });
});

describe('the console served by pandu start', () => {
  it('is off until an account is made through the running server, then logs in and shows the summary', async () => {
    const dir = join(tempDir(), 'db');
    const app = runPandu(['start'], { DATABASE_URL: dir });
    try {
      const [, url] = await app.waitFor(/berjalan di (http:\/\/\S+) /, 60_000);
      // The console is mounted once start-up has built it; without an account it is 404.
      await waitForStatus(`${url}/konsol/masuk`, 404, { timeout: 60_000, interval: 250 });
      // The embedded database belongs to the running server: the command goes through it, stdin too.
      const add = runPandu(['konsol', 'tambah-pengguna', 'sekretariat', '--peran', 'kelola', '--sandi-stdin'], { DATABASE_URL: dir });
      add.child.stdin.end('sandi-sekretariat-2026\n');
      expect((await add.exited).code).toBe(0);
      expect(add.stdout()).toBe('Akun konsol "sekretariat" (kelola) dibuat.\n');
      const c = new Client(url!);
      expect((await c.login('sekretariat', 'sandi-sekretariat-2026')).status).toBe(303);
      const summary = await (await c.request('/konsol')).text();
      expect(summary).toContain('<h1>Ringkasan</h1>');
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
    }
  }, 180_000);
});
