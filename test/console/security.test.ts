import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.ts';
import { backends, testDb } from '../support/db.ts';
import { createAccount } from '../../src/console/index.ts';
import { addAccount, Client, PASSWORD, startConsoleServer, type ConsoleServer } from './harness.ts';
import { addQuestion, seedConsoleProgramme } from './seed.ts';

/** Every concrete route of the console app, with sample values for its parameters. */
function routesOf(s: ConsoleServer, ids: { chat: number; question: number; document: number; reminder: number }) {
  const seen = new Set<string>();
  const out: { method: string; path: string }[] = [];
  for (const r of s.console.app.routes) {
    if ((r.method !== 'GET' && r.method !== 'POST') || r.path.includes('*')) continue;
    const path = r.path
      .replace(':kode', '33.14')
      .replace(':tahap', 'bimtek-1')
      .replace('/grup/:id', `/grup/${ids.chat}`)
      .replace('/pertanyaan/:id', `/pertanyaan/${ids.question}`)
      .replace('/dokumen/:id', `/dokumen/${ids.document}`)
      .replace('/pengingat/:id', `/pengingat/${ids.reminder}`);
    const key = `${r.method} ${path}`;
    if (!seen.has(key)) out.push({ method: r.method, path });
    seen.add(key);
  }
  return out;
}

/** Public before login: the login form and the stylesheet it uses. */
const PUBLIC = new Set(['GET /konsol/masuk', 'POST /konsol/masuk', 'GET /konsol/gaya.css']);
/** POSTs that are not changes to the programme's data: logging out, one's own password. */
const OWN = new Set(['POST /konsol/keluar', 'POST /konsol/sandi']);

