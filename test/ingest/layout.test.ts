import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/ingest/loaders.ts';

type Doc = InstanceType<typeof PDFDocument>;

/** A bordered table as office software draws it: each cell's text wraps inside its own box. */
function table(doc: Doc, rows: string[][], widths: number[]): void {
  const left = 60;
  for (const [k, row] of rows.entries()) {
    doc.font(k === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    const height = Math.max(...row.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 8 }))) + 8;
    if (doc.y + height > 760) doc.addPage();
    const y = doc.y;
    let x = left;
    row.forEach((c, i) => {
      doc.text(c, x + 4, y + 4, { width: widths[i]! - 8 });
      doc.rect(x, y, widths[i]!, height).stroke();
      x += widths[i]!;
    });
    doc.y = y + height;
  }
  doc.x = left;
  doc.moveDown();
}

async function render(draw: (doc: Doc) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 60, info: { Title: 'Pengumuman Uji', CreationDate: new Date(0) } });
  const parts: Buffer[] = [];
  doc.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(parts))));
  draw(doc);
  doc.end();
  return done;
}

const REGIONS: string[][] = [
  ['No', 'Provinsi', 'Kabupaten/Kota'],
  ['1', 'Aceh', 'Kota Banda Aceh'],
  ['2', 'Jawa Timur', 'Kabupaten Malang, Kabupaten Lamongan, Kabupaten Ngawi, Kabupaten Pacitan, Kabupaten Magetan, Kota Kediri, Kota Madiun'],
  ['3', 'Kalimantan Timur', 'Kota Balikpapan, Kota Bontang'],
];

async function blocksOf(pdf: Buffer) {
  const doc = await loadDocument('/tmp/pengumuman-uji.pdf', new Uint8Array(pdf), null);
  return doc.blocks.map((b) => ({ kind: b.kind, text: b.text }));
}

describe('PDF layout', () => {
  it('reads a bordered table row by row, each row with its header, a wrapped cell whole', async () => {
    const pdf = await render((doc) => {
      doc.font('Helvetica').fontSize(11).text('Berdasarkan hasil penilaian, ditetapkan daerah peserta tahun ini sebagai berikut:');
      doc.moveDown();
      table(doc, REGIONS, [40, 130, 300]);
      doc.font('Helvetica').fontSize(11).text('Daerah tersebut diundang menghadiri penandatanganan nota kesepakatan.');
    });
    const blocks = await blocksOf(pdf);
    expect(blocks).toContainEqual({
      kind: 'table',
      text: 'No: 2; Provinsi: Jawa Timur; Kabupaten/Kota: Kabupaten Malang, Kabupaten Lamongan, Kabupaten Ngawi, Kabupaten Pacitan, Kabupaten Magetan, Kota Kediri, Kota Madiun',
    });
    expect(blocks).toContainEqual({ kind: 'table', text: 'No: 3; Provinsi: Kalimantan Timur; Kabupaten/Kota: Kota Balikpapan, Kota Bontang' });
    // The sentences around the table stay sentences of their own.
    expect(blocks.find((b) => b.text.includes('nota kesepakatan'))!.text).toBe('Daerah tersebut diundang menghadiri penandatanganan nota kesepakatan.');
  });

  it('gives the rows of a table continued on the next page the header of its first page', async () => {
    const pdf = await render((doc) => {
      table(doc, REGIONS, [40, 130, 300]);
      doc.addPage();
      table(doc, [['4', 'Papua', 'Kabupaten Mimika'], ['5', 'Bali', 'Kabupaten Badung']], [40, 130, 300]);
    });
    const blocks = await blocksOf(pdf);
    expect(blocks).toContainEqual({ kind: 'table', text: 'No: 4; Provinsi: Papua; Kabupaten/Kota: Kabupaten Mimika' });
    expect(blocks).toContainEqual({ kind: 'table', text: 'No: 5; Provinsi: Bali; Kabupaten/Kota: Kabupaten Badung' });
  });

  it('keeps each line of a letter\'s form ("Hari, tanggal : …") and each column of a signature block apart', async () => {
    const pdf = await render((doc) => {
      doc.font('Helvetica').fontSize(11);
      const form: Array<[string, string]> = [['Hari, tanggal', 'Rabu, 12 Juni 2024'], ['Waktu', 'pukul 09.00 s.d. 12.00 WIB'], ['Tempat', 'Aula Kantor Bupati']];
      for (const [label, value] of form) {
        const y = doc.y;
        doc.text(label, 60, y, { width: 90 }).text(':', 155, y, { width: 8 }).text(value, 165, y, { width: 330 });
      }
      doc.x = 60;
      doc.moveDown(2);
      const y = doc.y;
      doc.text('Mengetahui,', 60, y, { width: 200 }).text('Notulis,', 330, y, { width: 200 });
      doc.text('Kepala Bappeda', 60, y + 16, { width: 200 }).text('Sekretaris Tim Pelaksana', 330, y + 16, { width: 200 });
      doc.text('RINA MARLINA', 60, y + 80, { width: 200 }).text('AGUS SETIAWAN', 330, y + 80, { width: 200 });
    });
    const texts = (await blocksOf(pdf)).map((b) => b.text);
    expect(texts).toContain('Hari, tanggal: Rabu, 12 Juni 2024');
    expect(texts).toContain('Waktu: pukul 09.00 s.d. 12.00 WIB');
    expect(texts).toContain('Tempat: Aula Kantor Bupati');
    // Each signer with their own office, not 'Kepala Bappeda Sekretaris Tim Pelaksana RINA MARLINA AGUS SETIAWAN'.
    expect(texts).toContain('Mengetahui, Kepala Bappeda RINA MARLINA');
    expect(texts).toContain('Notulis, Sekretaris Tim Pelaksana AGUS SETIAWAN');
  });
});

