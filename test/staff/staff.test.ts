import { beforeEach, describe, expect, it } from 'vitest';
import { createAnswerService } from '../../src/answer/service.ts';
import { loadVocabulary, type RegionName, type Vocabulary } from '../../src/answer/vocabulary.ts';
import type { Db } from '../../src/db/index.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { askStaff, readStaffQuestion } from '../../src/staff/index.ts';
import { addChat, silent } from '../digest/seed.ts';
import { runCli } from '../support/cli.ts';
import { testDb } from '../support/db.ts';
import { byName, NOW, seedCohort, type SeededCohort } from './seed.ts';

const PROVINCES = ['Jawa Tengah', 'Sulawesi Selatan', 'Papua', 'Papua Barat', 'Riau', 'Kepulauan Riau'];
const ask = (db: Db, question: string, regionStatus: (r: RegionName) => Promise<string> = async () => 'STATUS') => askStaff({ db, now: NOW, timezone: 'Asia/Jakarta', regionStatus }, question);

describe('staff questions about the programme, answered from the database', () => {
  let db: Db;
  let cohort: SeededCohort;
  let vocab: Vocabulary;
  const overdueNames = () => cohort.regions.filter((r) => !cohort.finished.includes(r.code) && r.code !== cohort.extended).map((r) => r.name).sort(byName);

  beforeEach(async () => {
    db = await testDb();
    cohort = await seedCohort(db);
    vocab = await loadVocabulary(db);
  });

  it('reads the kind of question however it is phrased, and leaves rule questions to the documents', () => {
    const read = (q: string) => readStaffQuestion(q, vocab, PROVINCES);
    for (const q of ['daerah mana saja yang terlambat bimtek IV?', 'Berapa wilayah yang telat Bimtek 4?', 'sebutkan kabupaten/kota yang melewati tenggat bimbingan teknis keempat', 'Daftar pemda yang terlambat BT-4 angkatan 2026']) {
      expect(read(q), q).toMatchObject({ kind: 'overdue', filter: { stageId: 'bimtek-4' } });
    }
    expect(read('wilayah mana saja di Papua Barat yang terlambat bimtek 4?')).toMatchObject({ kind: 'overdue', filter: { province: 'Papua Barat' } });
    expect(read('berapa daerah yang sudah menyelesaikan bimtek IV?')).toMatchObject({ kind: 'finished', stageId: 'bimtek-4', negated: false });
    expect(read('wilayah mana saja yang belum selesai bimtek 4?')).toMatchObject({ kind: 'finished', negated: true });
    expect(read('daerah mana yang belum punya grup telegram?')).toMatchObject({ kind: 'unbound' });
    expect(read('wilayah apa saja yang grupnya belum terhubung?')).toMatchObject({ kind: 'unbound' });
    expect(read('pengingat apa saja yang gagal minggu ini?')).toMatchObject({ kind: 'failed-reminders' });
    const region = cohort.regions[7]!;
    expect(read(`bagaimana status ${region.name}?`)).toMatchObject({ kind: 'region-status', region: { code: region.code } });
    // Rule and deadline questions stay with the documents and the calendar.
    for (const q of ['apa sanksi bagi daerah yang terlambat mengumpulkan dokumen?', 'kapan tenggat bimtek IV?', 'apa saja keluaran bimtek IV?', 'bagaimana cara membuat grup telegram?', 'apa yang terjadi jika pengingat gagal?']) {
      expect(read(q), q).toBeNull();
    }
  });

  it('lists exactly the overdue regions at a fixed now: count first, names sorted, the rest in a CSV', async () => {
    const a = (await ask(db, 'daerah mana saja yang terlambat bimtek IV?'))!;
    const expected = overdueNames();
    expect(expected).toHaveLength(19);
    expect(a.count).toBe(19);
    expect(a.names).toEqual(expected);
    const lines = a.text.split('\n');
    expect(lines[0]).toBe('*19 wilayah terlambat Bimbingan Teknis IV* per Senin, 23 November 2026 — tenggat sudah lewat, tahap belum selesai:');
    expect(lines.slice(1, 16).map((l) => l.slice(2, l.indexOf(' ('))).join('|')).toBe(expected.slice(0, 15).join('|'));
    expect(lines[16]).toContain('…dan 4 lainnya');
    expect(a.text).not.toMatch(/\/daftar|\/tenggat|telegram/i);
    const csvRows = a.csv!.content.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csvRows).toHaveLength(20);
    expect(csvRows.slice(1).map((r) => r.split(',')[1])).toEqual(expected);
    // A province narrows it; a short list has no CSV.
    const papua = (await ask(db, 'wilayah di Papua mana saja yang telat Bimtek 4?'))!;
    expect(papua.names).toEqual(cohort.regions.filter((r) => r.province === 'Papua' && !cohort.finished.includes(r.code) && r.code !== cohort.extended).map((r) => r.name).sort(byName));
    expect(papua.csv).toBeNull();
  });

  it('counts regions that finished a stage, names regions without a group, reports failed reminders and a region’s status', async () => {
    const done = (await ask(db, 'berapa daerah yang sudah menyelesaikan bimtek IV?'))!;
    expect(done.text.split('\n')[0]).toBe('*4 dari 24 wilayah sudah menyelesaikan Bimbingan Teknis IV*:');
    expect(done.names).toEqual(cohort.regions.slice(0, 4).map((r) => r.name).sort(byName));

    const chat = await addChat(db, { chatId: '-2001', regionCode: cohort.regions[0]!.code });
    await addChat(db, { chatId: '-2002', regionCode: cohort.regions[1]!.code, active: false });
    const unbound = (await ask(db, 'daerah mana saja yang belum punya grup?'))!;
    expect(unbound.count).toBe(23);
    expect(unbound.names).not.toContain(cohort.regions[0]!.name);
    expect(unbound.names).toContain(cohort.regions[1]!.name);

    await db.query(
      `INSERT INTO reminder_outbox (chat_id, region_code, stage_id, due_on, offset_days, send_at, status, attempts, last_error)
       VALUES ($1, $2, 'bimtek-4', '2026-11-01', -21, '2026-11-21T01:00:00Z', 'failed', 6, '502: Bad Gateway')`,
      [chat, cohort.regions[0]!.code],
    );
    const failed = (await ask(db, 'pengingat yang gagal minggu ini apa saja?'))!;
    expect(failed.count).toBe(1);
    expect(failed.text).toContain(cohort.regions[0]!.name);
    expect(failed.text).toContain('502: Bad Gateway');

    const asked: string[] = [];
    const status = (await ask(db, `bagaimana perkembangan ${cohort.regions[9]!.name}?`, async (r) => (asked.push(r.code), 'STATUS')))!;
    expect(status.text).toBe('STATUS');
    expect(asked).toEqual([cohort.regions[9]!.code]);
  });

  it('answers the same question in `pandu ask --json --staff`, and not without the flag', async () => {
    await db.exec('TRUNCATE deadlines, stages CASCADE');
    cohort = await seedCohort(db, { bimtek4Due: '2020-01-01', extendedTo: '2999-01-01' });
    const staff = await runCli(db, ['ask', 'daerah mana saja yang terlambat bimtek IV?', '--json', '--staff']);
    expect(staff.code).toBe(0);
    const out = JSON.parse(staff.stdout) as { intent: string; kind: string; count: number; names: string[]; csv: { filename: string } | null };
    expect(out).toMatchObject({ intent: 'programme_data', kind: 'overdue', count: 19 });
    expect(out.names).toEqual(overdueNames());
    expect(out.csv?.filename).toMatch(/^pandu-overdue-\d{4}-\d\d-\d\d\.csv$/);
    const plain = await runCli(db, ['ask', 'daerah mana saja yang terlambat bimtek IV?', '--json']);
    expect((JSON.parse(plain.stdout) as { intent: string }).intent).not.toBe('programme_data');
  });

  it('answers the question from a Telegram group for that group’s own region only', async () => {
    const own = cohort.regions.find((r) => !cohort.finished.includes(r.code) && r.code !== cohort.extended)!;
    const answers = createAnswerService({ db, embedder: createHashingEmbedder(64), logger: silent, now: () => NOW });
    const a = await answers.ask({ question: 'daerah mana saja yang terlambat bimtek IV?', platform: 'telegram', chatId: '-3001', regionCode: own.code, now: NOW, record: false });
    expect(a.answer).toContain(own.name);
    for (const other of overdueNames().filter((n) => n !== own.name)) expect(a.answer).not.toContain(other);
  });
});