describe.each(backends)('web console security over HTTP on %s', (backend) => {
  let db: Db;
  let s: ConsoleServer;
  let ids: { chat: number; question: number; document: number; reminder: number };

  beforeAll(async () => {
    db = await testDb(backend);
    s = await startConsoleServer(db);
  });
  afterAll(async () => {
    await s.stop();
  });
  beforeEach(async () => {
    const { resetDb } = await import('../support/db.ts');
    await resetDb(db);
    const chats = await seedConsoleProgramme(db);
    const question = await addQuestion(db, { question: 'Kapan tenggat <script>alert("x")</script> Bimtek I?', userId: '501', chatId: '501', region: '33.14' });
    const [doc] = await db.query<{ id: number }>(
      `INSERT INTO documents (path, title, kind, content_hash) VALUES ('corpus/panduan/uji.md', 'Panduan <b>uji</b>', 'panduan', 'x') RETURNING id`,
    );
    const [reminder] = await db.query<{ id: number }>(`SELECT id FROM reminder_outbox WHERE status = 'failed'`);
    ids = { chat: chats.sragen, question, document: doc!.id, reminder: reminder!.id };
    await addAccount(db, 'pengelola', 'kelola');
    await addAccount(db, 'pembaca', 'lihat');
  });

  it('is off, with a page saying how to turn it on, until the first account exists', async () => {
    await db.exec('DELETE FROM console_accounts');
    const off = await startConsoleServer(db);
    try {
      const res = await fetch(`${off.url}/konsol/masuk`, { redirect: 'manual' });
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('pandu konsol tambah-pengguna NAMA --peran kelola');
      await addAccount(db, 'pertama', 'kelola');
      expect((await fetch(`${off.url}/konsol/masuk`, { redirect: 'manual' })).status).toBe(200);
    } finally {
      await off.stop();
    }
  });

  it('sends every route to the login form (pages) or answers 401 (actions) without a session', async () => {
    const routes = routesOf(s, ids);
    expect(routes.length).toBeGreaterThan(15);
    const anonymous = new Client(s.url);
    for (const r of routes.filter((x) => !PUBLIC.has(`${x.method} ${x.path}`))) {
      const res = await anonymous.request(r.path, { method: r.method, form: r.method === 'POST' ? { csrf: 'x' } : undefined });
      if (r.method === 'GET') {
        expect([r.path, res.status]).toEqual([r.path, 302]);
        expect(res.headers.get('location')).toMatch(/^\/konsol\/masuk\?lanjut=/);
      } else {
        expect([r.path, res.status]).toEqual([r.path, 401]);
      }
    }
  });

  it('gives a "lihat" account 403 on every change, and changes nothing', async () => {
    const reader = new Client(s.url);
    expect((await reader.login('pembaca')).status).toBe(303);
    const csrf = await reader.csrfOf('/konsol');
    const before = await db.query('SELECT (SELECT count(*) FROM invites) AS i, (SELECT count(*) FROM stage_completions) AS c, (SELECT count(*) FROM documents) AS d');
    const changes = routesOf(s, ids).filter((r) => r.method === 'POST' && !PUBLIC.has(`POST ${r.path}`) && !OWN.has(`POST ${r.path}`));
    expect(changes.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/konsol/wilayah/33.14/undangan', '/konsol/wilayah/33.14/tahap/bimtek-1/selesai', '/konsol/dokumen', `/konsol/pengingat/${ids.reminder}/ulang`]),
    );
    for (const r of changes) {
      const res = await reader.request(r.path, { form: { csrf, catatan: 'BA 1', aksi: 'jeda' } });
      expect([r.path, res.status]).toEqual([r.path, 403]);
    }
    expect((await reader.request(`/konsol/dokumen/${ids.document}/hapus`)).status).toBe(403);
    const after = await db.query('SELECT (SELECT count(*) FROM invites) AS i, (SELECT count(*) FROM stage_completions) AS c, (SELECT count(*) FROM documents) AS d');
    expect(after).toEqual(before);
  });

  it('refuses a form without its CSRF token (or with another session\'s), login included', async () => {
    const manager = new Client(s.url);
    await manager.login('pengelola');
    const other = new Client(s.url);
    await other.login('pembaca');
    const foreign = await other.csrfOf('/konsol');
    for (const form of [{ catatan: 'BA 1' }, { catatan: 'BA 1', csrf: foreign }] as Record<string, string>[]) {
      const res = await manager.request('/konsol/wilayah/33.14/tahap/bimtek-1/selesai', { form });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('token keamanan');
    }
    expect((await manager.request('/konsol/wilayah/33.14/undangan', { form: {} })).status).toBe(403);
    expect(await db.query(`SELECT 1 FROM stage_completions WHERE region_code = '33.14'`)).toEqual([]);
    expect(await db.query('SELECT 1 FROM invites')).toEqual([]);
    // The login form carries its own token (cookie + field): without it, no session.
    const stranger = new Client(s.url);
    const res = await stranger.request('/konsol/masuk', { form: { nama: 'pengelola', sandi: PASSWORD } });
    expect(res.status).toBe(403);
    expect(stranger.cookies.has('pandu_konsol')).toBe(false);
  });

  it('slows down a name after ten wrong passwords, even for the right one, until the wait is over', async () => {
    const guesser = new Client(s.url);
    for (let i = 0; i < 10; i++) expect((await guesser.login('pengelola', `salah-${i}-xxxxxxxx`)).status).toBe(401);
    const blocked = await guesser.login('pengelola');
    expect(blocked.status).toBe(429);
    const wait = Number(blocked.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(29);
    expect(await blocked.text()).toContain('Terlalu banyak sandi salah');
    expect(guesser.cookies.has('pandu_konsol')).toBe(false);
    // Another name is not held up by the first one's failures.
    expect((await new Client(s.url).login('pembaca')).status).toBe(303);
    s.clock.now = new Date(s.clock.now.getTime() + wait * 1000);
    try {
      expect((await guesser.login('pengelola')).status).toBe(303);
    } finally {
      s.clock.now = new Date('2026-03-24T02:00:00Z');
    }
  });

  it('sets the session cookie HttpOnly, SameSite=Strict, for /konsol only, and Secure behind HTTPS', async () => {
    const plain = new Client(s.url);
    await plain.login('pengelola');
    const cookie = plain.setCookieHeaders.find((c) => c.startsWith('pandu_konsol='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/konsol/);
    expect(cookie).not.toMatch(/; Secure/);
    const proxied = new Client(s.url);
    const csrf = await proxied.csrfOf('/konsol/masuk');
    await proxied.request('/konsol/masuk', { form: { csrf, nama: 'pengelola', sandi: PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.setCookieHeaders.find((c) => c.startsWith('pandu_konsol='))).toMatch(/; Secure/);
  });

  it('ends the session at logout: the old cookie opens nothing', async () => {
    const c = new Client(s.url);
    await c.login('pengelola');
    const token = c.cookies.get('pandu_konsol')!;
    expect((await c.request('/konsol')).status).toBe(200);
    const csrf = await c.csrfOf('/konsol');
    expect((await c.request('/konsol/keluar', { form: { csrf } })).headers.get('location')).toBe('/konsol/masuk?keluar=1');
    const replay = new Client(s.url);
    replay.cookies.set('pandu_konsol', token);
    expect((await replay.request('/konsol')).status).toBe(302);
  });

  it('shows what users typed as text: a question with <script>, a document title with markup', async () => {
    const c = new Client(s.url);
    await c.login('pengelola');
    for (const path of ['/konsol/pertanyaan', `/konsol/pertanyaan/${ids.question}`, '/konsol/pertanyaan?cari=tenggat']) {
      const html = await (await c.request(path)).text();
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
    const docs = await (await c.request('/konsol/dokumen')).text();
    expect(docs).toContain('Panduan &lt;b&gt;uji&lt;/b&gt;');
    const res = await c.request('/konsol');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('makes a person replace a generated password before anything else, and checks the new one', async () => {
    const { generatedPassword } = await createAccount(db, { name: 'baru', role: 'lihat', by: 'cli', now: s.clock.now });
    const c = new Client(s.url);
    expect((await c.login('baru', generatedPassword!)).headers.get('location')).toBe('/konsol/sandi');
    expect((await c.request('/konsol/wilayah')).headers.get('location')).toBe('/konsol/sandi');
    const csrf = await c.csrfOf('/konsol/sandi');
    const tries: [Record<string, string>, string][] = [
      [{ sandi_lama: 'salah-sekali-ini', sandi_baru: 'sandi-baru-yang-panjang', ulangi: 'sandi-baru-yang-panjang' }, 'Sandi sekarang salah.'],
      [{ sandi_lama: generatedPassword!, sandi_baru: 'sandi-baru-yang-panjang', ulangi: 'sandi-lain-yang-panjang' }, 'tidak sama'],
      [{ sandi_lama: generatedPassword!, sandi_baru: 'pendek', ulangi: 'pendek' }, 'minimal 12 karakter'],
    ];
    for (const [form, message] of tries) {
      const res = await c.request('/konsol/sandi', { form: { csrf, ...form } });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(message);
    }
    const done = await c.request('/konsol/sandi', { form: { csrf, sandi_lama: generatedPassword!, sandi_baru: 'sandi-baru-yang-panjang', ulangi: 'sandi-baru-yang-panjang' } });
    expect(done.headers.get('location')).toBe('/konsol?ok=sandi-diganti');
    expect((await c.request('/konsol/wilayah')).status).toBe(200);
    expect((await new Client(s.url).login('baru', generatedPassword!)).status).toBe(401);
    expect((await new Client(s.url).login('baru', 'sandi-baru-yang-panjang')).status).toBe(303);
  });
});