describe('Markdown news pages', () => {
  it('drops the related headlines listed under a bold "Baca Juga" line at the end of a report', async () => {
    const md = [
      '# Kota Uji Resmi Bergabung dengan Gerakan Kota Cerdas',
      '',
      'Pemerintah Kota Uji menandatangani nota kesepakatan gerakan kota cerdas bersama kementerian di Jakarta.',
      '',
      'Wali kota menyebut masterplan akan selesai akhir tahun. (abc/de)',
      '',
      '**Baca Juga**',
      '',
      '- [Harga Cabai di Pasar Kota Uji Naik Lagi](https://contoh.example/cabai)',
      '- [Taman Kota Uji Tambah Wahana Baru](https://contoh.example/taman)',
    ].join('\n');
    const doc = await loadDocument('/tmp/berita-uji.md', new TextEncoder().encode(md), md);
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('masterplan akan selesai akhir tahun');
    expect(text).not.toContain('Harga Cabai');
    expect(text).not.toContain('Tambah Wahana');
    expect(doc.removed?.crosslink).toBe(3);
  });
});

describe('news page furniture', () => {
  it('drops a headline ticker, a photo caption closed by its credit and a long credit line, and still reads the dateline', async () => {
    const html = `<!doctype html><html><head><title>Kota Uji Teken Nota Kesepakatan</title></head><body>
<div class="ticker"><b>TERKINI:</b> Harga beras di Pasar Induk turun &bull; Tim sepak bola kota menang tipis &bull; Jalan lingkar selatan ditutup sementara</div>
<article>
<h1>Kota Uji Teken Nota Kesepakatan Kota Cerdas</h1>
<p class="meta">Oleh MC Kota Uji, Rabu, 6 Maret 2024 | 10:15 WIB – Redaktur: Budi Santoso – Dibaca 512 kali</p>
<figure><img src="/a.jpg"><figcaption>Wali kota menandatangani nota kesepakatan secara daring. (Dok. Diskominfo Kota Uji)</figcaption></figure>
<p>KOTA UJI, 5/3/2024 – Pemerintah Kota Uji menandatangani nota kesepakatan gerakan kota cerdas dari ruang rapat wali kota.</p>
<p>Kepala Diskominfo menyebut tim pelaksana akan dibentuk dalam sebulan setelah penandatanganan.</p>
</article></body></html>`;
    const doc = await loadDocument('/tmp/berita-kota-uji.html', new TextEncoder().encode(html), html);
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/Harga beras|Redaktur|Dibaca 512|Dok\. Diskominfo/);
    expect(text).toContain('Pemerintah Kota Uji menandatangani nota kesepakatan');
    expect(text).toContain('tim pelaksana akan dibentuk');
    // The caption and the ticker are not taken for the article's opening: its dateline is still read.
    expect(doc.meta?.place).toBe('Kota Uji');
    expect(doc.meta?.publishedAt).toBe('2024-03-05');
  });

  it("reads the date in the credits under a top bar and a ticker that are no paragraphs of the article", async () => {
    const html = `<!doctype html><html><head><title>Bimtek Kabupaten Uji Rampung | KabarUji</title></head><body><div id="wrap">
<div class="topbar"><div class="container"><span class="tgl">Jumat, 9 November 2018</span> <span class="sosmed"><a href="/fb">FB</a> <a href="/tw">TW</a> <a href="/ig">IG</a></span> <a class="login" href="/masuk">Masuk</a></div></div>
<div class="nav"><div class="container"><ul><li><a href="/">Home</a></li><li><a href="/uji">Kab. Uji</a></li><li><a href="/ekbis">Ekbis</a></li></ul></div></div>
<div class="breaking"><div class="container"><b>BREAKING</b> <div class="marquee">Jalur selatan ditutup sementara untuk perbaikan jembatan &diams; Harga susu sapi perah stabil sepekan &diams; Festival kopi digelar akhir pekan</div></div></div>
<div class="container main"><div class="col-8">
<div class="crumb"><a href="/">Home</a> / <a href="/uji">Kab. Uji</a> / <span>Pemerintahan</span></div>
<div class="post">
<div class="post-title"><h1>Empat Tahap Rampung, Bupati Uji Teken Pakta Integritas Kota Cerdas</h1></div>
<div class="post-meta"><span class="author">Reporter: Andi Saputra</span> <span class="sep">|</span> <span class="editor">Editor: Rina Wati</span> <span class="sep">|</span> <span class="date">09/11/2018 06:20 WIB</span></div>
<div class="post-img"><img src="/a.jpg" alt="penutupan"><div class="caption">Bupati Uji menandatangani pakta integritas pada penutupan bimbingan teknis. (KabarUji/Andi)</div></div>
<div class="post-content">
<div><b>UJI, KabarUji</b> &ndash; Rangkaian bimbingan teknis gerakan kota cerdas yang dijalani Pemerintah Kabupaten Uji sejak pertengahan tahun akhirnya tuntas. Empat tahapan itu ditutup Kamis sore.</div>
<div>&nbsp;</div>
<div>Acara penutupan digelar di sebuah hotel di pusat kota dan ditandai penandatanganan pakta integritas oleh bupati bersama seluruh kepala perangkat daerah.</div>
<div>&nbsp;</div>
<div>Bupati meminta seluruh perangkat daerah menjalankan rencana induk yang sudah disusun bersama tim kementerian selama empat tahap bimbingan.</div>
</div></div></div></div></div></body></html>`;
    const doc = await loadDocument('/tmp/berita-uji-2018.html', new TextEncoder().encode(html), html);
    // The credits give the day the report was published ('Kamis sore' is read against it), the dateline its place.
    expect(doc.meta?.publishedAt).toBe('2018-11-09');
    expect(doc.meta?.place).toBe('Uji');
    expect(doc.blocks.map((b) => b.text).join('\n')).not.toContain('Reporter: Andi Saputra');
  });

  it('drops share buttons written in brackets or run together, and counts them', async () => {
    const txt = [
      'Kota Uji Tutup Bimtek IV Kota Cerdas',
      '[Facebook] [Twitter] [WhatsApp]',
      'UJI, KabarUji - Wali Kota Uji menutup bimbingan teknis keempat penyusunan rencana induk kota cerdas di aula lantai tiga.',
      'FacebookTwitterWhatsAppLine',
      'Facebook dan Twitter ramai membahas tiga quick win yang disepakati: layanan wisata, layanan kesehatan dan integrasi data.',
    ].join('\n');
    const doc = await loadDocument('/tmp/berita-uji.txt', new TextEncoder().encode(txt), txt);
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).not.toMatch(/\[Facebook\]|FacebookTwitter/);
    // A sentence naming the platforms is no button.
    expect(text).toContain('Facebook dan Twitter ramai membahas');
    expect(doc.removed?.share).toBe(2);
  });
});

