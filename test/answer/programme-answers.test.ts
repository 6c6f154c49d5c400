import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectRegions, detectStages, matchChecklistItem } from '../../src/answer/entities.ts';
import { regionNames } from '../../src/answer/vocabulary.ts';
import { classify } from '../../src/answer/intent.ts';
import { createAnswerService } from '../../src/answer/service.ts';
import type { AnswerService } from '../../src/answer/types.ts';
import { answerBlocks } from '../../src/bots/slack/blocks.ts';
import { renderAnswer } from '../../src/bots/telegram/index.ts';
import type { Db } from '../../src/db/index.ts';
import { ingestPaths } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';
import { checklistItems, setChecklistItem } from '../../src/programme/index.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { testDb } from '../support/db.ts';

/**
 * Deadline and checklist answers on the shipped calendars (corpus/kalender) and
 * checklists (corpus/checklist), as officers ask them in chat.
 */

const logger = createLogger('silent', { pretty: false });
const embedder = createHashingEmbedder(256);
const NOW = new Date('2026-11-17T01:00:00Z'); // Tuesday 17 November 2026, 08:00 WIB
const CORPUS = join(import.meta.dirname, '..', '..', 'corpus');

const SRAGEN = '33.14';
const MAROS = '73.09';
const TARAKAN = '65.71';
const PALU = '72.71';
const SORONG = '96.71';
const MERAUKE = '93.01';
const JAYAWIJAYA = '95.01';

let db: Db;
let answers: AnswerService;

beforeAll(async () => {
  db = await testDb('pglite');
  await ensureEmbeddings(db, embedder);
  await ingestPaths({ db, embedder, logger }, [join(CORPUS, 'kalender'), join(CORPUS, 'checklist')]);
  answers = createAnswerService({ db, embedder, logger, now: () => NOW });
}, 60_000);

const ask = (question: string, regionCode: string | null = null) => answers.ask({ question, platform: 'cli', regionCode, record: false });

