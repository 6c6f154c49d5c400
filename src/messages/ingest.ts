import type { RemovedKind } from '../ingest/boilerplate.ts';
import type { LoadReason } from '../ingest/errors.ts';
import { formatDate } from './core.ts';

const REASONS: Record<LoadReason, string> = {
  empty: 'file kosong (0 byte)',
  too_large: 'file terlalu besar',
  binary: 'isi file bukan teks (biner), padahal ekstensinya teks',
  not_utf8: 'bukan teks UTF-8 yang valid (simpan ulang sebagai UTF-8)',
  unsupported: 'jenis file tidak didukung (didukung: md, txt, html, pdf, docx, yaml kalender)',
  pdf_encrypted: 'PDF terenkripsi atau berkata sandi',
  pdf_corrupt: 'PDF rusak atau tidak dapat dibaca',
  pdf_no_text: 'PDF tidak berisi teks, juga tidak setelah dibaca dengan OCR',
  pdf_scan_no_ocr: 'scan tanpa lapisan teks: halamannya berupa gambar dan OCR tidak tersedia di server ini',
  ocr_failed: 'OCR gagal membaca halaman pindaian',
  ocr_timeout: 'OCR melewati batas waktu per halaman',
  ocr_too_many_pages: 'terlalu banyak halaman pindaian untuk dibaca dengan OCR dalam satu file; pecah file-nya',
  docx_corrupt: 'file Word (DOCX) rusak atau tidak dapat dibaca',
  archive_too_large: 'isi file DOCX terlalu besar setelah dibuka (kemungkinan bom zip); file ditolak',
  text_too_large: 'teks hasil ekstraksi melebihi batas per file',
  parse_memory: 'pemrosesan file melebihi batas memori dan dihentikan; file ditolak',
  parse_timeout: 'pemrosesan file melebihi batas waktu dan dihentikan; file ditolak',
  parse_crashed: 'pemroses file berhenti tak terduga; file ditolak',
  front_matter_invalid: 'front matter (---) tidak valid',
  no_text: 'tidak ada teks yang dapat diambil',
  calendar_invalid: 'kalender tidak valid; kalender sebelumnya tetap berlaku',
  checklist_invalid: 'checklist tidak valid; checklist sebelumnya tetap berlaku',
};

/** What is missing for OCR (see src/ingest/ocr.ts), as an operator would fix it. */
const OCR_MISSING: Readonly<Record<string, string>> = {
  tesseract: 'program tesseract tidak ditemukan; pasang paket tesseract-ocr dan tesseract-ocr-ind',
  language: 'data bahasa Indonesia Tesseract tidak terpasang; pasang paket tesseract-ocr-ind',
  pdftoppm: 'program pdftoppm tidak ditemukan; pasang paket poppler-utils',
  disabled: 'OCR dimatikan',
};

const REMOVED_LABELS: Record<RemovedKind, string> = {
  byline: 'penulis/editor/tanggal',
  credit: 'keterangan foto',
  crosslink: 'tautan berita lain',
  share: 'ajakan berbagi/mengikuti',
  ad: 'iklan',
  header_footer: 'kepala/kaki halaman',
  outside_article: 'di luar artikel (menu, sidebar, komentar)',
};

const STATUS_LABELS: Readonly<Record<string, string>> = { new: 'BARU', changed: 'UBAH' };

type Removed = Partial<Record<RemovedKind, number>>;
const totalOf = (r: Removed | undefined) => Object.values(r ?? {}).reduce((a, b) => a + b, 0);
const pageList = (pages: readonly number[]) => `hlm. ${pages.join(', ')}`;

/** What a stored file's line says beyond its chunks: removed lines, OCR, unread scanned pages. */
function fileExtras(o: { removed?: Removed; ocr_pages?: readonly number[]; unread_pages?: readonly number[] }): string {
  const parts: string[] = [];
  const removed = Object.entries(o.removed ?? {}).filter(([, n]) => n > 0) as Array<[RemovedKind, number]>;
  if (removed.length) parts.push(`${totalOf(o.removed)} baris dibuang: ${removed.map(([k, n]) => `${REMOVED_LABELS[k]} ${n}`).join(', ')}`);
  if (o.ocr_pages?.length) parts.push(`OCR ${pageList(o.ocr_pages)}`);
  if (o.unread_pages?.length) parts.push(`${pageList(o.unread_pages)} tanpa lapisan teks, tidak terbaca (OCR tidak tersedia)`);
  return parts.length ? `; ${parts.join('; ')}` : '';
}

