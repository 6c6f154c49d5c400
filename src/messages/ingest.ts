import type { LoadReason } from '../ingest/errors.ts';

const REASONS: Record<LoadReason, string> = {
  empty: 'file kosong (0 byte)',
  too_large: 'file terlalu besar',
  binary: 'isi file bukan teks (biner), padahal ekstensinya teks',
  not_utf8: 'bukan teks UTF-8 yang valid (simpan ulang sebagai UTF-8)',
  unsupported: 'jenis file tidak didukung (didukung: md, txt, html, pdf, docx, yaml kalender)',
  pdf_encrypted: 'PDF terenkripsi atau berkata sandi',
  pdf_corrupt: 'PDF rusak atau tidak dapat dibaca',
  pdf_no_text: 'PDF tidak berisi teks (kemungkinan hasil pindaian; perlu OCR)',
  docx_corrupt: 'file Word (DOCX) rusak atau tidak dapat dibaca',
  no_text: 'tidak ada teks yang dapat diambil',
  calendar_invalid: 'kalender tidak valid; kalender sebelumnya tetap berlaku',
  checklist_invalid: 'checklist tidak valid; checklist sebelumnya tetap berlaku',
};

export const ingestMessages = {
  reason: (reason: LoadReason, detail?: string) => (detail ? `${REASONS[reason]} (${detail})` : REASONS[reason]),
  failedLine: (path: string, reason: string) => `GAGAL  ${path}: ${reason}`,
  skippedLine: (path: string, reason: string) => `LEWATI ${path}: ${reason}`,
  fileLine: (status: string, path: string, chunks: number) => `${status.padEnd(6)} ${path} (${chunks} potongan)`,
  summary: (s: { new: number; changed: number; unchanged: number; failed: number; skipped: number; pruned: number; chunks: number; seconds: number; pages: number }) =>
    `Selesai: ${s.new} baru, ${s.changed} berubah, ${s.unchanged} tidak berubah, ${s.failed} gagal` +
    `${s.skipped ? `, ${s.skipped} dilewati` : ''}${s.pruned ? `, ${s.pruned} dihapus` : ''}; ` +
    `${s.chunks} potongan, ${s.seconds.toFixed(1)} detik` +
    (s.pages > 0 ? `, ${(s.pages / Math.max(s.seconds, 0.001)).toFixed(1)} halaman PDF/DOCX per detik` : ''),
  noFiles: 'Tidak ada file yang ditemukan di jalur yang diberikan.',
  pathMissing: (p: string) => `Jalur tidak ditemukan: ${p}`,
  calendarStage: (s: { cohort: number; name: string; id: string; due: string; start?: string; description?: string }) =>
    `Tahap ${s.name} (${s.id}) angkatan ${s.cohort}. ${s.description ?? ''} ` +
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