describe('deadline answers', () => {
  it('give the stage\'s activity dates from the calendar next to the upload deadline', async () => {
    const start = await ask('bimtek 1 kami mulai tgl brp?', MAROS);
    expect(start.intent).toBe('deadline');
    expect(start.answer).toContain('Bimbingan Teknis I: Jumat, 12 Juni 2026 pukul 23.59 WITA — sudah selesai');
    expect(start.answer).toContain('Pelaksanaan Bimtek I: Selasa, 12 Mei 2026 s.d. Kamis, 14 Mei 2026');
    expect(start.citations[0]?.document).toMatch(/kalender\/angkatan-2026\.yaml$/);

    const mou = await ask('tanda tangan MoU kami dijadwalkan tgl brp, trus batas upload pindaiannya kapan', '33.09');
    expect(mou.answer).toContain('Penandatanganan Nota Kesepahaman (MoU): Selasa, 31 Maret 2026 pukul 23.59 WIB');
    expect(mou.answer).toContain('Penandatanganan Nota Kesepahaman (MoU) angkatan 2026: Kamis, 26 Maret 2026');

    // A 2026 region asking about the 2027 cohort gets the 2027 calendar, not its own.
    const other = await ask('presentasi masterplan angkatan 2027 tgl brp', SRAGEN);
    expect(other.answer).toContain('Angkatan 2027: Jumat, 3 Desember 2027');
    expect(other.answer).toContain('Presentasi masterplan oleh kepala daerah di hadapan panel: Rabu, 8 Desember 2027 s.d. Kamis, 9 Desember 2027');
    expect(other.answer).not.toContain('2026');

    // 'bimtek berikutnya' is the next open Bimtek, with its days.
    const next = await ask('kapan bimtek berikutnya?', '73.06');
    expect(next.intent).toBe('deadline');
    expect(next.answer).toBe(
      'Tenggat berikutnya untuk Kabupaten Gowa (angkatan 2027):\n' +
        '• Bimbingan Teknis I: Jumat, 18 Juni 2027 pukul 23.59 WITA (H-213)\n' +
        '   ◦ Pelaksanaan Bimtek I: Selasa, 18 Mei 2027 s.d. Kamis, 20 Mei 2027',
    );
  });

  it('answers each named stage and each named region, in the order named, with exceptions visible', async () => {
    const stages = await ask('bimtek 2 kami deadline nya ikut mundur ga kaya buku 1?', JAYAWIJAYA);
    const ii = stages.answer.indexOf('Bimbingan Teknis II: Jumat, 6 Agustus 2027 pukul 23.59 WIT');
    const i = stages.answer.indexOf('Bimbingan Teknis I: Jumat, 2 Juli 2027 pukul 23.59 WIT');
    expect(ii).toBeGreaterThanOrEqual(0);
    expect(i).toBeGreaterThan(ii);
    expect(stages.answer).toContain('tenggat khusus wilayah: pengecualian yang ditetapkan Sekretariat');

    const regions = await ask('gowa deadline bimtek 1 kapan? sama kaya jayawijaya kan?', '73.06');
    const gowa = regions.answer.indexOf('Tenggat Kabupaten Gowa (angkatan 2027):\n• Bimbingan Teknis I: Jumat, 18 Juni 2027 pukul 23.59 WITA');
    const jaya = regions.answer.indexOf('Tenggat Kabupaten Jayawijaya (angkatan 2027):\n• Bimbingan Teknis I: Jumat, 2 Juli 2027 pukul 23.59 WIT');
    expect(gowa).toBeGreaterThanOrEqual(0);
    expect(jaya).toBeGreaterThan(gowa);
    expect(regions.answer).toMatch(/2 Juli 2027 .*tenggat khusus wilayah/);
    // Each region is its own paragraph, so Telegram and Slack show them apart.
    expect(renderAnswer(regions).join('\n')).toMatch(/Gowa[\s\S]*\n\nTenggat Kabupaten Jayawijaya/);
    expect(answerBlocks(regions).text).toContain('Tenggat Kabupaten Jayawijaya');

    const names = await regionNames(db);
    const four = detectRegions('sragen, boyolali, kendal dan kota palu kapan bimtek 4?', names).map((r) => r.name);
    expect(four).toEqual(['Kabupaten Sragen', 'Kabupaten Boyolali', 'Kabupaten Kendal']);
    // A region outside the programme by its bare name, when no other region has it and it is no ordinary word.
    expect(detectRegions('bimtek IV buton ditutup tgl brp?', names).map((r) => r.name)).toEqual(['Kabupaten Buton']);
    expect(detectRegions('harga batu bata di pasar malang brp?', names)).toEqual([]);
    // A two-word name with one word of the language is that region, not the programme region its other word names.
    expect(detectRegions('kpn bimtek II smart city padang pariaman dibuka?', names).map((r) => r.name)).toEqual(['Kabupaten Padang Pariaman']);
    // A name people write with its words joined, whole or in part.
    expect(detectRegions('mou smart city pangkalpinang disaksiin siapa?', names).map((r) => r.name)).toEqual(['Kota Pangkal Pinang']);
    expect(detectRegions('siapa yg ttd nota kesepakatan kab limapuluh kota', names).map((r) => r.name)).toEqual(['Kabupaten Lima Puluh Kota']);
    // A one-word name clipped after its kind, the kind deciding between a Kota and a Kabupaten of one name.
    expect(detectRegions('bimtek tahap 1 kota tasik tgl brp', names).map((r) => r.name)).toEqual(['Kota Tasikmalaya']);
    expect(detectRegions('undangan bimtek kab tasik yg ttd sapa', names).map((r) => r.name)).toEqual(['Kabupaten Tasikmalaya']);
    // Not a question word after 'kota' ('kota mana' is no Manado), nor a word another region's name begins with.
    expect(detectRegions('mou dijadwalkan di kota mana', names)).toEqual([]);
    expect(detectRegions('bimtek kab sumba barat kpn', names).map((r) => r.name)).toEqual(['Kabupaten Sumba Barat']);
    expect(detectStages('bimtek 4 nya mundur kaya finalisasinya? bimtek 3 juga? bimtek 1?', new Map())).toEqual(['bimtek-4', 'finalisasi', 'bimtek-3']);
  });

  it('reads postponement wording with a named stage as a deadline question', async () => {
    expect(classify('bimtek 2 diundur ga?', true).intent).toBe('deadline');
    expect(classify('apakah tenggat finalisasi bisa perpanjangan?', true).intent).toBe('deadline');
    expect(classify('jadwal bimtek 3 bergeser?', true).intent).toBe('deadline');
    expect(classify('apa itu bimtek 2?', true).intent).toBe('rule');

    const a = await ask('merauke kan finalisasinya dpt perpanjangan, bimtek 4 nya ikut mundur jg ga?', MERAUKE);
    expect(a.intent).toBe('deadline');
    expect(a.answer).toContain('Finalisasi dan Presentasi Masterplan: Jumat, 11 Desember 2026 pukul 23.59 WIT');
    expect(a.answer).toContain('Bimbingan Teknis IV: Jumat, 20 November 2026 pukul 23.59 WIT (H-3)');
  });

  it('states the day of a reminder offset (H-n) before the due date', async () => {
    const a = await ask('reminder H-7 bimtek 4 buat kami jatuh tgl brp', TARAKAN);
    expect(a.answer).toContain('Pengingat H-7: Jumat, 13 November 2026 pukul 08.00 WITA');
  });

  it('converts the deadline time into a zone the question names', async () => {
    const palu = await ask('batas upload buku 1 kota palu jam brp kalo dihitung WIB?', PALU);
    expect(palu.intent).toBe('deadline');
    expect(palu.answer).toContain('Jumat, 12 Juni 2026 pukul 23.59 WITA = 22.59 WIB');

    const sorong = await ask('deadline jam 23.59 WIT di sorong itu jam brp WIB?', SORONG);
    expect(sorong.answer.split('\n')[0]).toBe('Pukul 23.59 WIT = 21.59 WIB.');
    expect(sorong.answer).toContain('Selasa, 1 Desember 2026 pukul 23.59 WIT = 21.59 WIB (H-14) — tenggat khusus wilayah: jadwal penerbangan');

    // 'penyerahan masterplan' is the finalisation stage: the calendar answers, not a passage about assessment.
    for (const q of ['kapan batas waktu penyerahan masterplan?', 'deadline upload master plan kapan ya']) {
      const handIn = await ask(q);
      expect(handIn.intent).toBe('deadline');
      expect(handIn.answer).toContain('Finalisasi dan Presentasi Masterplan');
      expect(handIn.answer).toContain('Jumat, 4 Desember 2026');
    }

    // Eastwards the day changes, and the answer says so.
    const east = await ask('deadline finalisasi kami jam berapa WIT?', SRAGEN);
    expect(east.answer).toContain('Jumat, 4 Desember 2026 pukul 23.59 WIB = Sabtu, 5 Desember 2026 pukul 01.59 WIT');
  });

  it('lists which stages a region has completed and which are still open', async () => {
    const a = await ask('tahap apa aja yg udah selesai utk kab sragen?');
    expect(a.intent).toBe('deadline');
    expect(a.answer).toContain('Status tahapan Kabupaten Sragen (angkatan 2026):');
    // Each done stage says how it counts as done (here: marked in the calendar file).
    expect(a.answer).toMatch(/Sudah selesai: Seleksi dan Assessment \(ditandai selesai di kalender program\), .*Bimbingan Teknis IV \(ditandai selesai di kalender program\)\./);
    expect(a.answer).toContain('Belum selesai:\n• Finalisasi dan Presentasi Masterplan: Jumat, 4 Desember 2026 pukul 23.59 WIB (H-17)');

    const noRegion = await ask('tahap apa saja yang sudah selesai?');
    expect(noRegion.answer).toMatch(/sebutkan nama wilayahnya dalam pertanyaan/);
    expect(noRegion.answer).not.toMatch(/\/daftar|grup/);
    // Only Telegram replies carry Telegram instructions.
    const inTelegram = await answers.ask({ question: 'tahap apa saja yang sudah selesai?', platform: 'telegram', record: false });
    expect(inTelegram.answer).toMatch(/ikat grup ini ke wilayah Anda dengan \/daftar/);
  });
});

