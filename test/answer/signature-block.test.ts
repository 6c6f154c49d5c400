import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerService } from '../../src/answer/service.ts';
import type { AnswerService } from '../../src/answer/types.ts';
import { ingestPaths } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { signatureIn } from '../../src/retrieval/index.ts';
import type { Db } from '../../src/db/index.ts';
import { testDb } from '../support/db.ts';
import { NEWS_PAGE_TXT } from '../support/news-docs.ts';
import { tempDir } from '../support/process.ts';

/**
 * 'Yg ttd sapa' of a long letter: its signature block stands in a later passage than the
 * opening that search finds for the question (written for this test).
 */

const logger = createLogger('silent', { pretty: false });
const embedder = createHashingEmbedder(256);

const CIRCULAR = [
  'PEMERINTAH KABUPATEN SIDOMAJU',
  'SURAT EDARAN NOMOR 555/0412/Kominfo TENTANG PERSIAPAN TINJAUAN LAPANGAN KOTA CERDAS KABUPATEN SIDOMAJU TAHUN 2021',
  '',
  ...Array.from({ length: 70 }, (_, i) =>
    `${i + 1}. Tinjauan lapangan kota cerdas Kabupaten Sidomaju bagian ${i + 1} memeriksa layanan perangkat daerah secara daring; setiap perangkat daerah menyiapkan bahan paparan, data pengguna layanan, dan dokumentasi kegiatan sebelum tim kementerian datang meninjau.`),
  '',
  'Demikian Surat Edaran ini untuk dilaksanakan dengan penuh tanggung jawab.',
  'a.n. BUPATI',
  'SEKRETARIS DAERAH,',
  'ttd.',
  'Ir. ANDI WIJAYA, M.T.',
  ...Array.from({ length: 14 }, (_, i) => `Hari/Tanggal: Senin, ${14 + (i % 2)} Juni 2021; Pukul: 0${8 + (i % 2)}.30; Kegiatan: Wawancara petugas nomor ${i + 1} bersama penerima manfaat; Ruang: Aula ${i + 1}`),
].join('\n');

const REPORT = `Tim Kementerian Tinjau Layanan Kota Cerdas Sidomaju

SIDOMAJU, 15 Juni 2021 – Tim kementerian meninjau layanan kota cerdas Kabupaten Sidomaju secara daring selama dua hari. Kepala Dinas Kominfo, Budi Santoso, memaparkan capaian enam dimensi di hadapan tim penilai.
`;

let answers: AnswerService;
let db: Db;
let dir: string;

beforeAll(async () => {
  db = await testDb('pglite');
  await ensureEmbeddings(db, embedder);
  dir = tempDir('pandu-sign-');
  writeFileSync(join(dir, 'se-tinjauan-lapangan-sidomaju-2021.txt'), CIRCULAR);
  writeFileSync(join(dir, 'berita-tinjauan-sidomaju.txt'), REPORT);
  writeFileSync(join(dir, 'halaman-klaten.txt'), NEWS_PAGE_TXT);
  // Reports on the same review, each closer to the question's words than the circular's signature page.
  for (const [i, day] of ['14', '15', '16', '17', '18', '21', '22', '23', '24', '25'].entries()) {
    writeFileSync(join(dir, `berita-tinjauan-sidomaju-${i}.txt`), `Lapangan Kota Cerdas Sidomaju 2021, Hari ${i + 1}\n\nSIDOMAJU, ${day} Juni 2021 – Tinjauan lapangan kota cerdas Kabupaten Sidomaju 2021 berlanjut pada hari ke-${i + 1} dengan kunjungan ke kecamatan.\n`);
  }
  await ingestPaths({ db, embedder, logger }, [dir]);
  answers = createAnswerService({ db, embedder, logger, now: () => new Date('2026-06-08T02:00:00Z') });
}, 120_000);

describe('signature blocks', () => {
  it("answers 'yg ttd sapa' of a circular from its signature block, also when search finds only the circular's opening", async () => {
    const a = await answers.ask({ question: 'se persiapan tinjauan lapangan kota cerdas sidomaju 2021 ditandatangani sapa', platform: 'telegram', regionCode: null, record: false });
    expect(a.refused).toBe(false);
    expect(a.answer).toContain('ANDI WIJAYA');
    // Who reported is not who signed.
    expect(a.answer).not.toContain('Budi Santoso');
  });

  it("finds a document's signature block wherever it stands, and none in a report", async () => {
    const block = await signatureIn(db, join(dir, 'se-tinjauan-lapangan-sidomaju-2021.txt'));
    expect(block?.text).toMatch(/ttd\.\s+Ir\. ANDI WIJAYA/);
    expect(block?.document).toBe(join(dir, 'se-tinjauan-lapangan-sidomaju-2021.txt'));
    expect(await signatureIn(db, join(dir, 'berita-tinjauan-sidomaju.txt'))).toBeNull();
  });
});
