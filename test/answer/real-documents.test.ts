import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceLabel } from '../../src/answer/render.ts';
import { createAnswerService } from '../../src/answer/service.ts';
import type { Answer, AnswerService } from '../../src/answer/types.ts';
import { ingestPaths } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { testDb } from '../support/db.ts';
import { NEWS_PAGE_TXT } from '../support/news-docs.ts';
import { tempDir } from '../support/process.ts';

/**
 * The failure classes seen on real documents, through the whole answer service on documents
 * shaped like the ones the secretariat ingests (written for this test): a news page saved with
 * its furniture, a regional news item about a region outside the calendars, two pages on the
 * same kind of forum in two regions, and a regulation.
 */

const logger = createLogger('silent', { pretty: false });
const embedder = createHashingEmbedder(256);

const WONOSOBO = `Wonosobo Resmi Ikut Gerakan Menuju Kota Cerdas 2023

Penulis: Rina Hapsari
Editor: Bayu Pranoto

WONOSOBO, kabarwonosobo.id – Pemerintah Kabupaten Wonosobo menandatangani nota kesepakatan Gerakan Menuju Kota Cerdas dengan Kementerian Komunikasi dan Informatika pada Selasa (14/3/2023) secara daring dari Pendopo Kabupaten.

Nota kesepakatan itu ditandatangani Bupati Wonosobo Hadi Santoso Wibowo, didampingi Sekretaris Daerah dan Kepala Diskominfo.

Baca juga: Festival Budaya di Dataran Tinggi Kembali Digelar

Sepanjang 2023 Wonosobo didampingi menyusun masterplan kota cerdas bersama empat daerah lain dari Jawa Tengah, yaitu:
- Kabupaten Batang
- Kabupaten Blora
- Kota Magelang
- Kabupaten Rembang

Turut hadir Sekar Ayu Lestari, konsultan PT Data Nusantara Tbk., yang ditunjuk kementerian sebagai pembimbing Wonosobo selama pendampingan.

Penyusunan masterplan dimulai dengan bimbingan teknis tahap I di Hotel Kledung Indah pada pekan kedua April 2023. Peserta bimtek terdiri atas 60 orang dari perangkat daerah, camat, dan perwakilan perguruan tinggi.

(rh/bp)
`;

const SANGIHE = `Wakil Bupati Buka Bimtek II Smart City Sangihe

Penulis: Maria Takaendengan
Editor: Frans Pangemanan

TAHUNA, 7 Agustus 2019 – Wakil Bupati Kepulauan Sangihe membuka Bimbingan Teknis II Gerakan Menuju 100 Smart City Kabupaten Kepulauan Sangihe di aula kantor bupati, Rabu pagi.

Bimtek II melanjutkan Bimtek I yang digelar pada 10-11 Juli 2019 di Hotel Nusa Utara, Tahuna. Peserta kali ini membahas rancangan quick win tiap dimensi.
`;

const TANJUNGPINANG = `Pemkot Tanjungpinang Teken Komitmen Kota Cerdas

Penulis: Dewi Rahmawati

TANJUNGPINANG, kabarkepri.id – Seluruh kepala perangkat daerah Kota Tanjungpinang menandatangani komitmen bersama menuju kota cerdas pada Kamis (22/9/2022), disaksikan Direktur Tata Kelola Aplikasi Informatika, Irawati Sembiring.

Kepala Dinas Komunikasi dan Informatika Kota Tanjungpinang, Herwandi, mengatakan komitmen itu menjadi dasar penyusunan masterplan tahun depan.
`;

const BANGKA_BARAT = `Bangka Barat Mulai Susun Masterplan Kota Cerdas

MENTOK, babelkini.id – Pemerintah Kabupaten Bangka Barat membuka bimbingan teknis penyusunan masterplan kota cerdas di Mentok pada Senin (3/7/2023).

Kepala Dinas Komunikasi dan Informatika Kabupaten Bangka Barat, Safriadi, mengatakan seluruh perangkat daerah di Bangka Belitung diharapkan mendukung penyusunan masterplan.
`;

const BOOKS_FAQ = `# Tanya Jawab Dokumen Rencana Induk

## Apa isi draf Buku 2 dan kapan diunggah?

Draf Buku 2 memuat strategi per dimensi, rencana aksi, peta jalan 1 tahun, 5 tahun dan 10 tahun, serta quick win. Draf diunggah paling lambat 30 hari setelah Bimtek III.
`;

const BOOKS_GUIDE = `# Susunan Rencana Induk

## Buku 1: Analisis Strategis

Buku 1 memuat profil daerah, analisis kesiapan suprastruktur, infrastruktur dan infostruktur, serta isu strategis per dimensi.
`;

const TANAH_LAUT = `# Satu Data Tanah Laut

## Forum Satu Data

Forum Satu Data diketuai Kepala Dinas Komunikasi dan Informatika. Forum menyusun daftar data prioritas setiap awal tahun dan memantau pemutakhirannya.
`;

const BITUNG = `# Peraturan Wali Kota Bitung tentang Satu Data

## Dasar hukum

Peraturan ini melaksanakan Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia, yang ditandatangani Presiden Joko Widodo pada 12 Juni 2019.

## Penyelenggara

Pasal 2 (1) Walidata tingkat Daerah dilaksanakan oleh Dinas Komunikasi dan Informatika. (2) Setiap perangkat daerah menjadi produsen data sesuai kewenangannya. (3) Produsen data menunjuk petugas yang bertanggung jawab atas mutu data.

Pasal 3 (1) Forum Satu Data Kota Bitung diketuai oleh Sekretaris Daerah. (2) Sekretaris forum dijabat oleh Kepala Bidang Statistik pada Dinas Komunikasi dan Informatika. (3) Forum bersidang paling sedikit 3 (tiga) kali dalam 1 (satu) tahun.

## Istilah

Walidata adalah unit pada instansi pemerintah yang mengumpulkan, memeriksa, dan mengelola data yang disampaikan produsen data.
`;

const BUSES = `Bus Listrik Sidomaju Mulai Melayani Warga

SIDOMAJU – Layanan angkutan andalan Sidomaju dalam gerakan kota cerdas diperluas lagi. Bupati Sidomaju Haris Wicaksono, Selasa (5/3/2024), meluncurkan layanan Bus Serasi rute Sidomaju-Tirtaraya pulang pergi di halaman pendopo kabupaten.

Pada peluncuran awal ini, sebanyak 12 unit bus listrik dilepas. Untuk rute antarkota, Bus Serasi bertarif murah, berbeda dengan bus dalam kota yang selama ini gratis.

Haris menjelaskan, armada baru itu dibeli dari dana insentif daerah yang diterima Sidomaju karena dinilai berhasil menekan angka stunting.

"Tahun lalu kita menerima Rp30 miliar karena stunting turun. Dari dana insentif itu, Rp7,2 miliar kita sisihkan untuk membeli bus-bus ini. Kalau tahun depan kita dapat lagi Rp5 miliar dan ternyata masih kurang, kita tambah 12 unit," kata Haris.

Menurut bupati, ongkos angkutan umum selama ini ikut menaikkan harga barang. Ia berharap kabupaten tetangga ikut menghidupkan trayek antarkota.
`;

