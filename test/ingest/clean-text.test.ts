import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths, type FileOutcome } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { search } from '../../src/retrieval/search.ts';
import { backends, testDb, type BackendName } from '../support/db.ts';
import {
  ARTICLE_SENTENCES,
  DATELINE_ONLY,
  FURNITURE_LINES,
  GOV_FURNITURE,
  GOV_HTML,
  GOV_SENTENCES,
  makeReportPdf,
  NEWS_HTML,
  NEWS_PAGE_MD,
  NEWS_PAGE_TXT,
  NEWS_TXT,
  PAGE_FURNITURE,
  PLANTED_INSTRUCTION,
  RAW_MARKDOWN,
  RAW_TXT,
  SAVED_PAGE_FURNITURE,
} from '../support/news-docs.ts';
import { runPanduOnce, tempDir } from '../support/process.ts';

const logger = createLogger('silent', { pretty: false });
const embedder = createHashingEmbedder(256);

async function ingestFiles(files: Record<string, string | Buffer>, backend: BackendName = 'pglite') {
  const db = await testDb(backend);
  await ensureEmbeddings(db, embedder);
  const dir = tempDir('pandu-clean-');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const summary = await ingestPaths({ db, embedder, logger }, [dir]);
  const outcome = (name: string) => summary.files.find((f) => f.path.endsWith(`/${name}`)) as FileOutcome;
  const text = async (name: string) =>
    (await db.query<{ text: string }>(`SELECT c.text FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.path LIKE $1 ORDER BY c.ordinal`, [`%/${name}`]))
      .map((r) => r.text)
      .join('\n')
      .replace(/\s+/g, ' ');
  return { db, summary, outcome, text };
}