describe('the tail and the menu of a saved page', () => {
  it('keeps no comments or site footer of a Markdown report read as written, and counts them as removed', async () => {
    const md = [
      '---',
      'title: Kabupaten Uji Teken Nota Kesepakatan Kota Cerdas',
      'date: 2023-03-01',
      '---',
      '',
      '# Kabupaten Uji Teken Nota Kesepakatan Kota Cerdas',
      '',
      'Pemerintah Kabupaten Uji menandatangani nota kesepakatan gerakan kota cerdas secara virtual dari ruang rapat bupati.',
      '',
      'Kepala dinas kominfo menyebut jadwal bimtek tahap I masih menunggu surat resmi dari kementerian.',
      '',
      'Bupati meminta seluruh perangkat daerah menyiapkan data sebelum pendampingan dimulai bulan depan.',
      '',
      '**Tag:** [kota cerdas](https://contoh.example/tag/kota-cerdas) · [Kabupaten Uji](https://contoh.example/tag/uji)',
      '',
      '### Komentar (2)',
      '',
      '**Warga Pesisir** · 1 Maret 2023 09:10',
      'Semoga aplikasinya tidak cuma jadi wacana.',
      '',
      '**pembaca_uji** · 1 Maret 2023 12:31',
      'Izin usaha juga tolong dipermudah lewat daring.',
      '',
      '---',
      '',
      'KabarUji · Jl. Merdeka No. 1, Kabupaten Uji · [Redaksi](https://contoh.example/redaksi) · © 2023 KabarUji',
    ].join('\n');
    const doc = await loadDocument('/tmp/kabaruji-2023-03-01-teken.md', new TextEncoder().encode(md), md);
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('jadwal bimtek tahap I masih menunggu surat resmi');
    expect(text).toContain('menyiapkan data sebelum pendampingan');
    expect(text).not.toMatch(/wacana|dipermudah|Jl\. Merdeka|©/);
    expect(doc.removed?.header_footer ?? 0).toBeGreaterThanOrEqual(6);
  });

  it('finds the headline of a page copied as text below a menu of one word per line, and keeps the menu out of the article', async () => {
    const txt = [
      'KabarUji',
      'Berita Kabupaten Uji dan Sekitarnya',
      '',
      'Beranda', 'Kabupaten Uji', 'Pemerintahan', 'Hukum & Kriminal', 'Ekonomi', 'Pendidikan', 'Opini', 'Video', 'Indeks Berita',
      '',
      'Beranda › Kabupaten Uji › Pemerintahan',
      '',
      'Dewan Kota Cerdas Kabupaten Uji Kebut Empat Quick Win Tahun Ini',
      '',
      'Siti Aminah - KABARUJI.CO.ID Feb 19, 2025 - 14:21',
      '',
      'UJI, KABARUJI.CO.ID – Dewan kota cerdas Kabupaten Uji menggelar rapat pertamanya tahun ini di aula sekretariat daerah, Selasa (18/2/2025).',
      '',
      'Rapat dipimpin sekretaris daerah selaku ketua harian dewan kota cerdas dan dihadiri 23 dari 31 anggota.',
    ].join('\n');
    const doc = await loadDocument('/tmp/kabaruji-2025-02-19-dewan.txt', new TextEncoder().encode(txt), txt);
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(doc.title).toBe('Dewan Kota Cerdas Kabupaten Uji Kebut Empat Quick Win Tahun Ini');
    expect(text).toContain('dihadiri 23 dari 31 anggota');
    expect(text).not.toMatch(/Beranda|Hukum & Kriminal|Indeks Berita|Sekitarnya/);
  });
});