describe('checklist answers', () => {
  it('mark anjuran items and say the others are wajib', async () => {
    const a = await ask('di checklist bimtek 4 ada yg ga wajib ga? yg mana', SORONG);
    expect(a.intent).toBe('checklist');
    expect(a.answer).toContain('Checklist Bimbingan Teknis IV — Kota Sorong: 0/9 selesai. Semua butir wajib kecuali yang bertanda (anjuran):');
    expect(a.answer).toContain('⬜ BT4-08 Rencana penetapan masterplan (anjuran) — keluaran:');
    expect(a.answer).not.toMatch(/BT4-06 [^\n]*\(anjuran\)/);

    const upload = await ask('apa aja yg hrs diupload utk bimtek 4', SORONG);
    expect(upload.intent).toBe('checklist');
    expect(upload.answer).toContain('BT4-06 F-03 ditandatangani kepala daerah');
  });

  it('answer a named item id from the item, with the region\'s tick', async () => {
    await setChecklistItem(db, { regionCode: PALU, itemId: 'MOU-08', done: true, by: 'u1' });
    const a = await ask('MOU-08 wajib ga?', PALU);
    expect(a.intent).toBe('checklist');
    expect(a.answer).toBe(
      [
        'MOU-08 — Grup Tim terhubung dengan Pandu (checklist Penandatanganan Nota Kesepahaman (MoU))',
        'Sifat: anjuran (tidak wajib untuk status tahap)',
        'Deskripsi: Narahubung menghubungkan grup percakapan Tim dengan Pandu memakai kode undangan dari Sekretariat, agar pengingat H-14, H-7, H-3, H-1, dan H-0 untuk tahap berikutnya diterima.',
        'Keluaran: Grup percakapan daerah terhubung dengan Pandu dan menerima pengingat.',
        'Status Kota Palu: ✅ sudah ditandai selesai',
      ].join('\n'),
    );
    expect(a.citations[0]?.document).toMatch(/checklist\/mou\.md$/);

    const b = await ask('BT3-04 isinya apa');
    expect(b.answer).toMatch(/^BT3-04 — Rencana aksi dengan nilai awal indikator \(checklist Bimbingan Teknis III\)\nSifat: wajib\nDeskripsi: .*nilai awal/);
    expect(b.answer).not.toContain('Status ');

    // A form number shaped like an id (F-05) is not a checklist item.
    expect((await ask('F-05 isinya apa')).answer).not.toMatch(/^F-05 —/);
  });

  it("keeps a region's ticks and stage status with that region's own chats in Telegram", async () => {
    await setChecklistItem(db, { regionCode: PALU, itemId: 'MOU-08', done: true, by: 'u1' });
    const tg = (question: string, regionCode: string | null) => answers.ask({ question, platform: 'telegram', regionCode, record: false });
    // An unbound private chat, and a chat bound to another region, ask about Palu by name.
    for (const chat of [null, SORONG]) {
      const status = await tg('status tahapan Kota Palu sudah sampai mana?', chat);
      expect(status.answer).toContain('hanya ditampilkan di grup yang terikat ke wilayah itu');
      expect(status.answer).not.toMatch(/Sudah selesai|Belum ada tahap/);
      const item = await tg('MOU-08 Kota Palu sudah dicentang?', chat);
      expect(item.answer).toContain('MOU-08 — Grup Tim terhubung dengan Pandu');
      expect(item.answer).not.toContain('Status Kota Palu');
    }
    // Palu's own group, and staff surfaces, still see Palu's progress; deadlines stay public.
    expect((await tg('MOU-08 Kota Palu sudah dicentang?', PALU)).answer).toContain('Status Kota Palu: ✅ sudah ditandai selesai');
    expect((await ask('status tahapan Kota Palu sudah sampai mana?')).answer).toMatch(/Status tahapan Kota Palu/);
    expect((await tg('kapan tenggat bimtek 4 Kota Palu?', null)).answer).toMatch(/Bimbingan Teknis IV: .* 2026 pukul 23\.59 WITA/);
  });

  it('lead with the item a question names by its title words, only when it matches clearly', async () => {
    const a = await ask('sidang dewan masuk checklist bimtek 2 ga');
    expect(a.answer).toMatch(/^Butir yang paling sesuai:\nBT2-08 — Sidang Dewan Smart City \(checklist Bimbingan Teknis II\)\nSifat: wajib\n/);
    expect(a.answer).toContain('Checklist Bimbingan Teknis II (10 butir).');

    const b = await ask('perbup masterplan masuk checklist finalisasi ga? wajib?', '33.09');
    expect(b.answer).toMatch(/^Butir yang paling sesuai:\nFIN-08 — Masterplan ditetapkan dengan Perbup\/Perwali atau Perda .*\nSifat: anjuran/);

    const plain = await ask('apa saja checklist bimtek 2');
    expect(plain.answer).toMatch(/^Checklist Bimbingan Teknis II/);
    const all = await checklistItems(db, null);
    expect(matchChecklistItem('checklist program bimtek 2', all.filter((i) => i.stageId === 'bimtek-2'))).toBeNull();
    // Without a stage, one shared word is not enough ('pandu' is in one title, but the question is how checklists work).
    expect((await ask('cara centang butir checklist lewat pandu gmn')).answer).not.toMatch(/^MOU-08/);
  });

  it('answers a deadline question that also asks about a rule with the dates and the rule, each cited', async () => {
    const a = await ask('revisi buku 1 kami kemungkinan ga kelar, bimtek 2 nya ikut mundur ga?', MERAUKE);
    expect(a.intent).toBe('deadline');
    expect(a.answer).toMatch(/Bimbingan Teknis II: .* 2026 pukul 23\.59 WIT/);
    expect(a.answer).toMatch(/Kutipan dari dokumen «[^»]+»:\n“/);
    expect(a.citations.some((c) => c.document.includes('corpus/kalender/'))).toBe(true);
    expect(a.citations.some((c) => !c.document.includes('corpus/kalender/'))).toBe(true);
  });
});
