import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';
import { regionDeadlines } from '../../src/programme/index.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { search } from '../../src/retrieval/search.ts';
import { CALENDAR, GOOD_MD, goodCorpus, makePdf } from '../support/corpus.ts';
import { backends, testDb } from '../support/db.ts';
import { ROOT, runPandu, runPanduOnce, tempDir } from '../support/process.ts';

const logger = createLogger('silent', { pretty: false });
const embedder = createHashingEmbedder(256);

async function setup(backend: (typeof backends)[number]) {
  const db = await testDb(backend);
  await ensureEmbeddings(db, embedder);
  return { db, deps: { db, embedder, logger } };
}

describe.each(backends)('ingestion on %s', (backend) => {
  it('ingests md, html, pdf, docx, calendar and checklist with headings and pages', async () => {
    const { db, deps } = await setup(backend);
    const dir = await goodCorpus();
    const summary = await ingestPaths(deps, [dir]);
    expect(summary.failed).toBe(0);
    expect(summary.new).toBe(6);

    const chunk = async (path: string, like: string) =>
      (await db.query<{ heading: string; page: number | null; text: string; kind: string; region_code: string | null }>(
        `SELECT c.heading, c.page, c.text, d.kind, d.region_code FROM chunks c JOIN documents d ON d.id = c.document_id
          WHERE d.path LIKE $1 AND c.text LIKE $2`,
        [`%${path}`, `%${like}%`],
      ))[0];
    expect(await chunk('masterplan-6171-kota-pontianak.pdf', 'perizinan daring')).toMatchObject({
      heading: 'Quick Win Pontianak',
      page: 2,
      kind: 'masterplan',
      region_code: '61.71',
    });
    expect((await chunk('masterplan-6171-kota-pontianak.pdf', 'Halaman 1 dari'))).toBeUndefined();
    expect(await chunk('masterplan-5371-kota-kupang.docx', 'sensor debit')).toMatchObject({ heading: 'Strategi Air Bersih', page: 2 });
    expect(await chunk('halaman.html', 'pemetaan program')).toMatchObject({ heading: 'Berita Program > Bimtek II di Makassar' });
    expect(await chunk('halaman.html', 'Menu Beranda')).toBeUndefined();
    const list = await chunk('quick-win.md', 'tiga quick win');
    expect(list?.heading).toBe('Panduan Uji Quick Win > Syarat Quick Win');
    expect(list?.text).toContain('Dimensi: Smart Living; Contoh: Layanan ambulans terpadu');

    const deadlines = await regionDeadlines(db, '91.71');
    expect(deadlines.map((d) => [d.stageId, d.dueOn, d.overridden])).toEqual([
      ['bimtek-1', '2026-06-12', false],
      ['bimtek-2', '2026-08-07', true],
    ]);
    const items = await db.query<{ id: string }>('SELECT id FROM checklist_items ORDER BY id');
    expect(items.map((i) => i.id)).toEqual(['BT1-01', 'BT1-02']);

    const hits = await search({ db, embedder }, 'perizinan daring Pontianak', { k: 3 });
    expect(hits[0]?.document).toMatch(/masterplan-6171-kota-pontianak\.pdf$/);
  });

  it('skips unchanged files, replaces a changed one and prunes a removed one', async () => {
    const { db, deps } = await setup(backend);
    const dir = await goodCorpus();
    await ingestPaths(deps, [dir]);
    const again = await ingestPaths(deps, [dir]);
    expect(again.unchanged).toBe(6);
    expect(again.new + again.changed + again.failed).toBe(0);

    writeFileSync(join(dir, 'panduan', 'quick-win.md'), GOOD_MD.replace('6 sampai 12 bulan', 'enam sampai dua belas bulan'));
    rmSync(join(dir, 'panduan', 'halaman.html'));
    const third = await ingestPaths(deps, [dir], { prune: true });
    expect(third.changed).toBe(1);
    expect(third.pruned).toBe(1);
    const texts = await db.query<{ text: string }>(`SELECT c.text FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.path LIKE '%quick-win.md'`);
    expect(texts.some((t) => t.text.includes('enam sampai dua belas bulan'))).toBe(true);
    expect(texts.some((t) => t.text.includes('6 sampai 12 bulan'))).toBe(false);
    expect(await db.query(`SELECT 1 FROM documents WHERE path LIKE '%halaman.html'`)).toEqual([]);
    const [stats] = await db.query<{ n: number; chunks: number }>('SELECT n, (SELECT count(*) FROM chunks) AS chunks FROM bm25_stats');
    expect(stats!.n).toBe(stats!.chunks);
  });

  it('rejects a malformed calendar whole, naming the line, and keeps the previous one', async () => {
    const { db, deps } = await setup(backend);
    const dir = tempDir();
    const file = join(dir, 'angkatan-2026.yaml');
    writeFileSync(file, CALENDAR('2026-06-12'));
    await ingestPaths(deps, [dir]);
    writeFileSync(file, CALENDAR('2026-06-31'));
    const bad = await ingestPaths(deps, [dir]);
    expect(bad.failed).toBe(1);
    expect(bad.files[0]!.reason).toMatch(/kalender tidak valid.*baris 11: stages\.0\.due: bukan tanggal yang valid/);
    const d = await regionDeadlines(db, '33.14');
    expect(d.find((x) => x.stageId === 'bimtek-1')?.dueOn).toBe('2026-06-12');
  });

  it('names a calendar region the database does not know in Indonesian, and keeps the previous calendar', async () => {
    const { db, deps } = await setup(backend);
    const dir = tempDir();
    const file = join(dir, 'angkatan-2026.yaml');
    writeFileSync(file, CALENDAR('2026-06-12'));
    await ingestPaths(deps, [dir]);
    writeFileSync(file, CALENDAR('2026-06-19').replaceAll('91.71', '99.99'));
    const bad = await ingestPaths(deps, [dir]);
    expect(bad.failed).toBe(1);
    expect(bad.files[0]!.reason).toMatch(/^kalender tidak valid; kalender sebelumnya tetap berlaku \(baris 1: kode wilayah 99\.99 tidak dikenal\)/);
    const d = await regionDeadlines(db, '33.14');
    expect(d.find((x) => x.stageId === 'bimtek-1')?.dueOn).toBe('2026-06-12');
  });

  it('re-embeds every chunk when the embedding model changes, never mixing dimensions', async () => {
    const { db, deps } = await setup(backend);
    await ingestPaths(deps, [await goodCorpus()]);
    const other = createHashingEmbedder(128);
    const n = await ensureEmbeddings(db, other);
    const [row] = await db.query<{ total: number; dims: number }>('SELECT count(*) AS total, max(vector_dims(embedding)) AS dims FROM chunks');
    expect(n).toBe(row!.total);
    expect(row!.dims).toBe(128);
    expect(await db.query('SELECT 1 FROM chunks WHERE embedding IS NULL')).toEqual([]);
  });
});