/** A regulation whose definitions stand in the middle of its text, a glossary defining the same terms otherwise, and a page glossing terms after a dash. */
const PERBUP_SIDOMAJU = `BUPATI SIDOMAJU
PROVINSI JAWA TENGAH
PERATURAN BUPATI SIDOMAJU
NOMOR 12 TAHUN 2024
TENTANG
MASTERPLAN SMART CITY KABUPATEN SIDOMAJU TAHUN 2024-2033

DENGAN RAHMAT TUHAN YANG MAHA ESA
BUPATI SIDOMAJU,

Menimbang : a. bahwa Kabupaten Sidomaju ditetapkan sebagai peserta Gerakan Menuju Smart City tahun 2023;
b. bahwa untuk memberi arah pembangunan kota cerdas perlu disusun masterplan yang menjadi pedoman perangkat daerah;
c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Peraturan Bupati tentang Masterplan Smart City Kabupaten Sidomaju Tahun 2024-2033;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
2. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG MASTERPLAN SMART CITY KABUPATEN SIDOMAJU TAHUN 2024-2033.
BAB I KETENTUAN UMUM
Pasal 1
Dalam Peraturan Bupati ini yang dimaksud dengan:
1. Daerah adalah Kabupaten Sidomaju.
2. Bupati adalah Bupati Sidomaju.
3. Perangkat Daerah adalah unsur pembantu Bupati dalam penyelenggaraan urusan pemerintahan yang menjadi kewenangan Daerah.
4. Masterplan Smart City yang selanjutnya disebut Masterplan adalah dokumen perencanaan kota cerdas Daerah untuk jangka waktu 10 (sepuluh) tahun.
5. Quick Win adalah program unggulan yang manfaatnya dirasakan warga dalam waktu paling lama 18 (delapan belas) bulan.
6. Dewan Smart City adalah forum pengarah yang memberi arah kebijakan pelaksanaan Masterplan.
BAB II TUJUAN
Pasal 2
Masterplan menjadi pedoman Perangkat Daerah dalam menyusun program kota cerdas dan anggarannya setiap tahun.
Pasal 3
(1) Tim Pelaksana menetapkan paling sedikit 3 (tiga) program unggulan setiap tahun anggaran.
(2) Program unggulan sebagaimana dimaksud pada ayat (1) diusulkan kepada Dewan Smart City paling lambat bulan Maret.

                                         Ditetapkan di Sidomaju
                                         pada tanggal 2 Mei 2024

                                         PLT. BUPATI SIDOMAJU,
                                         WAKIL BUPATI

                                                  ttd.

                                         HARIS WICAKSONO

Diundangkan di Sidomaju
pada tanggal 2 Mei 2024

SEKRETARIS DAERAH KABUPATEN SIDOMAJU,

         ttd.

BAMBANG SUTOPO

BERITA DAERAH KABUPATEN SIDOMAJU TAHUN 2024 NOMOR 12
`;

const GLOSSARY = `# Glosarium Kota Cerdas

## Quick win

Quick win adalah program berdampak cepat yang hasilnya terlihat dalam 6 sampai 12 bulan dan menjadi bukti awal komitmen daerah.

## Smart Living

Smart Living adalah dimensi yang menata kualitas hidup warga: kesehatan, pendidikan, perumahan, dan transportasi.
`;

const BIMTEK_PAGE = `<html><head><title>Pemkab Sidomaju Gelar Bimtek Kota Cerdas</title></head><body>
<nav><a href="/">Beranda</a> | <a href="/berita">Berita</a></nav>
<article><h1>Pemkab Sidomaju Gelar Bimtek Kota Cerdas</h1>
<p>Pemerintah Kabupaten Sidomaju menggelar bimbingan teknis penyusunan masterplan kota cerdas di aula setda, Kamis (23/6/2022). Dalam materinya, narasumber menjelaskan enam dimensi kota cerdas sebagai berikut:</p>
<ul>
<li><b>Smart Governance</b> – tata kelola pemerintahan yang terbuka dan melayani.</li>
<li><b>Smart Living</b> – gaya hidup sehat yang ditopang layanan digital di sekitar warga.</li>
<li><b>Smart Environment</b> – pengelolaan lingkungan yang bersih dan tangguh bencana.</li>
</ul>
<p>Bupati Sidomaju berharap masterplan rampung sebelum akhir tahun.</p>
</article></body></html>
`;

/** A report that writes its regency only shortened ('Kotim'), as local outlets do. */
const KOTIM = `Bimtek Tahap III Kota Cerdas Kotim Bahas Quick Win

SAMPIT – Pemkab Kotim kembali menggelar bimbingan teknis penyusunan masterplan kota cerdas. Bimtek tahap III berlangsung Senin, 14 Agustus 2023, di aula Diskominfo Kotim dan membahas pemilihan quick win.

Kepala Diskominfo Kotim, Rusdi Hamzah, menyebut masterplan ditargetkan rampung pada bimtek tahap IV bulan berikutnya.
`;

/** A report dating its event only in figures ('(1/12/2021)'), numbering its meeting by a word, and a later stage by its month. */
const MUNA_RAKOR = `Rakor Kedua Kota Cerdas Muna Bagi Tugas Enam Dimensi
Kamis, 2 Desember 2021 09:15 WIB

RAHA – Pemkab Muna menggelar rapat koordinasi (rakor) kedua kota cerdas, Rabu (1/12/2021), di aula Bappeda Muna. Rakor dipimpin Kepala Diskominfo Muna, Hendra Wibisono, dan membagi tugas enam dimensi kepada perangkat daerah.

Menurut Hendra, bimtek tahap IV kota cerdas Muna dijadwalkan pada Oktober 2022 bersama tenaga ahli kementerian.
`;

/** A regency's questions-and-answers page: each answer folded under its question (<details>/<summary>). */
const FAQ_PAGE = `<!doctype html><html><head><title>Tanya Jawab Kota Cerdas | Diskominfo Wanareja</title></head><body>
<nav><a href="/">Beranda</a> | <a href="/layanan">Layanan</a></nav>
<article>
<h1>Tanya Jawab Seputar Kota Cerdas Wanareja</h1>
<p>Halaman ini menghimpun pertanyaan yang sering diajukan perangkat daerah dan warga tentang keikutsertaan Kabupaten Wanareja dalam Gerakan Menuju Kota Cerdas.</p>
<details open><summary>1. Apa itu Gerakan Menuju Kota Cerdas?</summary>
<p>Gerakan ini adalah program pendampingan kementerian bagi kabupaten dan kota untuk menyusun masterplan kota cerdas beserta quick win-nya.</p></details>
<details><summary>2. Kapan bimbingan teknis pertama digelar?</summary>
<p>Bimbingan teknis pertama dibuka Sekretaris Daerah pada awal Juli 2023 di Aula Bappeda Wanareja.</p></details>
<details><summary>3. Siapa pendamping dari kementerian?</summary>
<p>Kementerian menugaskan Dr. Ir. Bambang Wicaksono beserta dua tenaga ahli. Dari pihak daerah, kegiatan dikoordinasikan Bappeda.</p></details>
<details><summary>4. Apa saja quick win Wanareja?</summary>
<p>Dua quick win sudah diumumkan: layanan adminduk keliling dan pasar daring untuk UMKM.</p></details>
<details><summary>5. Berapa tahap bimbingan teknis yang diikuti?</summary>
<p>Ada empat tahap. Tahap terakhir, Bimtek Tahap IV, digelar Kamis, 5 Oktober 2023, dan ditutup Asisten Perekonomian.</p></details>
</article>
<footer>Hak cipta Diskominfo Wanareja</footer>
</body></html>
`;

