import { describe, expect, it } from 'vitest';
import { createAnswerService } from '../../src/answer/service.ts';
import { ingestPaths } from '../../src/ingest/index.ts';
import { pruneQuestionTexts } from '../../src/questions/index.ts';
import { backends } from '../support/db.ts';
import { guideFolder } from './corpus.ts';
import { consoleSuite, silent } from './harness.ts';
import { addQuestion, NOW } from './seed.ts';

const text = (html: string) =>
  html.replace(/<[^>]+>/g, ' ').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const questionLinks = (html: string) => [...html.matchAll(/href="\/konsol\/pertanyaan\/(\d+)"/g)].map((m) => Number(m[1]));

describe.each(backends)('question log in the console on %s', (backend) => {
  const suite = consoleSuite(backend);

  it('opens a refused question with its answer and the passages retrieval found, as the answer service logged them', async () => {
    const { db, client: c, server: s } = suite;
    await ingestPaths({ db, embedder: s.embedder, logger: silent }, [guideFolder()]);
    const answers = createAnswerService({ db, embedder: s.embedder, logger: silent, now: () => NOW });
    const refused = await answers.ask({ question: 'Berapa uang saku dari kementerian untuk setiap peserta bimtek?', platform: 'telegram', chatId: '-1001', userId: '48151623' });
    const answered = await answers.ask({ question: 'Apa keluaran Bimtek I?', platform: 'slack', chatId: 'C1', userId: 'U9' });
    expect([refused.refused, answered.refused]).toEqual([true, false]);

    const list = await (await c.request('/konsol/pertanyaan?ditolak=ya')).text();
    expect(questionLinks(list)).toEqual([refused.questionId]);
    const detail = text(await (await c.request(`/konsol/pertanyaan/${refused.questionId}`)).text());
    expect(detail).toContain('tidak terjawab');
    expect(detail).toContain(refused.answer.slice(0, 60));
    expect(detail).toContain('Potongan yang ditemukan pencarian');
    expect(detail).toMatch(/Panduan Bimbingan Teknis \S*panduan\/bimtek\.md Panduan Bimbingan Teknis > Pendanaan kegiatan — \d\.\d\d Biaya perjalanan peserta daerah/);
    // The user id is shown hashed (an id no path or number on the page could hold by chance: the test folder carries a process id).
    expect(detail).not.toContain('48151623');
    const ok = text(await (await c.request(`/konsol/pertanyaan/${answered.questionId}`)).text());
    expect(ok).toMatch(/Sumber yang dikutip .*Bimtek I/);
  });

  it('filters by platform, region, date, result, 👎 reason, person and words (Indonesian stems)', async () => {
    const { db, client: c } = suite;
    const a = await addQuestion(db, { question: 'Kapan Buku 1 harus dikumpulkan?', platform: 'telegram', userId: '501', region: '33.14', at: '2026-03-20T03:00:00Z' });
    const b = await addQuestion(db, { question: 'Dokumen apa yang dikumpulkan untuk Bimtek II?', platform: 'telegram', userId: '502', region: '73.71', at: '2026-03-22T03:00:00Z', feedback: -1, reason: 'kurang_lengkap' });
    const d = await addQuestion(db, { question: 'Siapa narasumber Bimtek?', platform: 'slack', userId: 'U9', at: '2026-03-23T03:00:00Z', refused: true, feedback: -1, reason: 'salah' });
    const ids = async (q: string) => questionLinks(await (await c.request(`/konsol/pertanyaan${q}`)).text());
    expect(await ids('')).toEqual([d, b, a]);
    expect(await ids('?platform=slack')).toEqual([d]);
    expect(await ids('?wilayah=33.14')).toEqual([a]);
    expect(await ids('?dari=2026-03-21&sampai=2026-03-22')).toEqual([b]);
    expect(await ids('?ditolak=tidak')).toEqual([b, a]);
    expect(await ids('?umpan=negatif')).toEqual([d, b]);
    expect(await ids('?umpan=kurang_lengkap')).toEqual([b]);
    expect(await ids('?cari=kumpulkan')).toEqual([b, a]); // 'dikumpulkan' and 'kumpulkan' share their stem
    expect(await ids('?cari=narasumber+bimtek')).toEqual([d]);
    const list = await (await c.request('/konsol/pertanyaan')).text();
    const hash = /href="\/konsol\/pertanyaan\?pengguna=([0-9a-f]{12})">#\1<\/a>/.exec(list.slice(list.indexOf(`/konsol/pertanyaan/${a}`)))![1];
    expect(await ids(`?pengguna=${hash}`)).toEqual([a]);
  });

  it('exports the filtered log as CSV with hashed ids and formulas defused', async () => {
    const { db, client: c } = suite;
    await addQuestion(db, { question: '=HYPERLINK("http://contoh.invalid","klik")', userId: '501', chatId: '501', region: '33.14', feedback: -1, reason: 'tidak_relevan' });
    await addQuestion(db, { question: 'Kapan tenggat Bimtek II, "yang baru"?', platform: 'slack', userId: 'U9' });
    const res = await c.request('/konsol/pertanyaan.csv?platform=telegram');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="pandu-pertanyaan-2026-03-24.csv"');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,waktu,platform,pengguna,obrolan,kode_wilayah,wilayah,pertanyaan,intent,tidak_terjawab,jawaban,sumber,umpan_balik,alasan,komentar,latensi_ms');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^\d+,2026-03-23T03:00:00.000Z,telegram,[0-9a-f]{12},[0-9a-f]{12},33.14,Kabupaten Sragen,"'=HYPERLINK\(""http:\/\/contoh.invalid"",""klik""\)",rule,tidak,Jawaban uji.,,👎,tidak_relevan,,$/);
    const all = (await (await c.request('/konsol/pertanyaan.csv')).text()).trim().split('\r\n');
    expect(all).toHaveLength(3);
    expect(all[1]).toContain('"Kapan tenggat Bimtek II, ""yang baru""?"');
  });

  it('shows a question past its retention without its text, and says why', async () => {
    const { db, client: c } = suite;
    const id = await addQuestion(db, { question: 'Pertanyaan rahasia lama', at: '2025-08-01T03:00:00Z', userId: '501' });
    await pruneQuestionTexts(db, { now: NOW, days: 180 });
    const list = text(await (await c.request('/konsol/pertanyaan')).text());
    expect(list).toContain('(teks dihapus setelah masa simpan)');
    const detail = text(await (await c.request(`/konsol/pertanyaan/${id}`)).text());
    expect(detail).toContain('Teks pertanyaan ini dihapus pada 24 Mar 2026 09.00 WIB karena melewati masa simpan 180 hari.');
    expect(detail).not.toContain('rahasia');
  });
});