describe('pandu ingest (command line)', () => {
  it('reports each bad file with its reason, exit 1, and still ingests the good ones', async () => {
    const dir = tempDir('pandu-bad-');
    writeFileSync(join(dir, 'bagus.md'), GOOD_MD);
    copyFileSync(join(ROOT, 'test/fixtures/news/berita-2-pasar.txt'), join(dir, 'bagus.txt'));
    writeFileSync(join(dir, 'kosong.md'), '');
    writeFileSync(join(dir, 'gambar.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(dir, 'bukan-utf8.md'), Buffer.from('Judul\n\nTeks dengan byte \xff\xfe\xfd rusak di tengah kalimat.\n', 'latin1'));
    writeFileSync(join(dir, 'rusak.pdf'), Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%EOF garbage'));
    writeFileSync(join(dir, 'terkunci.pdf'), await makePdf([{ heading: 'Rahasia', paragraphs: ['Isi rahasia.'] }], { userPassword: 'sandi' }));
    writeFileSync(join(dir, 'besar.txt'), 'kata '.repeat(6 * 1024 * 1024)); // 30 MB
    writeFileSync(join(dir, 'catatan.xyz'), 'tidak didukung');
    const db = join(tempDir(), 'db');
    const r = await runPanduOnce(['ingest', dir], { DATABASE_URL: db });
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toMatch(/GAGAL\s+\S*kosong\.md: file kosong/);
    expect(out).toMatch(/GAGAL\s+\S*gambar\.md: isi file bukan teks/);
    expect(out).toMatch(/GAGAL\s+\S*bukan-utf8\.md: bukan teks UTF-8/);
    expect(out).toMatch(/GAGAL\s+\S*rusak\.pdf: PDF rusak/);
    expect(out).toMatch(/GAGAL\s+\S*terkunci\.pdf: PDF terenkripsi/);
    expect(out).toMatch(/GAGAL\s+\S*besar\.txt: file terlalu besar \(30\.0 MB\)/);
    expect(out).toMatch(/LEWATI\s+\S*catatan\.xyz: jenis file tidak didukung/);
    expect(out).toMatch(/Selesai: 2 baru, 0 berubah, 0 tidak berubah, 6 gagal, 1 dilewati/);
    const found = await runPanduOnce(['search', 'pembayaran digital pasar Sleman', '--json'], { DATABASE_URL: db });
    expect(JSON.parse(found.stdout)[0].document).toMatch(/bagus\.txt$/);
  });

  it('ingests a folder of plain Indonesian news articles with no configuration', async () => {
    const db = join(tempDir(), 'db');
    const r = await runPanduOnce(['ingest', 'test/fixtures/news'], { DATABASE_URL: db });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Selesai: 3 baru/);
    const found = await runPanduOnce(['search', 'tiket elektronik Danau Toba', '--json'], { DATABASE_URL: db });
    const top = JSON.parse(found.stdout)[0];
    expect(top.title).toBe('Wisata Danau Toba Gunakan Tiket Elektronik');
    expect(top.snippet).toContain('café'); // Latin-1 text decoded, not mangled
  });

  it('leaves no half document after SIGKILL in the middle of a run', async () => {
    const dir = tempDir('pandu-many-');
    for (let i = 0; i < 80; i++) {
      const body = Array.from({ length: 12 }, (_, s) => `## Bagian ${s}\n\n${`Kalimat uji nomor ${i} bagian ${s} tentang dewan smart city. `.repeat(40)}`).join('\n\n');
      writeFileSync(join(dir, `dok-${String(i).padStart(3, '0')}.md`), `# Dokumen ${i}\n\n${body}`);
    }
    const db = join(tempDir(), 'db');
    const run = runPandu(['ingest', dir], { DATABASE_URL: db });
    await run.waitFor(/dok-0[1-5]\d\.md/, 90_000);
    run.child.kill('SIGKILL');
    await run.exited;
    const rerun = await runPanduOnce(['ingest', dir], { DATABASE_URL: db });
    expect(rerun.code).toBe(0);
    const { openDatabase } = await import('../../src/db/index.ts');
    const conn = await openDatabase(db);
    const perDoc = await conn.query<{ path: string; chunks: number; max: number }>(
      `SELECT d.path, count(c.id) AS chunks, max(c.ordinal) AS max FROM documents d LEFT JOIN chunks c ON c.document_id = d.id GROUP BY d.path`,
    );
    const [stats] = await conn.query<{ n: number; chunks: number }>('SELECT n, (SELECT count(*) FROM chunks) AS chunks FROM bm25_stats');
    await conn.close();
    expect(perDoc).toHaveLength(80);
    const expected = perDoc[0]!.chunks;
    for (const d of perDoc) {
      expect(d.chunks).toBe(expected); // every document whole: same structure, same chunk count
      expect(d.max).toBe(d.chunks - 1);
    }
    expect(stats!.n).toBe(stats!.chunks);
    expect(readFileSync(join(dir, 'dok-000.md'), 'utf8')).toContain('Dokumen 0');
  }, 240_000);
});