/** A report naming an official by an office whose own name holds commas, the name set off by commas after it. */
const LEMBATA = `Lembata Tuntaskan Empat Tahap Bimtek Kota Cerdas

LEWOLEBA – Rangkaian bimbingan teknis penyusunan masterplan kota cerdas Kabupaten Lembata ditutup Sekretaris Daerah Paskalis Tapobali di aula kantor bupati, Jumat (20/10/2023).

Kepala Dinas Komunikasi, Informatika dan Persandian Lembata, Yohanes, menyebut masterplan akan diajukan menjadi peraturan bupati pada akhir tahun.
`;

/** A report placing the event in a named room, and later its sessions 'di ruang rapat'. */
const BINTEK_ROOM = `Kadiskominfo: Perangkat Daerah Harus Siap Bawa Wanareja Jadi Kota Cerdas

WANAREJA – Pendampingan Gerakan Menuju Kota Cerdas di Kabupaten Wanareja terus berlanjut. Dinas Komunikasi dan Informatika Kabupaten Wanareja menyelenggarakan Bimbingan Teknis (Bintek) Tahap Kedua Penyusunan Masterplan Kota Cerdas pada Selasa dan Rabu (18-19/9/2018).

Kegiatan dua hari itu bertempat di Ruang Melati Setda Kabupaten Wanareja. Pesertanya wakil perangkat daerah, dan Sekretaris Daerah Wanareja hadir bersama Kepala Diskominfo, Sutrisno.

Sutrisno menjelaskan bahwa bintek kedua ini melanjutkan bintek pertama yang sudah digelar sebelumnya. Ia juga mengingatkan peserta tentang enam dimensi kota cerdas yang menentukan keberhasilan program.

Menurut Sutrisno, bintek pertama sudah menghasilkan rancangan buku pertama yang memuat gambaran umum daerah dan menjadi bahan analisis perencanaan berikutnya.

Peserta dari OPD mengikuti pemaparan materi bintek tahap kedua di ruang rapat Setda.
`;

const INVITATION = `# Undangan Penandatanganan Nota Kesepakatan Kota Cerdas 2025

Yth. Bupati Kabupaten Sidomaju dan Wali Kota Tirtaraya.

Sehubungan dengan penandatanganan nota kesepakatan, kami mohon perhatian atas hal-hal berikut:
1. Naskah nota kesepakatan dicetak dua rangkap dan diparaf pada setiap halaman.
2. Setiap daerah mendaftarkan paling banyak 4 (empat) akun peserta Zoom.
3. Setelah penandatanganan nota kesepakatan, daerah diberi waktu satu sampai dua bulan untuk menyiapkan SK Dewan Kota Cerdas.
`;

/** Minutes under a region's letterhead: the title names no region, the sections neither. */
function minutes(letterhead: string, place: string, amount: string, secretary: string): Promise<Buffer> {
  const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading });
  const p = (text: string) => new Paragraph({ text });
  const children = [
    p(letterhead),
    p('DINAS KOMUNIKASI DAN INFORMATIKA'),
    h('NOTULEN RAPAT TIM PELAKSANA SMART CITY', HeadingLevel.HEADING_1),
    p(`Rapat dibuka pukul 09.00 di ruang rapat kantor bupati di ${place}.`),
    h('Pokok Pembahasan', HeadingLevel.HEADING_2),
    p(`Rapat di ${place} membahas kesiapan dua quick win dan pembagian tugas antarperangkat daerah.`),
    h('Kesimpulan', HeadingLevel.HEADING_2),
    p(`1. Kebutuhan anggaran kedua quick win diperkirakan ${amount} dan diusulkan dalam rancangan APBD.`),
    p(`2. Notulen disusun oleh ${secretary} dan dibagikan kepada seluruh perangkat daerah.`),
  ];
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

let answers: AnswerService;
const ask = (question: string): Promise<Answer> => answers.ask({ question, platform: 'telegram', regionCode: null, record: false });

