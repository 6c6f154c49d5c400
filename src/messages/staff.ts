/** Answers to staff questions about the programme's state (Slack, `pandu ask --staff`), in Bahasa Indonesia. */
import { formatDate } from './core.ts';

const scope = (f: { cohort: number | null; province: string | null }) => {
  const parts = [f.cohort !== null ? `angkatan ${f.cohort}` : null, f.province].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
};

export const staffMessages = {
  overdueHeader: (f: { count: number; stageName: string | null; cohort: number | null; province: string | null; date: string }) =>
    f.count === 0
      ? `Tidak ada wilayah yang terlambat ${f.stageName ?? 'tahap mana pun'}${scope(f)} per ${formatDate(f.date)}.`
      : `*${f.count} wilayah terlambat ${f.stageName ?? 'setidaknya satu tahap'}*${scope(f)} per ${formatDate(f.date)} — tenggat sudah lewat, tahap belum selesai:`,
  overdueLine: (o: { name: string; code: string; province: string; stageName: string; dueOn: string; daysOverdue: number; cohort: number }) =>
    `• ${o.name} (${o.code}), ${o.province} — ${o.stageName}, tenggat ${formatDate(o.dueOn, false)}, terlambat ${o.daysOverdue} hari (angkatan ${o.cohort})`,
  finishedHeader: (f: { done: number; total: number; negated: boolean; stageName: string; cohort: number | null; province: string | null }) =>
    f.total === 0
      ? `Belum ada wilayah${scope(f)} yang menjalani ${f.stageName} dalam kalender.`
      : f.negated
        ? `*${f.total - f.done} dari ${f.total} wilayah belum menyelesaikan ${f.stageName}*${scope(f)}:`
        : `*${f.done} dari ${f.total} wilayah sudah menyelesaikan ${f.stageName}*${scope(f)}${f.done > 0 ? ':' : '.'}`,
  finishedLine: (r: { name: string; code: string; province: string; cohort: number; dueOn: string }) =>
    `• ${r.name} (${r.code}), ${r.province} — angkatan ${r.cohort}, tenggat ${formatDate(r.dueOn, false)}`,
  unboundHeader: (f: { count: number; cohort: number | null; province: string | null }) =>
    f.count === 0
      ? `Semua wilayah angkatan${scope(f)} sudah terhubung dengan grup Telegram aktif.`
      : `*${f.count} wilayah angkatan${scope(f)} belum punya grup Telegram aktif:*`,
  unboundLine: (u: { name: string; code: string; province: string; cohort: number }) => `• ${u.name} (${u.code}), ${u.province} — angkatan ${u.cohort}`,
  failedHeader: (f: { failed: number; deactivated: number; days: number }) =>
    f.failed + f.deactivated === 0
      ? `Tidak ada pengingat yang gagal dalam ${f.days} hari terakhir.`
      : `*${f.failed} pengingat gagal terkirim* dan ${f.deactivated} grup dinonaktifkan dalam ${f.days} hari terakhir:`,
  more: (n: number, filename: string) => `…dan ${n} lainnya. Daftar lengkap ada di berkas ${filename} di utas ini.`,
  moreNoFile: (n: number) => `…dan ${n} lainnya.`,
  csvComment: 'Daftar lengkap',
  csvHeader: {
    overdue: ['kode', 'wilayah', 'provinsi', 'angkatan', 'tahap', 'tenggat', 'hari_terlambat'],
    finished: ['kode', 'wilayah', 'provinsi', 'angkatan', 'tahap', 'tenggat', 'selesai'],
    unbound: ['kode', 'wilayah', 'provinsi', 'angkatan'],
    failed: ['jenis', 'platform', 'chat', 'wilayah', 'tahap', 'tenggat', 'waktu', 'alasan'],
  },
  failedKind: (kind: 'failed' | 'deactivated') => (kind === 'failed' ? 'gagal' : 'dinonaktifkan'),
} as const;
