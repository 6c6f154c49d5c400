import { describe, expect, it } from 'vitest';
import { backends } from '../support/db.ts';
import { group, startHarness, users } from '../bots/telegram/harness.ts';
import { consoleSuite } from './harness.ts';
import { addQuestion, GROUPS, OVERDUE_AT_NOW, seedConsoleProgramme, type SeededChats } from './seed.ts';

/** The region codes a page lists, in order (links to region pages). */
const regionCodes = (html: string) => [...html.matchAll(/<td class="nowrap">(\d{2}\.\d{2})<\/td>/g)].map((m) => m[1]);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe.each(backends)('web console pages on %s', (backend) => {
  let chats: SeededChats;
  const suite = consoleSuite(backend, { seed: async (db) => void (chats = await seedConsoleProgramme(db)) });

  it('summarises the active cohorts: stage completion and overdue regions, in tables and in two charts', async () => {
    const { db, client: c } = suite;
    await addQuestion(db, { question: 'Kapan tenggat Bimtek I?', at: '2026-03-23T03:00:00Z' });
    await addQuestion(db, { question: 'Berapa anggarannya?', at: '2026-03-22T03:00:00Z', refused: true, feedback: -1, reason: 'salah' });
    await addQuestion(db, { question: 'Pertanyaan lama', at: '2026-03-01T03:00:00Z' });
    const page = text(await (await c.request('/konsol')).text());
    expect(page).toContain('Pertanyaan 7 hari terakhir 2 1 dijawab · 1 tidak terjawab · 1 👎');
    // Typed with a trailing slash, the address is the same page.
    expect(text(await (await c.request('/konsol/')).text())).toContain('Pertanyaan 7 hari terakhir 2 1 dijawab');
    expect(page).toContain('Angkatan 2026 Tahap Selesai Terlambat Pembentukan Dewan & Tim Pelaksana 4/8 (50%) 4 Bimtek I: Analisis Strategis 2/8 (25%) 5');
    expect(page).toContain('Bimtek III: Masterplan 2/3 (67%) 1');
    expect(page).toMatch(/Bimtek I: Analisis Strategis angkatan 2026 · 5 wilayah Kabupaten Sragen terlambat 4 hari/);
    // Regions of active cohorts without an active Telegram group: 11 minus Sragen, Makassar, Surabaya.
    expect(page).toContain('Wilayah angkatan aktif tanpa grup Telegram 8');
    for (const [path, words] of [
      ['/konsol/grafik/penyelesaian.svg', ['Penyelesaian tahap per angkatan', 'Angkatan 2025', 'Angkatan 2026', '4/8', '2/3']],
      ['/konsol/grafik/terlambat.svg', ['Wilayah terlambat per tahap', 'Bimtek III: Masterplan', 'Pembentukan Dewan &amp; Tim Pelaksana']],
    ] as const) {
      const res = await c.request(path);
      expect(res.headers.get('content-type')).toContain('image/svg+xml');
      const svg = await res.text();
      expect(svg).toMatch(/^<svg/);
      for (const w of words) expect(svg).toContain(w);
      expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(5);
    }
  });

  it('filters the 514 regions: overdue at the fixed clock, cohort, group, province, and pages through them', async () => {
    const { client: c } = suite;
    const all = await (await c.request('/konsol/wilayah')).text();
    expect(text(all)).toContain('Halaman 1 dari 11 · 514 wilayah');
    expect(regionCodes(await (await c.request('/konsol/wilayah?halaman=11')).text())).toHaveLength(14);
    expect(regionCodes(await (await c.request('/konsol/wilayah?terlambat=ya')).text())).toEqual(Object.keys(OVERDUE_AT_NOW).sort());
    const lateForBimtek1 = Object.entries(OVERDUE_AT_NOW).filter(([, st]) => st.includes('bimtek-1')).map(([code]) => code).sort();
    expect(regionCodes(await (await c.request('/konsol/wilayah?terlambat=bimtek-1')).text())).toEqual(lateForBimtek1);
    expect(regionCodes(await (await c.request('/konsol/wilayah?angkatan=2025')).text())).toEqual(['33.72', '34.71', '36.71']);
    expect(regionCodes(await (await c.request('/konsol/wilayah?angkatan=aktif&grup=ada')).text())).toEqual(['33.14', '35.78', '73.71']);
    expect(regionCodes(await (await c.request('/konsol/wilayah?angkatan=2026&provinsi=Jawa+Tengah')).text())).toEqual(['33.14']);
    expect(regionCodes(await (await c.request('/konsol/wilayah?tahap=bimtek-3')).text())).toEqual(['33.72']);
    expect(regionCodes(await (await c.request('/konsol/wilayah?cari=surakarta')).text())).toEqual(['33.72']);
  });

  it('shows a region: cohort, deadlines with overrides in its zone, checklist ticks with who, chats, last reminders', async () => {
    const { client: c } = suite;
    const jayapura = text(await (await c.request('/konsol/wilayah/91.71')).text());
    expect(jayapura).toContain('Zona waktu WIT (Asia/Jayapura)');
    expect(jayapura).toContain('Bimtek I: Analisis Strategis Jumat, 3 April 2026 23.59 WIT tenggat khusus wilayah: akses terbatas H-10');
    expect(jayapura).toContain('SC Jayapura Telegram');
    expect(jayapura).toContain('nonaktif Forbidden: bot was kicked from the supergroup chat');
    const sragen = text(await (await c.request('/konsol/wilayah/33.14')).text());
    expect(sragen).toContain('Angkatan 2026');
    expect(sragen).toContain('Bimtek I: Analisis Strategis: 1/3 butir dicentang');
    expect(sragen).toContain('☑ BT1-01 SK Dewan Smart City dicentang Sari, 10 Mar 2026 11.00 WIB');
    expect(sragen).toContain('21 Mar 2026 08.00 WIB Bimtek I: Analisis Strategis H+1 gagal 502: Bad Gateway 20 Mar 2026 08.00 WIB Pembentukan Dewan & Tim Pelaksana H+21 terkirim');
    expect(sragen).not.toContain(String(GROUPS.sragen)); // ids are shown hashed
    expect((await c.request('/konsol/wilayah/99.99')).status).toBe(404);
  });

  it('marks a stage complete with a note: recorded, audited, and shown by /status in the Telegram group', async () => {
    const { db, client: c } = suite;
    const tg = await startHarness(db);
    try {
      const csrf = await c.csrfOf('/konsol/wilayah/33.14');
      expect((await c.request('/konsol/wilayah/33.14/tahap/bimtek-1/selesai', { form: { csrf, catatan: '' } })).status).toBe(400);
      const res = await c.request('/konsol/wilayah/33.14/tahap/bimtek-1/selesai', { form: { csrf, catatan: 'BA No. 12/2026' } });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/konsol/wilayah/33.14?ok=tahap-selesai#tahap-bimtek-1');
      const region = text(await (await c.request(res.headers.get('location')!.split('#')[0]!)).text());
      expect(region).toContain('Tahap ditandai selesai');
      expect(region).toContain('selesai dikonfirmasi sekretariat oleh pengelola (konsol), 24 Mar 2026 09.00 WIB Catatan: BA No. 12/2026');
      const { updateId } = tg.tg.text(group, users.rina, '/status');
      await tg.settle(updateId);
      const status = tg.texts(group.id).at(-1)!;
      expect(group.id).toBe(GROUPS.sragen);
      expect(status).toContain('✅ Bimtek I: Analisis Strategis: selesai');
      expect(status).toContain('Tahap saat ini: Pembentukan Dewan & Tim Pelaksana');
      const audit = text(await (await c.request('/konsol/audit')).text());
      expect(audit).toContain('pengelola (konsol) tahap ditandai selesai 33.14 bimtek-1 catatan: BA No. 12/2026');
      // Withdrawn by mistake: the stage is open again.
      await c.request('/konsol/wilayah/33.14/tahap/bimtek-1/batal', { form: { csrf } });
      expect(await db.query(`SELECT 1 FROM stage_completions WHERE region_code = '33.14'`)).toEqual([]);
    } finally {
      await tg.stop();
    }
  });

  it('creates a one-time invite code and pauses or resumes a chat\'s reminders', async () => {
    const { db, client: c } = suite;
    const csrf = await c.csrfOf('/konsol/wilayah/33.14');
    const page = text(await (await c.request('/konsol/wilayah/33.14/undangan', { form: { csrf } })).text());
    const [invite] = await db.query<{ code: string; created_by: string }>('SELECT code, created_by FROM invites');
    expect(invite!.created_by).toBe('konsol:pengelola');
    expect(page).toContain(`/daftar ${invite!.code}`);
    expect(page).toContain('Berlaku sekali sampai 27 Mar 2026 09.00 WIB');
    const paused = await c.request(`/konsol/grup/${chats.sragen}/pengingat`, { form: { csrf, aksi: 'jeda' } });
    expect(paused.headers.get('location')).toBe('/konsol/wilayah/33.14?ok=pengingat-jeda');
    expect(await db.query('SELECT reminders_enabled FROM chats WHERE id = $1', [chats.sragen])).toEqual([{ reminders_enabled: false }]);
    await c.request(`/konsol/grup/${chats.sragen}/pengingat`, { form: { csrf, aksi: 'lanjut' } });
    expect(await db.query('SELECT reminders_enabled FROM chats WHERE id = $1', [chats.sragen])).toEqual([{ reminders_enabled: true }]);
    const actions = await db.query<{ action: string }>('SELECT action FROM audit_log WHERE actor = $1 ORDER BY id', ['konsol:pengelola']);
    expect(actions.map((a) => a.action)).toEqual(['session.login', 'invite.create', 'chat.reminders_pause', 'chat.reminders_resume']);
  });

  it('lists the outbox with filters and deactivated chats, and retries a failed reminder', async () => {
    const { db, client: c } = suite;
    const failed = text(await (await c.request('/konsol/pengingat?status=failed')).text());
    expect(failed).toContain('Kabupaten Sragen Tim Smart City Sragen');
    expect(failed).toContain('1 pengingat');
    expect(failed).toContain('SC Jayapura Telegram');
    expect(failed).toContain('Forbidden: bot was kicked from the supergroup chat');
    const [row] = await db.query<{ id: number }>(`SELECT id FROM reminder_outbox WHERE status = 'failed'`);
    const csrf = await c.csrfOf('/konsol/pengingat');
    const res = await c.request(`/konsol/pengingat/${row!.id}/ulang`, { form: { csrf } });
    expect(res.headers.get('location')).toBe(`/konsol/pengingat?ok=kirim-ulang#pengingat-${row!.id}`);
    expect(await db.query('SELECT status, attempts, next_attempt_at FROM reminder_outbox WHERE id = $1', [row!.id])).toEqual([
      { status: 'pending', attempts: 0, next_attempt_at: new Date('2026-03-24T02:00:00Z') },
    ]);
    const again = await c.request(`/konsol/pengingat/${row!.id}/ulang`, { form: { csrf } });
    expect(again.headers.get('location')).toContain('ok=kirim-ulang-tidak');
    // A failed reminder that a later one of the same stage has overtaken is not sent again.
    await db.query(`UPDATE reminder_outbox SET status = 'failed' WHERE region_code = '33.14' AND stage_id = 'bimtek-1' AND offset_days = 7`);
    const [old] = await db.query<{ id: number }>(`SELECT id FROM reminder_outbox WHERE region_code = '33.14' AND offset_days = 7`);
    const stale = await c.request(`/konsol/pengingat/${old!.id}/ulang`, { form: { csrf } });
    expect(stale.headers.get('location')).toContain('ok=kirim-ulang-usang');
    expect(await db.query('SELECT status FROM reminder_outbox WHERE id = $1', [old!.id])).toEqual([{ status: 'failed' }]);
  });
});