/** An answer service over a fresh database holding these files (name → text) and any further folders. */
async function serviceOver(files: Record<string, string>, folders: readonly string[] = []): Promise<AnswerService> {
  const db = await testDb('pglite');
  await ensureEmbeddings(db, embedder);
  const dir = tempDir('pandu-real-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  await ingestPaths({ db, embedder, logger }, [dir, ...folders]);
  return createAnswerService({ db, embedder, logger, now: () => new Date('2026-06-08T02:00:00Z') });
}

beforeAll(async () => {
  const db = await testDb('pglite');
  await ensureEmbeddings(db, embedder);
  const dir = tempDir('pandu-real-');
  writeFileSync(join(dir, 'halaman-klaten.txt'), NEWS_PAGE_TXT);
  writeFileSync(join(dir, 'berita-wonosobo.txt'), WONOSOBO);
  writeFileSync(join(dir, 'berita-sangihe-bimtek-ii.txt'), SANGIHE);
  writeFileSync(join(dir, 'berita-tanjungpinang-komitmen.txt'), TANJUNGPINANG);
  writeFileSync(join(dir, 'berita-bangka-barat-bimtek.txt'), BANGKA_BARAT);
  mkdirSync(join(dir, 'panduan'), { recursive: true });
  writeFileSync(join(dir, 'panduan', 'faq-rencana-induk.md'), BOOKS_FAQ);
  writeFileSync(join(dir, 'panduan', 'susunan-rencana-induk.md'), BOOKS_GUIDE);
  writeFileSync(join(dir, 'satu-data-tanah-laut.md'), TANAH_LAUT);
  writeFileSync(join(dir, 'perwali-bitung-satu-data.md'), BITUNG);
  writeFileSync(join(dir, 'undangan-nota-kesepakatan-2025.md'), INVITATION);
  writeFileSync(join(dir, 'berita-bus-sidomaju.txt'), BUSES);
  writeFileSync(join(dir, 'perbup-sidomaju-12-2024-masterplan.txt'), PERBUP_SIDOMAJU);
  writeFileSync(join(dir, 'glosarium-uji.md'), GLOSSARY);
  writeFileSync(join(dir, 'berita-bimtek-sidomaju.html'), BIMTEK_PAGE);
  writeFileSync(join(dir, 'berita-kotim-bimtek-iii.txt'), KOTIM);
  writeFileSync(join(dir, 'berita-rakor-muna.txt'), MUNA_RAKOR);
  writeFileSync(join(dir, 'tanya-jawab-kota-cerdas-wanareja.html'), FAQ_PAGE);
  writeFileSync(join(dir, 'berita-lembata-bimtek.txt'), LEMBATA);
  writeFileSync(join(dir, 'berita-bintek-ii-wanareja.txt'), BINTEK_ROOM);
  writeFileSync(join(dir, 'notulen-tim-pelaksana-b.docx'), await minutes('PEMERINTAH KABUPATEN KUTAI KARTANEGARA', 'Tenggarong', 'Rp 850 juta', 'Dewi Anggraini'));
  writeFileSync(join(dir, 'notulen-tim-pelaksana-a.docx'), await minutes('PEMERINTAH KOTA BITUNG', 'Bitung', 'Rp 400 juta', 'Markus Lumintang'));
  await ingestPaths({ db, embedder, logger }, [dir]);
  answers = createAnswerService({ db, embedder, logger, now: () => new Date('2026-06-08T02:00:00Z') });
}, 120_000);

describe('answers on real-shaped documents', () => {
  it("answers 'kapan' from the news page's date stamp, and never quotes its masthead or credits", async () => {
    const a = await ask('kapan dewan smart city klaten menetapkan quick win?');
    expect(a.refused).toBe(false);
    expect(a.answer).toContain('12 Mei 2022');
    expect(a.answer).not.toMatch(/KABAR KLATEN|Beranda|Tim Redaksi|Dilihat/);
    expect(a.citations[0]?.title).toBe('Dewan Smart City Klaten Tetapkan Tiga Quick Win');
  });

  it("dates an event its lead sentence gives only a weekday by the report's dateline, though a later sentence dates another event", async () => {
    const a = await ask('kpn bimtek II smart city sangihe dibuka?');
    expect(a.refused).toBe(false);
    expect(a.answer).toContain('Rabu pagi');
    expect(a.answer).toContain('7 Agustus 2019');
  });

  it("answers a later part about the region the first part names, written joined, and reads a one-word name set off by commas", async () => {
    const a = await ask('komitmen smart city tanjungpinang disaksiin siapa? trs kadis kominfonya sapa');
    expect(a.refused).toBe(false);
    expect(a.answer).toContain('Irawati Sembiring');
    // The Kotawaringin Timur report's kadis ranks alike for 'kadis kominfo'; the part is about Tanjungpinang.
    const second = a.answer.split('❓').at(-1) ?? '';
    expect(second).toMatch(/kadis kominfonya sapa/);
    expect(second).toContain('Herwandi');
    expect(second).not.toContain('Rusdi Hamzah');
  });

  it("answers from a questions page's folded answers: a person under a question naming the office, a stage's date under a numbered question", async () => {
    const mentor = await ask('pendamping dr kementerian buat kota cerdas wanareja sapa');
    expect(mentor.refused).toBe(false);
    expect(mentor.answer.split('\n')[0]).toContain('Bambang Wicaksono');
    // The question over the answer names the office: no other region's mentor is needed beside it.
    expect(mentor.answer).not.toContain('Sekar Ayu Lestari');
    // The page's fifth question is no 'tahap 5': its answer dates Tahap IV.
    const stage = await ask('bimtek tahap IV kota cerdas wanareja tgl brp');
    expect(stage.refused).toBe(false);
    expect(stage.answer.split('\n')[0]).toContain('5 Oktober 2023');
  });

  it("answers 'di mana' with the room the report names, not with the region asked about or 'di ruang rapat'", async () => {
    const a = await ask('bintek tahap 2 masterplan kota cerdas wanareja dmn tempatnya?');
    expect(a.refused).toBe(false);
    expect(a.answer.split('\n')[0]).toContain('Ruang Melati');
  });

  it('names an official set off by commas after an office whose own name holds commas', async () => {
    const a = await ask('kadis kominfo lembata namanya siapa');
    expect(a.refused).toBe(false);
    expect(a.answer.split('\n')[0]).toContain('Yohanes');
  });

  it("does not name the Sekretaris Daerah for the bupati because the event was held at the bupati's office", async () => {
    const a = await ask('siapa bupati lembata yg nutup bimtek kota cerdas?');
    expect(a.refused).toBe(true);
    expect(a.answer).not.toContain('Paskalis');
  });

  it('does not take a report on Bangka Barat, or on the province of Bangka Belitung, for one on Kabupaten Bangka', async () => {
    const own = await ask('kadis kominfo kab bangka barat siapa?');
    expect(own.refused).toBe(false);
    expect(own.answer).toContain('Safriadi');
    const other = await ask('kadis kominfo kab bangka siapa?');
    expect(other.refused).toBe(true);
    expect(other.answer).not.toContain('Safriadi');
  });

  it("answers 'isi buku 1' from the guide's section on Buku 1, not from a questions page headed for Buku 2", async () => {
    const a = await ask('isi buku 1 apa aja?');
    expect(a.refused).toBe(false);
    expect(a.answer).toContain('profil daerah');
    expect(a.citations[0]?.heading ?? '').toContain('Buku 1');
  });

  it('answers about a region outside the calendars from the news item about it, and the year the item states', async () => {
    const who = await ask('siapa bupati wonosobo yg tanda tangan nota kesepakatan?');
    expect(who.refused).toBe(false);
    expect(who.answer).toContain('Hadi Santoso Wibowo');
    expect(who.answer).not.toMatch(/tidak tercatat|Penulis|Editor/);
    // A company's 'Tbk.' does not end the sentence that names the person and the role asked about.
    const mentor = await ask('pembimbing wonosobo yg ditunjuk kementerian siapa?');
    expect(mentor.refused).toBe(false);
    expect(mentor.answer).toContain('Sekar Ayu Lestari');

    const list = await ask('daerah jateng mana aja yg ikut gerakan kota cerdas 2023?');
    expect(list.refused).toBe(false);
    for (const r of ['Kabupaten Batang', 'Kabupaten Blora', 'Kota Magelang', 'Kabupaten Rembang']) expect(list.answer).toContain(r);
  });

  it('finds a region written out in the question in a report that only shortens it', async () => {
    const a = await ask('kapan bimtek tahap III kota cerdas kotawaringin timur?');
    expect(a.refused).toBe(false);
    expect(a.answer).toContain('14 Agustus 2023');
    const who = await ask('kadis kominfo kabupaten kotawaringin timur siapa?');
    expect(who.answer).toContain('Rusdi Hamzah');
  });

  it("quotes the named region's forum, not another region's that ranks alike", async () => {
    const a = await ask('forum satu data kota bitung diketuai siapa?');
    expect(a.refused).toBe(false);
    expect(a.answer.split('\n')[0]).toContain('Forum Satu Data Kota Bitung diketuai oleh Sekretaris Daerah');
  });

  it('refuses an amount no document states, and answers both parts of a compound question', async () => {
    const money = await ask('berapa anggaran quick win klaten?');
    expect(money.refused).toBe(true);
    expect(money.answer).toMatch(/^Maaf/);
    // The amount said of the money asked about, not another figure beside the question's count.
    const bought = await ask('12 bus serasi rute sidomaju-tirtaraya dibeli pake dana brp');
    expect(bought.answer).toContain('Rp7,2 miliar');

    const two = await ask('wonosobo teken nota kesepakatan kapan? trs bimtek tahap I di mana?');
    expect(two.answer).toContain('14/3/2023');
    expect(two.answer).toContain('Hotel Kledung Indah');

    // A later part about a subject of its own is answered as asked, not with the first part's words.
    const other = await ask('peserta bimtek wonosobo brp org? trs walidata kota bitung siapa?');
    expect(other.answer).toContain('60 orang');
    expect(other.answer).toContain('Dinas Komunikasi dan Informatika');
  });

  it("reads a region's usual shortening ('kukar') and finds each section of a document under that region's letterhead", async () => {
    const money = await ask('anggaran quick win kukar brp?');
    expect(money.refused).toBe(false);
    expect(money.answer).toContain('Rp 850 juta');
    expect(money.answer).not.toContain('Rp 400 juta');
    // The region of the letterhead joins the title that did not name it: citations say whose minutes these are.
    expect(money.citations[0]?.title).toBe('NOTULEN RAPAT TIM PELAKSANA SMART CITY — Kabupaten Kutai Kartanegara');
    // The old title, the document's first heading, is not shown as a section of its own.
    const opened = await ask('rapat tim pelaksana kukar dibuka jam brp?');
    expect(opened.answer).toContain('09.00');
    expect(sourceLabel(opened.citations[0]!)).toBe('NOTULEN RAPAT TIM PELAKSANA SMART CITY — Kabupaten Kutai Kartanegara, hlm. 1');
    const who = await ask('notulen rapat tim pelaksana bitung disusun siapa?');
    expect(who.answer).toContain('Markus Lumintang');
    expect(who.answer).not.toContain('Dewi Anggraini');
  });

  it("reads chat's function words as the documents write them, and a count asked with 'daftar' as a count", async () => {
    // 'buat' is 'untuk', 'tiap' is 'setiap', 'habis' is 'setelah', 'dikasih' is 'diberi': none is the question's key idea.
    const accounts = await ask('tiap daerah boleh daftar brp akun zoom buat acara NK?');
    expect(accounts.refused).toBe(false);
    expect(accounts.answer.split('\n')[0]).toContain('4 (empat) akun peserta Zoom');
    const time = await ask('habis NK daerah dikasih waktu brp lama buat nyiapin SK dewan?');
    expect(time.refused).toBe(false);
    expect(time.answer).toContain('satu sampai dua bulan');
  });

  it('defines a term from the sentence that defines it', async () => {
    const a = await ask('walidata itu apa sih?');
    expect(a.refused).toBe(false);
    expect(a.answer).toMatch(/^Walidata adalah unit pada instansi pemerintah/);
  });

  it("defines a term as the source the question names does, not as the glossary does", async () => {
    // The regulation's own definition, not its whole list of definitions nor the glossary's.
    const perbup = await ask('quick win menurut perbup sidomaju artinya apa');
    expect(perbup.refused).toBe(false);
    expect(perbup.answer).toMatch(/^Quick Win adalah program unggulan yang manfaatnya dirasakan warga dalam waktu paling lama 18/);
    expect(perbup.answer).not.toMatch(/Daerah adalah Kabupaten Sidomaju|6 sampai 12 bulan/);
    // A page's term glossed after a dash.
    const page = await ask('smart living maksudnya apa menurut materi bimtek sidomaju');
    expect(page.answer).toMatch(/^Smart Living – gaya hidup sehat/);
    // Asked from no source, the glossary defines it.
    const plain = await ask('apa itu quick win?');
    expect(plain.answer).toMatch(/^Quick win adalah program berdampak cepat/);
  });

  it("reads a date written in figures as its month, and a meeting numbered by a word as its number", async () => {
    // 'des 2021' is the month of '(1/12/2021)'.
    const place = await ask('rakor kedua kota cerdas muna des 2021 di mana');
    expect(place.refused).toBe(false);
    expect(place.answer).toContain('aula Bappeda Muna');
    // The report tells of the second meeting only: the first is not the second.
    const first = await ask('rakor pertama kota cerdas muna tgl brp');
    expect(first.refused).toBe(true);
    expect(first.answer).toContain('rakor pertama');
    expect(first.answer).not.toContain('1/12/2021');
  });

  it("does not give a dated report's day for a stage the report dates to a month", async () => {
    const month = await ask('kapan bimtek tahap IV kota cerdas muna');
    expect(month.refused).toBe(false);
    expect(month.answer).toContain('Oktober 2022');
    const day = await ask('bimtek tahap IV kota cerdas muna tgl brp');
    expect(day.refused).toBe(true);
    expect(day.answer).not.toContain('2 Desember 2021');
  });

  it('names who signed a regulation, not the Sekretaris Daerah who promulgated it below', async () => {
    const signer = await ask('perbup masterplan smart city sidomaju yg ttd siapa');
    expect(signer.answer).toMatch(/^PLT\. BUPATI SIDOMAJU, WAKIL BUPATI\s+ttd\.\s+HARIS WICAKSONO/);
  });


  it('tells a question about the present outside the programme that it is out of scope, though a document names a president', async () => {
    for (const q of ['siapa presiden indonesia sekarang?', 'cuaca di wonosobo besok gimana?', 'cuaca di wonosobo bsk hujan ga ya']) {
      const a = await ask(q);
      expect(a.intent, q).toBe('out_of_scope');
      expect(a.answer, q).toMatch(/di luar cakupan/);
    }
  });
});

describe('a past event a report dates, beside the calendars of the current cohorts', () => {
  const REPORT = `Bimtek Ketiga Masterplan Kota Cerdas Sidomukti Dibuka

SIDOMUKTI, kabarsidomukti.id – Bimbingan teknis ketiga penyusunan masterplan kota cerdas Kabupaten Sidomukti dibuka Kamis (28/9/2017) di ruang rapat sekretariat daerah. Bimtek ketiga ini membahas rencana aksi dan program unggulan setiap dimensi.

Kepala Dinas Kominfo Sidomukti mengatakan tiga program sudah disiapkan untuk dijalankan tahun depan.
`;
  let service: AnswerService;
  beforeAll(async () => {
    service = await serviceOver({ 'bimtek-sidomukti.txt': REPORT }, ['corpus/kalender']);
  }, 120_000);

  it('answers when the reported bimtek was opened from the report, and a deadline question from the calendar', async () => {
    const past = await service.ask({ question: 'bimtek ketiga smart city sidomukti dibuka tgl brp', platform: 'telegram', regionCode: null, record: false });
    expect(past.refused).toBe(false);
    expect(past.answer).toContain('28/9/2017');
    expect(past.answer).not.toMatch(/Angkatan 2026/);
    const due = await service.ask({ question: 'deadline bimtek 3 kapan?', platform: 'telegram', regionCode: null, record: false });
    expect(due.intent).toBe('deadline');
    expect(due.answer).toMatch(/Angkatan 2026/);
  });
});

describe('questions without a programme word about what a document tells', () => {
  const REPORT = `Sidoreja Paparkan Empat Quick Win di Evaluasi Kota Cerdas 2023

SIDOREJA, kabarsidoreja.id – Pemerintah Kabupaten Sidoreja memaparkan empat quick win pada evaluasi tahap I kota cerdas, Selasa (13/6/2023).

Kepala Dinas Kominfo Sidoreja menambahkan, sejak 2019 Pemkab Sidoreja telah menggelar kabel serat optik sepanjang 126 km yang menghubungkan 48 perangkat daerah dan seluruh kantor kecamatan. Masterplan kota cerdas Sidoreja sendiri ditetapkan dengan Peraturan Bupati Sidoreja Nomor 64 Tahun 2019.

Evaluasi tahap II dijadwalkan beberapa bulan lagi.
`;
  const LETTER = `# Undangan Rapat Kerja Penyusunan Rencana Aksi Kabupaten Sidoreja 2025

Dengan hormat, kami mengundang Bapak/Ibu pada rapat kerja penyusunan rencana aksi smart city tahun 2025 yang akan diselenggarakan pada:

Hari, tanggal : Kamis, 8 Agustus 2024
Pukul : 08.30 WIB s.d. selesai
Tempat : Aula Wijaya Kusuma, Kantor Bupati Sidoreja
`;
  // A region of the programme: a later part of a compound question that names none is asked with it first.
  const LAMANDAU_LETTER = `# Undangan Rapat Kerja Penyusunan Rencana Aksi Smart City Kabupaten Lamandau

Dengan hormat, kami mengundang Bapak/Ibu pada rapat kerja penyusunan rencana aksi smart city yang akan diselenggarakan pada:

Hari, tanggal : Selasa, 6 Agustus 2024
Pukul : 08.30 WIB s.d. selesai
Tempat : Aula Bappeda Kabupaten Lamandau
`;
  const LAMANDAU_PROFILE = `# Profil Smart City Kabupaten Lamandau

Kabupaten Lamandau di Kalimantan Tengah mengikuti gerakan kota cerdas. Pemerintah Kabupaten Lamandau menyusun masterplan bersama perangkat daerah, camat dan perguruan tinggi.

Visi smart city Kabupaten Lamandau adalah pelayanan publik yang mudah dijangkau warga desa. Dewan smart city Kabupaten Lamandau diketuai bupati.
`;
  let service: AnswerService;
  const askHere = (question: string) => service.ask({ question, platform: 'telegram', regionCode: null, record: false });
  beforeAll(async () => {
    // More pages about the region than a search for its name alone reads, none giving a time.
    const pages = ['pariwisata', 'pertanian', 'pendidikan', 'kesehatan', 'perizinan', 'kependudukan', 'perhubungan'].map((topic, i) => [
      `lamandau-${i}.md`,
      `# Layanan ${topic} Kabupaten Lamandau\n\nPemerintah Kabupaten Lamandau memperluas layanan ${topic} digital. Warga Kabupaten Lamandau dapat mengakses layanan ${topic} dari desa.\n`,
    ]);
    service = await serviceOver({
      'berita-sidoreja-evaluasi-2023.txt': REPORT,
      'undangan-raker-rencana-aksi-sidoreja.md': LETTER,
      'undangan-rapat-kerja-lamandau.md': LAMANDAU_LETTER,
      'profil-smart-city-lamandau.md': LAMANDAU_PROFILE,
      ...Object.fromEntries(pages),
    });
  }, 120_000);

  it("answers a figure a 2023 report gives 'sejak 2019' for a question about 2023, and refuses one about 2018 for that reason, not as out of scope", async () => {
    const a = await askHere('sidoreja 2023 serat optiknya brp km');
    expect(a.refused).toBe(false);
    expect(a.answer).toContain('126 km');
    const before = await askHere('sidoreja 2018 serat optiknya brp km');
    expect(before.refused).toBe(true);
    expect(before.intent).not.toBe('out_of_scope');
    // The refusal says which year the documents do not give, not that the question is outside the programme.
    expect(before.answer).toContain('2018');
    expect(before.answer).not.toMatch(/di luar cakupan/);
  });

  it("answers a later part naming no region from the first part's words when its region alone finds no answer", async () => {
    const a = await askHere('raker rencana aksi lamandau tempatnya dmn? trs mulai jam brp');
    const [, second] = a.answer.split('❓').filter(Boolean);
    expect(a.answer).toContain('Aula Bappeda Kabupaten Lamandau');
    expect(second).toContain('08.30');
  });

  it("reads 'raker' as the 'rapat kerja' a letter names", async () => {
    const a = await askHere('raker rencana aksi sidoreja tempatnya dmn?');
    expect(a.refused).toBe(false);
    expect(a.answer).toContain('Aula Wijaya Kusuma');
  });
});

describe('what a report has not settled, and what it tells of another phase', () => {
  // A report on the third bimtek that mentions the fourth only as not yet scheduled, and a question it leaves open.
  const THIRD = `Bimtek Tahap III Kota Cerdas, Sukamaju Susun Rencana Aksi

SUKAMAJU, wartasukamaju.id – Penyusunan masterplan kota cerdas Kabupaten Sukamaju memasuki bimbingan teknis (bimtek) tahap III. Kegiatan berlangsung sehari penuh, Kamis (14/9/2023), di Gedung Serbaguna Pemkab Sukamaju.

Bimtek diikuti 64 peserta dari perangkat daerah, kecamatan dan perguruan tinggi. Setiap dinas pengampu quick win diminta melapor progres setiap bulan kepada tim pelaksana.

Soal sanksi bagi dinas yang terlambat melapor, Sekretaris Daerah Sukamaju belum mau berkomentar.

Bimtek tahap IV direncanakan akhir tahun ini. Tanggal dan tempatnya belum ditetapkan.
`;
  // A schedule whose rows date the other phases, one only to a month.
  const SCHEDULE = `# Jadwal Bimbingan Teknis Masterplan Kota Cerdas Kabupaten Sukaraja 2023

| Tahap | Waktu | Tempat |
|---|---|---|
| Tahap I | Senin, 12 Juni 2023 | Aula Bappeda Sukaraja |
| Tahap II | Juli 2023 | Aula Bappeda Sukaraja |
| Tahap III | Menunggu jadwal dari kementerian | - |
`;
  // A report whose only year is another year's, about a bimtek that has not begun.
  const NOT_YET = `Sukawangi Siapkan Tim Kota Cerdas

Dewi Lestari - KABARSUKAWANGI.ID Mei 10, 2023 - 09:15

SUKAWANGI, kabarsukawangi.id – Pemerintah Kabupaten Sukawangi mulai menyiapkan tim kota cerdas. "Banjir bandang 2010 jadi pelajaran. Peringatan dini harus masuk masterplan," ujar Kepala Bappeda Sukawangi. Sebelum bimtek tahap I dimulai, pemkab wajib menerbitkan SK dewan kota cerdas dan SK tim pelaksana.
`;
  // A city's profile that names the law founding it, and another city's decree on its council.
  const PROFILE = `# Profil Kota Tomohon

Kota Tomohon berdiri sebagai daerah otonom berdasarkan Undang-Undang Nomor 10 Tahun 2003. Kota ini mengikuti gerakan kota cerdas sejak 2021. Dewan smart city Kota Tomohon dibentuk pada tahun yang sama dan diketuai wali kota.
`;
  const DECREE = `KEPUTUSAN WALI KOTA KOTAMOBAGU
NOMOR 100.3.3/45/KPTS/2023
TENTANG
PEMBENTUKAN DEWAN SMART CITY KOTA KOTAMOBAGU

Menetapkan dewan smart city Kota Kotamobagu dengan susunan keanggotaan sebagaimana tercantum dalam lampiran keputusan ini.
`;
  // Minutes that give the place on a labelled line, a report that says where another event 'diadakan', and
  // pages on the council's monthly meetings and awards that name no place.
  const MINUTES = `# Notulen Rapat Dewan Smart City Kota Tomohon

Hari, tanggal: Rabu, 6 Maret 2024
Tempat: Ruang Rapat Sekretariat Daerah, Kantor Wali Kota Tomohon
Pimpinan rapat: Sekretaris Daerah Kota Tomohon

Rapat membahas usulan quick win tahun 2024 dan jadwal pelaporan triwulan.
`;
  const FAIR = `Pameran Layanan Digital Kota Tomohon

Pameran layanan digital perangkat daerah diadakan di Lapangan Kantor Wali Kota Tomohon, diikuti 30 stan. Sehari sebelumnya, evaluasi layanan digital Kota Tomohon 2024 digelar di Hotel Sutan Raja Tomohon.
`;
  let service: AnswerService;
  const askHere = (question: string) => service.ask({ question, platform: 'telegram', regionCode: null, record: false });
  beforeAll(async () => {
    service = await serviceOver({
      'berita-sukamaju-bimtek-iii.txt': THIRD,
      'jadwal-bimtek-sukaraja-2023.md': SCHEDULE,
      'berita-sukawangi-tim.txt': NOT_YET,
      'profil-kota-tomohon.md': PROFILE,
      'kepwal-kotamobagu-dewan-smart-city.txt': DECREE,
      'notulen-rapat-dewan-tomohon-2024.md': MINUTES,
      'berita-pameran-tomohon.txt': FAIR,
      ...Object.fromEntries(
        ['anggaran', 'pendidikan', 'kesehatan'].map((topic) => [
          `tomohon-${topic}.md`,
          `# Layanan ${topic} Kota Tomohon\n\nDewan smart city Kota Tomohon menerima laporan layanan ${topic} dalam rapat bulanan perangkat daerah dan memberi penghargaan kepada unit terbaik.\n`,
        ]),
      ),
    });
  }, 120_000);

  it("does not give the third bimtek's hall for the fourth, and answers for the third", async () => {
    const fourth = await askHere('bimtek IV sukamaju dmn tempatnya');
    expect(fourth.refused).toBe(true);
    const third = await askHere('bimtek tahap III sukamaju dmn tempatnya');
    expect(third.refused).toBe(false);
    expect(third.answer).toContain('Gedung Serbaguna');
  });

  it('refuses what the report says is not yet told, quoting no answer for it', async () => {
    const a = await askHere('sanksi buat dinas sukamaju yg telat lapor progres quick win apa?');
    expect(a.refused).toBe(true);
  });

  it("does not date a phase by another phase's row, and dates the phase its row dates", async () => {
    const second = await askHere('bimtek tahap II sukaraja tgl brp persisnya');
    expect(second.refused).toBe(true);
    expect(second.answer).not.toContain('12 Juni');
    const third = await askHere('bimtek tahap III sukaraja tgl brp');
    expect(third.refused).toBe(true);
    const first = await askHere('bimtek tahap I sukaraja tgl brp');
    expect(first.refused).toBe(false);
    expect(first.answer).toContain('12 Juni 2023');
  });

  it("does not give a report's own day for an event it names with another year only", async () => {
    const a = await askHere('bimtek tahap I sukawangi tgl brp?');
    expect(a.refused).toBe(true);
  });

  it("reads 'nomor sk …?' as asking a decree's number: not a law's, and the decree's where one is held", async () => {
    const none = await askHere('nomor sk dewan smart city kota tomohon?');
    expect(none.refused).toBe(true);
    expect(none.answer).not.toContain('Nomor 10 Tahun 2003');
    const held = await askHere('nomor sk dewan smart city kota kotamobagu?');
    expect(held.refused).toBe(false);
    expect(held.answer).toContain('100.3.3/45/KPTS/2023');
  });

  it("answers where a meeting 'diadakan' from the minutes' place line, which says no such verb, not from another event that does", async () => {
    const a = await askHere('rapat dewan smart city kota tomohon diadakan dmn');
    expect(a.refused).toBe(false);
    expect(a.answer).toContain('Ruang Rapat Sekretariat Daerah');
    expect(a.answer).not.toContain('Lapangan');
    // An evaluation's hotel is no award night's.
    const award = await askHere('malam penghargaan kota cerdas tomohon 2024 diadain di hotel mana?');
    expect(award.refused).toBe(true);
  });
});

describe('a later part about the region the first part writes shortened', () => {
  const PERBUP = `PERATURAN BUPATI TAPANULI UTARA
NOMOR 12 TAHUN 2022
TENTANG
MASTERPLAN SMART CITY KABUPATEN TAPANULI UTARA TAHUN 2022-2031

Pasal 1
Masterplan smart city Kabupaten Tapanuli Utara menjadi acuan perangkat daerah dalam menyusun rencana kerja tahun 2022 sampai dengan 2031.
`;
  const TAPUT = `Taput Siapkan Empat Quick Win Kota Cerdas

TARUTUNG, kabartaput.id – Pemerintah Kabupaten Tapanuli Utara menyiapkan empat quick win kota cerdas tahun 2023. Untuk keempat program itu, Pemkab Taput menyiapkan anggaran Rp1,2 miliar dari APBD 2023.
`;
  const SAMOSIR = `Samosir Tetapkan Quick Win Kota Cerdas

PANGURURAN, kabarsamosir.id – Pemerintah Kabupaten Samosir menetapkan lima quick win kota cerdas. Anggaran quick win tahun 2023 sebesar Rp3 miliar bersumber dari APBD.
`;
  let service: AnswerService;
  beforeAll(async () => {
    service = await serviceOver({ 'perbup-taput-masterplan.txt': PERBUP, 'berita-taput-quick-win.txt': TAPUT, 'berita-samosir-quick-win.txt': SAMOSIR });
  }, 120_000);

  it("answers 'trs anggaran …' for Tapanuli Utara when the first part writes 'taput', not with another region's figure", async () => {
    const a = await service.ask({ question: 'perbup masterplan taput nomor brp? trs anggaran quick win 2023 brp', platform: 'telegram', regionCode: null, record: false });
    const [first, second] = a.answer.split('❓').filter(Boolean);
    expect(first).toContain('NOMOR 12 TAHUN 2022');
    expect(second).toContain('Rp1,2 miliar');
    expect(second).not.toContain('Rp3 miliar');
  });
});

describe("when a long regulation was set", () => {
  // A regulation long enough to be cut into several passages: its title and articles first, the line setting it last.
  const articles = Array.from({ length: 14 }, (_, i) =>
    `Pasal ${i + 1}\n(1) Perangkat Daerah pengampu dimensi ke-${i + 1} menyusun rencana aksi tahunan, menetapkan indikator kinerja, dan melaporkan capaiannya kepada Tim Pelaksana setiap triwulan.\n(2) Laporan sebagaimana dimaksud pada ayat (1) memuat capaian keluaran, kendala pelaksanaan, dan usulan perbaikan untuk tahun anggaran berikutnya.`,
  ).join('\n');
  const PERBUP = `BUPATI SIDODADI\nPERATURAN BUPATI SIDODADI\nNOMOR 7 TAHUN 2023\nTENTANG\nMASTERPLAN SMART CITY KABUPATEN SIDODADI TAHUN 2023-2032\n\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nBUPATI SIDODADI,\n\nMenimbang : a. bahwa Kabupaten Sidodadi mengikuti Gerakan Menuju Smart City tahun 2022;\nMengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;\nMEMUTUSKAN:\nMenetapkan : PERATURAN BUPATI TENTANG MASTERPLAN SMART CITY KABUPATEN SIDODADI TAHUN 2023-2032.\n${articles}\n\nDitetapkan di Sidodadi\npada tanggal 14 Maret 2023\n\nBUPATI SIDODADI,\n\nttd.\n\nSURYA ADIWINATA\n`;
  let service: AnswerService;
  beforeAll(async () => {
    service = await serviceOver({ 'perbup-sidodadi-masterplan.txt': PERBUP });
  }, 120_000);

  it("answers from its 'Ditetapkan di … pada tanggal' line, not from the years in its title", async () => {
    const a = await service.ask({ question: 'perbup masterplan smart city sidodadi ditetapkan kapan', platform: 'telegram', regionCode: null, record: false });
    expect(a.refused).toBe(false);
    expect(a.answer).toContain('14 Maret 2023');
  });
});

describe("a name asked for an office's holder", () => {
  const REPORT = `Sidodadi Paparkan Kota Cerdas di Surabaya

SURABAYA, kabarsidodadi.id – Pemkab Sidodadi mengikuti Evaluasi Tahap I Program Kota Cerdas 2023 di Surabaya, Senin (12/6/2023). Paparan dibawakan langsung oleh Bupati Sidodadi Surya Adiwinata. Ia didampingi Kepala Dinas Komunikasi dan Informatika Sidodadi, Rahmat Hidayat, serta Kepala Bappeda.
`;
  const DECREE = `KEPUTUSAN BUPATI SIDODADI
NOMOR 100/45/2023
TENTANG
DEWAN SMART CITY KABUPATEN SIDODADI

No Kedudukan Jabatan
1 Ketua Bupati Sidodadi
2 Sekretaris Kepala Dinas Komunikasi dan Informatika
3 Anggota Kepala Badan Perencanaan Pembangunan Daerah
`;
  // Saved as Markdown: the list's items stay lines of their own.
  const SCORES = `# Nilai Kota Cerdas Sidodadi Naik, Target 2025 Masuk Sepuluh Besar

SIDODADI, kabarsidodadi.id – Sidodadi memperoleh nilai 3,55 dari skala 4,0, lebih tinggi dibanding nilai tahun 2023 yang berada di angka 3,38.

Berikut tiga inovasi yang menopang kota cerdas Sidodadi 2024:

- Layanan Kartu Anak (Disdukcapil)
- Pajak Daring (Bapenda)
- Si Paling Sehat (DP3AP2KB)
`;
  const CLOSING = `Sidodadi Tutup Bimtek Masterplan Kota Cerdas

SIDODADI, kabarsidodadi.id – Bimbingan teknis penyusunan masterplan kota cerdas Sidodadi ditutup Rabu (21/9/2022). Kepala Dinas Komunikasi, Informatika, Persandian dan Statistik (Diskominfopersantik) Sidodadi, Wim Santosa, memaparkan jaringan serat optik yang sudah terpasang di seluruh kantor kecamatan.
`;
  let service: AnswerService;
  beforeAll(async () => {
    service = await serviceOver({ 'berita-sidodadi-paparan.txt': REPORT, 'kepbup-sidodadi-dewan.txt': DECREE, 'berita-sidodadi-nilai.md': SCORES, 'berita-sidodadi-bimtek.txt': CLOSING });
  }, 120_000);
  const ask = (question: string) => service.ask({ question, platform: 'telegram', regionCode: null, record: false });

  it("refuses the bappeda head's name when the report names only the Diskominfo head, and gives that one's name when asked", async () => {
    const bappeda = await ask('siapa nama kepala bappeda sidodadi yg ikut ke surabaya 2023');
    expect(bappeda.refused).toBe(true);
    expect(bappeda.answer).not.toContain('Rahmat Hidayat');
    const kominfo = await ask('siapa nama kepala diskominfo sidodadi yg ikut ke surabaya 2023');
    expect(kominfo.refused).toBe(false);
    expect(kominfo.answer).toContain('Rahmat Hidayat');
  });

  it("gives the name after an office whose own name is written in parts between commas", async () => {
    const a = await ask('kadis kominfo sidodadi yg tutup bimtek masterplan sapa namanya');
    expect(a.refused).toBe(false);
    expect(a.answer).toContain('Wim Santosa');
  });

  it("answers 'siapa sekretaris dewan' with the office a decree's table names, and refuses 'siapa nama' it, which the table does not give", async () => {
    const office = await ask('siapa sekretaris dewan smart city sidodadi');
    expect(office.refused).toBe(false);
    expect(office.answer).toContain('Kepala Dinas Komunikasi dan Informatika');
    const name = await ask('siapa nama sekretaris dewan smart city sidodadi');
    expect(name.refused).toBe(true);
  });

  it("refuses a score for 2025 when the report gives 2024's and 2023's, though an office's code in its list holds digits", async () => {
    const a = await ask('nilai smart city sidodadi thn 2025 brp');
    expect(a.refused).toBe(true);
    expect(a.answer).not.toContain('3,55');
  });
});
