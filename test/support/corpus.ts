import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import { tempDir } from './process.ts';

/** Renders a PDF with one heading and paragraphs per page, like the masterplan generator. */
export async function makePdf(pages: Array<{ heading: string; paragraphs: string[] }>, options: { userPassword?: string } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 60, info: { Title: 'Dokumen Uji', CreationDate: new Date(0) }, ...options });
  const parts: Buffer[] = [];
  doc.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(parts))));
  pages.forEach((p, i) => {
    if (i > 0) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(18).text(p.heading);
    doc.moveDown();
    doc.font('Helvetica').fontSize(11);
    for (const para of p.paragraphs) doc.text(para).moveDown(0.5);
    doc.page.margins.bottom = 0;
    doc.fontSize(9).text(`Halaman ${i + 1} dari ${pages.length}`, 60, 800, { lineBreak: false });
  });
  doc.end();
  return done;
}

export async function makeDocx(sections: Array<{ heading: string; paragraphs: string[] }>): Promise<Buffer> {
  const children: Paragraph[] = [];
  sections.forEach((s, i) => {
    if (i > 0) children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1 }));
    for (const p of s.paragraphs) children.push(new Paragraph({ children: [new TextRun(p)] }));
  });
  const doc = new Document({ sections: [{ children }] });
  return Packer.toBuffer(doc);
}

export const GOOD_MD = `# Panduan Uji Quick Win

## Pengertian

Quick win adalah program dengan hasil yang terlihat dalam 6 sampai 12 bulan.

## Syarat Quick Win

- Minimal tiga quick win pada tiga dimensi berbeda.
- Ditandatangani kepala daerah pada lembar komitmen F-03.

| Dimensi | Contoh |
|---|---|
| Smart Living | Layanan ambulans terpadu |
`;

export const CALENDAR = (due: string) => `kind: kalender
cohort: 2026
title: Kalender Uji Angkatan 2026
note: Data program untuk pengujian.
regions:
  - { code: "33.14", name: Kabupaten Sragen }
  - { code: "91.71", name: Kota Jayapura }
stages:
  - id: bimtek-1
    name: Bimbingan Teknis I
    due: ${due}
  - id: bimtek-2
    name: Bimbingan Teknis II
    due: 2026-07-31
overrides:
  - { region: "91.71", stage: bimtek-2, due: 2026-08-07, reason: jadwal penerbangan }
`;

export const CHECKLIST = `---
kind: checklist
stage: bimtek-1
stage_name: Bimbingan Teknis I
order: 4
items:
  - id: BT1-01
    title: Analisis kesiapan daerah
    description: Tim Pelaksana menyusun analisis kesiapan.
    output: Bab analisis kesiapan Buku 1
  - id: BT1-02
    title: Analisis SWOT
    description: Tim menyusun analisis SWOT per dimensi.
    output: Matriks SWOT
---
# Checklist Bimbingan Teknis I

Checklist ini memuat butir Bimtek I.
`;

/** A folder of good files of every supported kind. */
export async function goodCorpus(): Promise<string> {
  const dir = tempDir('pandu-corpus-');
  mkdirSync(join(dir, 'panduan'));
  mkdirSync(join(dir, 'masterplan'));
  mkdirSync(join(dir, 'kalender'));
  mkdirSync(join(dir, 'checklist'));
  writeFileSync(join(dir, 'panduan', 'quick-win.md'), GOOD_MD);
  writeFileSync(join(dir, 'kalender', 'angkatan-2026.yaml'), CALENDAR('2026-06-12'));
  writeFileSync(join(dir, 'checklist', 'bimtek-1.md'), CHECKLIST);
  writeFileSync(
    join(dir, 'panduan', 'halaman.html'),
    `<html><head><title>Berita Program</title><script>var x=1</script></head><body><nav>Menu Beranda</nav>
     <h1>Berita Program</h1><h2>Bimtek II di Makassar</h2><p>Bimtek II membahas pemetaan program RPJMD ke enam dimensi.</p>
     <ul><li>Hari pertama: paparan dimensi</li><li>Hari kedua: klinik dokumen</li></ul><footer>Hak cipta</footer></body></html>`,
  );
  writeFileSync(
    join(dir, 'masterplan', 'masterplan-6171-kota-pontianak.pdf'),
    await makePdf([
      { heading: 'Profil Kota Pontianak', paragraphs: ['Kota Pontianak dilalui garis khatulistiwa dan Sungai Kapuas.'] },
      { heading: 'Quick Win Pontianak', paragraphs: ['Quick win pertama adalah layanan perizinan daring di tepian Sungai Kapuas.'] },
      { heading: 'Roadmap', paragraphs: ['Roadmap jangka menengah lima tahun memuat integrasi data kota.'] },
    ]),
  );
  writeFileSync(
    join(dir, 'masterplan', 'masterplan-5371-kota-kupang.docx'),
    await makeDocx([
      { heading: 'Profil Kota Kupang', paragraphs: ['Kota Kupang beriklim kering dengan curah hujan rendah.'] },
      { heading: 'Strategi Air Bersih', paragraphs: ['Program pemantauan air bersih memakai sensor debit di embung kota.'] },
    ]),
  );
  return dir;
}