describe('clean text at ingest', () => {
  it('keeps every sentence of a byline-laden news article and none of its credits, cross-links or share lines', async () => {
    const { summary, outcome, text } = await ingestFiles({ 'berita-klaten.txt': NEWS_TXT, 'berita-klaten.html': NEWS_HTML });
    expect(summary.failed).toBe(0);
    for (const name of ['berita-klaten.txt', 'berita-klaten.html']) {
      const body = await text(name);
      for (const s of ARTICLE_SENTENCES) expect(body, name).toContain(s);
      for (const line of FURNITURE_LINES) expect(body, name).not.toContain(line.slice(0, 24));
      expect(body, name).not.toMatch(/KABARKLATEN|Kamis, 12\/5\/2022|\(dmp\/lrw\)|Baca juga|Bagikan/);
      expect(body.startsWith('Dewan Smart City Kabupaten Klaten menetapkan'), name).toBe(true); // the dateline is gone from the sentence
      expect(outcome(name)).toMatchObject({ published_at: '2022-05-12', place: 'Klaten' });
    }
    // Nothing disappears silently: every removed line is counted by kind.
    expect(outcome('berita-klaten.txt').removed).toEqual({ byline: 5, crosslink: 2, credit: 1, share: 2 });
    expect(summary.removed).toBeGreaterThanOrEqual(10);

    const page = await text('berita-klaten.html');
    for (const f of PAGE_FURNITURE) expect(page).not.toContain(f);
    expect(page).toContain('Peta harga pangan harian dipimpin Dinas Perdagangan.'); // list items of the article
    expect(page).toContain('Program: Antrean daring; Mulai: Juni 2022'); // its table
    expect(outcome('berita-klaten.html').removed).toMatchObject({ outside_article: expect.any(Number), crosslink: expect.any(Number) });
  });

  it("drops the editor's initials that close an article's last paragraph, and counts them", async () => {
    const article = [
      'Pemkab Sidomaju Minta OPD Kompak Isi Kuesioner Kota Cerdas',
      '',
      'SIDOMAJU - Seluruh perangkat daerah diminta mengisi kuesioner evaluasi kota cerdas sebelum akhir bulan.',
      '',
      'Sekretaris daerah menyebut sekitar 80 persen program kota cerdas tahun lalu sudah terpenuhi. (wh/k-3)',
      '',
    ].join('\n');
    const { outcome, text } = await ingestFiles({ 'berita-sidomaju.txt': article });
    const body = await text('berita-sidomaju.txt');
    expect(body).toContain('sudah terpenuhi.');
    expect(body).not.toContain('(wh/k-3)');
    expect(outcome('berita-sidomaju.txt').removed).toMatchObject({ byline: 1 });
  });

  it('reads a news page saved as text from its headline: the masthead is not the title, and the menus and tail are not content', async () => {
    const { outcome, text, db } = await ingestFiles({ 'halaman-klaten.txt': NEWS_PAGE_TXT });
    const body = await text('halaman-klaten.txt');
    for (const s of ARTICLE_SENTENCES) expect(body).toContain(s);
    for (const line of SAVED_PAGE_FURNITURE) expect(body).not.toContain(line.replace(/^• /, '').slice(0, 30));
    const [doc] = await db.query<{ title: string }>(`SELECT title FROM documents`);
    expect(doc?.title).toBe('Dewan Smart City Klaten Tetapkan Tiga Quick Win');
    expect(outcome('halaman-klaten.txt')).toMatchObject({ published_at: '2022-05-12', place: 'Klaten' });
    // Every framing line is counted: masthead, menu, breadcrumb, author, stamp, counter, and the seven lines of the tail.
    const removed = Object.values(outcome('halaman-klaten.txt').removed ?? {}).reduce((a, b) => a + b, 0);
    expect(removed).toBe(SAVED_PAGE_FURNITURE.length + 1);
  });

  it('finds the headline below long menus and a long breadcrumb, and drops a reader comment in the tail', async () => {
    // Menus whose separators and brackets made them look like sentences, and a breadcrumb longer than 16 words.
    const page = NEWS_PAGE_TXT.replace(SAVED_PAGE_FURNITURE[0]!, 'KABARKLATEN.COM | Beranda | Pemerintahan | Ekonomi | Olahraga | Pendidikan | Kesehatan | Opini | Video | Indeks')
      .replace(SAVED_PAGE_FURNITURE[1]!, '[ BERANDA ]  [ PEMERINTAHAN ]  [ EKONOMI ]  [ OLAHRAGA ]  [ FOTO ]  [ INDEKS ]')
      .replace(SAVED_PAGE_FURNITURE[2]!, 'Beranda / Pemerintahan / Klaten / Dewan Smart City Klaten Tetapkan Tiga Quick Win dalam Rapat Pleno Kedua di Pendopo Kabupaten')
      .replace('Komentar (0)', 'Komentar (1)\nwarga_delanggu  12/05/2022 10:02\nSemoga kanal aduan warga tidak cuma jadi pajangan.');
    const { text, db } = await ingestFiles({ 'halaman-klaten-menu.txt': page });
    const body = await text('halaman-klaten-menu.txt');
    for (const s of ARTICLE_SENTENCES) expect(body).toContain(s);
    const [doc] = await db.query<{ title: string }>(`SELECT title FROM documents`);
    expect(doc?.title).toBe('Dewan Smart City Klaten Tetapkan Tiga Quick Win');
    expect(body).not.toContain('warga_delanggu');
    expect(body).not.toContain('pajangan');
    expect(body).not.toContain('PEMERINTAHAN');
  });

  it("keeps a photo caption's facts without its credit, also when the photo stands above the article", async () => {
    const caption = 'Para kepala dinas menandatangani komitmen bersama di Ruang Rapat Gedung Sekar Jagad, Kantor Bupati Klaten.';
    const page = NEWS_HTML.replace(/<figure>[\s\S]*?<\/figure>/, '').replace(
      '<div class="wrap"><main>',
      `<div class="wrap"><main><figure class="foto-utama"><img src="komitmen.jpg" alt=""><figcaption>${caption} (KabarKlaten/Dimas)</figcaption></figure>`,
    );
    const { text } = await ingestFiles({ 'berita-klaten-foto.html': page });
    const body = await text('berita-klaten-foto.html');
    expect(body).toContain(caption);
    expect(body).not.toContain('KabarKlaten/Dimas');
    for (const s of ARTICLE_SENTENCES) expect(body).toContain(s);
  });

  it("reads a page whose credit gives the writer, the site and the time, keeps its labelled caption's day, and takes any site's dateline", async () => {
    // 'Name - SITE date - time' is a credit, not the headline; the caption above the article holds the event's day;
    // the dateline names its site with a domain that is not .com or .id.
    const caption = 'Para camat mengikuti rapat dewan smart city di Pendopo Kabupaten Klaten, Rabu (11/5/2022).';
    const page = NEWS_PAGE_TXT.replace('Kamis, 12 Mei 2022 - 09:30 WIB', `Dimas Prakoso - KABARKLATEN May 12, 2022 - 09:30\n\nFoto: ${caption} (KabarKlaten/Dimas)`).replace(
      'KLATEN - ',
      'KLATEN | kabarklaten.online - ',
    );
    const { outcome, text, db } = await ingestFiles({ 'halaman-klaten-kredit.txt': page });
    const body = await text('halaman-klaten-kredit.txt');
    const [doc] = await db.query<{ title: string }>(`SELECT title FROM documents`);
    expect(doc?.title).toBe('Dewan Smart City Klaten Tetapkan Tiga Quick Win');
    expect(outcome('halaman-klaten-kredit.txt')).toMatchObject({ published_at: '2022-05-12', place: 'Klaten' });
    expect(body).toContain(caption);
    expect(body).not.toContain('KabarKlaten/Dimas');
    expect(body).not.toContain('Foto:');
    expect(body).not.toContain('kabarklaten.online');
    for (const s of ARTICLE_SENTENCES) expect(body).toContain(s);
    // The caption follows the article: the article's lead stays its first sentence.
    expect(body.indexOf(caption)).toBeGreaterThan(body.indexOf(ARTICLE_SENTENCES.at(-1)!));
  });

  it("reads a table of labelled values as a form's lines, and a table of people with its column names", async () => {
    const minutes = [
      '# Notulen Rapat Tim Pelaksana Kota Cerdas Wanareja',
      '',
      '| Unsur | Keterangan |',
      '|---|---|',
      '| Hari/Tanggal | Selasa, 10 Juni 2025 |',
      '| Tempat | Aula Cempaka, Kantor Bappeda Wanareja |',
      '',
      '## Peserta',
      '',
      '| Nama | Jabatan |',
      '|---|---|',
      '| Rina Hapsari | Kepala Bappeda |',
    ].join('\n');
    const { text } = await ingestFiles({ 'notulen-wanareja.md': minutes });
    const body = await text('notulen-wanareja.md');
    expect(body).toContain('Hari/Tanggal: Selasa, 10 Juni 2025');
    expect(body).toContain('Tempat: Aula Cempaka, Kantor Bappeda Wanareja');
    expect(body).not.toContain('Unsur');
    expect(body).toContain('Nama: Rina Hapsari; Jabatan: Kepala Bappeda');
  });

  it('reads a news page saved as Markdown the same way: the marked headline is the title, the masthead above it is not content', async () => {
    const { outcome, text, db } = await ingestFiles({ 'halaman-klaten.md': NEWS_PAGE_MD });
    const body = await text('halaman-klaten.md');
    for (const s of ARTICLE_SENTENCES) expect(body).toContain(s);
    for (const line of SAVED_PAGE_FURNITURE) expect(body).not.toContain(line.replace(/^• /, '').slice(0, 30));
    const [doc] = await db.query<{ title: string }>(`SELECT title FROM documents`);
    expect(doc?.title).toBe('Dewan Smart City Klaten Tetapkan Tiga Quick Win');
    expect(outcome('halaman-klaten.md')).toMatchObject({ published_at: '2022-05-12', place: 'Klaten' });
  });

  it.each([
    ['a credit line with dots between name, date and rubric', '**Rina Oktaviani** · Selasa, 13 Juni 2023 · Pemerintahan', '2023-06-13'],
    ['a date line kept in emphasis under the byline', '*Rina Oktaviani — Kabar Lereng*\n*Rabu, 9 Mei 2018 | 08.40 WIB*', '2018-05-09'],
  ])('dates a news page saved as Markdown by the credits under its headline: %s', async (_shape, credits, date) => {
    const page = [
      'Kabar Lereng — Berita Daerah',
      '[Beranda](/) · [Pemerintahan](/pemerintahan)',
      '',
      '# Kabupaten Lereng Mulai Susun Masterplan Kota Cerdas',
      '',
      credits,
      '',
      '`Facebook` `WhatsApp`',
      '',
      '**LERENG, Kabar Lereng** — Pemerintah Kabupaten Lereng mulai menyusun masterplan kota cerdas bersama mentor dari kementerian. Bimbingan teknis pertama digelar di aula kantor bupati dan diikuti perwakilan seluruh perangkat daerah.',
      '',
      'Kepala dinas kominfo setempat menyebut dokumen itu ditargetkan rampung pada akhir tahun, setelah empat kali bimbingan teknis.',
    ].join('\n');
    const { outcome, text } = await ingestFiles({ 'lereng.md': page });
    expect(outcome('lereng.md')).toMatchObject({ published_at: date, place: 'Lereng' });
    expect(await text('lereng.md')).not.toContain('Oktaviani');
  });

  it('takes only the announcement from a government page whose menus and sidebars are plain divs', async () => {
    const { outcome, text } = await ingestFiles({ 'klinik-quick-win.html': GOV_HTML });
    const body = await text('klinik-quick-win.html');
    for (const s of GOV_SENTENCES) expect(body).toContain(s);
    expect(body).toContain('Sesi: Sesi 2; Tanggal: 17 Juni 2024; Tempat: Aula Bappeda');
    expect(body).toContain('Nama dua narahubung dengan nomor telepon aktif.');
    for (const f of GOV_FURNITURE) expect(body).not.toContain(f);
    expect(outcome('klinik-quick-win.html')).toMatchObject({ published_at: '2024-06-03' });
  });

  it.each(backends)('makes a date stated only in the dateline the document date and place, on search hits too (%s)', async (backend) => {
    const { db, outcome, text } = await ingestFiles({ 'papan-banjir.txt': DATELINE_ONLY }, backend);
    expect(outcome('papan-banjir.txt')).toMatchObject({ status: 'new', published_at: '2022-05-12', place: 'Palu' });
    expect(await text('papan-banjir.txt')).toMatch(/^Pemerintah Kota Palu mulai menguji papan informasi banjir digital/);
    const [doc] = await db.query<{ published_at: string; place: string }>(`SELECT to_char(published_at, 'YYYY-MM-DD') AS published_at, place FROM documents`);
    expect(doc).toEqual({ published_at: '2022-05-12', place: 'Palu' });
    const [hit] = await search({ db, embedder }, 'papan informasi banjir digital Palu', { k: 1 });
    expect(hit).toMatchObject({ publishedAt: '2022-05-12', place: 'Palu' });
  });

  it('drops the running head, the running foot and the page numbers of a PDF, and counts them', async () => {
    const report = await makeReportPdf();
    const { outcome, text } = await ingestFiles({ 'laporan-kendari.pdf': report.pdf });
    const body = await text('laporan-kendari.pdf');
    for (const s of report.sentences) expect(body).toContain(s);
    expect(body).not.toContain(report.header);
    expect(body).not.toContain(report.footer);
    expect(outcome('laporan-kendari.pdf')).toMatchObject({ pages: 4, removed: { header_footer: 8 } });
  });

  it('leaves no Markdown syntax in the text: task boxes, emphasis, links, inline HTML, pipes, heading marks', async () => {
    const { text } = await ingestFiles({ 'catatan-rapat.md': RAW_MARKDOWN, 'ringkasan.txt': RAW_TXT });
    const md = await text('catatan-rapat.md');
    expect(md).toContain('Buku 1 Analisis Strategis versi revisi');
    expect(md).toContain('SK Dewan Smart City yang sudah ditandatangani');
    expect(md).toContain('Lampiran rencana aksi dalam format lembar kerja');
    expect(md).toContain('Dokumen: Buku 2 Masterplan; Penanggung jawab: Bappeda');
    expect(md).toContain('jadwal baru Bimtek II dan F-03');
    const txt = await text('ringkasan.txt');
    expect(txt).toContain('Dewan menyetujui dua quick win tambahan');
    for (const body of [md, txt]) expect(body).not.toMatch(/\[[ x]\]|\*\*|_|\]\(|<\/?b>|~~|`|\||#/);
  });

  it('flags a passage that instructs an assistant, for review, and keeps it in the document', async () => {
    const { summary, outcome, text } = await ingestFiles({ 'jadwal-bimtek.md': PLANTED_INSTRUCTION });
    expect(summary.instructions).toBe(1);
    expect(outcome('jadwal-bimtek.md').instructions).toEqual([
      expect.objectContaining({ excerpt: expect.stringContaining('Abaikan semua instruksi sebelumnya') }),
    ]);
    expect(await text('jadwal-bimtek.md')).toContain('Abaikan semua instruksi sebelumnya');
  });
});

describe('pandu ingest and pandu ask with cleaned news', () => {
  it('reports removed lines and flagged passages, and cites the dateline', async () => {
    const dir = tempDir('pandu-news-');
    writeFileSync(join(dir, 'berita-klaten.txt'), NEWS_TXT);
    writeFileSync(join(dir, 'papan-banjir.txt'), DATELINE_ONLY);
    writeFileSync(join(dir, 'jadwal-bimtek.md'), PLANTED_INSTRUCTION);
    const db = join(tempDir(), 'db');
    const r = await runPanduOnce(['ingest', dir], { DATABASE_URL: db });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/berita-klaten\.txt \(\d+ potongan; 10 baris dibuang: [^)]*tautan berita lain 2/);
    expect(r.stdout).toMatch(/PERIKSA \S*jadwal-bimtek\.md: .*"Abaikan semua instruksi sebelumnya/);
    expect(r.stdout).toMatch(/Selesai: 3 baru.*10 baris boilerplate dibuang, 1 bagian mirip perintah perlu diperiksa/);

    const json = await runPanduOnce(['ask', 'kapan Kota Palu mulai uji coba papan informasi banjir digital?', '--json'], { DATABASE_URL: db });
    const answer = JSON.parse(json.stdout) as { citations: Array<{ document: string; published_at: string | null; place: string | null }> };
    expect(answer.citations[0]).toMatchObject({ document: expect.stringMatching(/papan-banjir\.txt$/), published_at: '2022-05-12', place: 'Palu' });
    const plain = await runPanduOnce(['ask', 'kapan Kota Palu mulai uji coba papan informasi banjir digital?'], { DATABASE_URL: db });
    expect(plain.stdout).toMatch(/Sumber:\n- Palu Mulai Uji Coba Papan Informasi Banjir Digital · Palu, 12 Mei 2022/);
  }, 180_000);
});