export const ingestMessages = {
  reason: (reason: LoadReason, detail?: string) => {
    const d = reason === 'pdf_scan_no_ocr' && detail ? (OCR_MISSING[detail] ?? detail) : detail;
    return d ? `${REASONS[reason]} (${d})` : REASONS[reason];
  },
  failedLine: (path: string, reason: string) => `GAGAL  ${path}: ${reason}`,
  sourcesMap: 'peta alamat publik dokumen di folder ini (bukan dokumen)',
  sourcesInvalid: (detail: string) => `sources.yaml tidak valid: ${detail}; alamat dokumen di folder ini tidak dipakai`,
  sourcesNotMapping: 'isinya harus berupa pasangan "nama-file: alamat"',
  sourcesBadAddress: (name: string) => `alamat untuk "${name}" bukan alamat http(s)`,
  badBaseUrl: (url: string) => `--base-url harus berupa alamat http(s), mis. https://jdih.example.go.id/dokumen (diberikan: ${url})`,
  skippedLine: (path: string, reason: string) => `LEWATI ${path}: ${reason}`,
  fileLine: (o: { status: string; path: string; chunks: number; removed?: Removed; ocr_pages?: readonly number[]; unread_pages?: readonly number[] }) =>
    `${(STATUS_LABELS[o.status] ?? o.status).padEnd(6)} ${o.path} (${o.chunks} potongan${fileExtras(o)})`,
  /** An instruction-like passage, for staff to review; the passage stays in the document. */
  instructionLine: (path: string, f: { page: number | null; excerpt: string }) =>
    `PERIKSA ${path}${f.page ? ` hlm. ${f.page}` : ''}: bagian ini berbunyi seperti perintah kepada asisten, bukan isi dokumen — "${f.excerpt}"`,
  summary: (s: { new: number; changed: number; unchanged: number; failed: number; skipped: number; pruned: number; chunks: number; seconds: number; pages: number; removed: number; ocrPages: number; instructions: number }) =>
    `Selesai: ${s.new} baru, ${s.changed} berubah, ${s.unchanged} tidak berubah, ${s.failed} gagal` +
    `${s.skipped ? `, ${s.skipped} dilewati` : ''}${s.pruned ? `, ${s.pruned} dihapus` : ''}; ` +
    `${s.chunks} potongan, ${s.removed} baris boilerplate dibuang` +
    `${s.ocrPages ? `, ${s.ocrPages} halaman dibaca dengan OCR` : ''}` +
    `${s.instructions ? `, ${s.instructions} bagian mirip perintah perlu diperiksa` : ''}, ${s.seconds.toFixed(1)} detik` +
    (s.pages > 0 ? `, ${(s.pages / Math.max(s.seconds, 0.001)).toFixed(1)} halaman PDF/DOCX per detik` : ''),
  /** 'Sragen, 12 Mei 2022': a document's dateline as citations show it. */
  dateline: (place: string | null | undefined, publishedAt: string | null | undefined) =>
    [place, publishedAt ? formatDate(publishedAt, false) : null].filter(Boolean).join(', '),
  noFiles: 'Tidak ada file yang ditemukan di jalur yang diberikan.',
  pathMissing: (p: string) => `Jalur tidak ditemukan: ${p}`,
  calendarStage: (s: { cohort: number; name: string; due: string; start?: string; description?: string }) =>
    `Tahap ${s.name} angkatan ${s.cohort}. ${s.description ?? ''} ` +
    `${s.start ? `Pelaksanaan mulai ${s.start}. ` : ''}Tenggat: ${s.due}.`,
  calendarEvent: (date: string, title: string) => `${date}: ${title}`,
  calendarOverride: (o: { regionName: string; stageName: string; due: string; reason?: string }) =>
    `Pengecualian untuk ${o.regionName}: tenggat ${o.stageName} menjadi ${o.due}${o.reason ? ` (${o.reason})` : ''}.`,
  calendarRegions: (cohort: number, names: string) => `Wilayah peserta angkatan ${cohort}: ${names}.`,
  calendarCompleted: (regionName: string, stages: string) => `${regionName} telah menyelesaikan tahap: ${stages}.`,
  calendarStageHeading: 'Jadwal dan tenggat tahapan',
  calendarRegionsHeading: 'Wilayah peserta',
  calendarOverridesHeading: 'Pengecualian tenggat per wilayah',
};
