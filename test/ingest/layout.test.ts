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
});
