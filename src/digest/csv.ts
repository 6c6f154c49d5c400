import { csvDocument } from '../csv.ts';
import type { DigestData } from './types.ts';

export interface DigestCsv {
  readonly filename: string;
  readonly content: string;
  /** Data rows, without the header. */
  readonly rows: number;
}

const HEADER = ['bagian', 'angkatan', 'kode_wilayah', 'wilayah', 'provinsi', 'tahap', 'tenggat', 'keterangan'];

/**
 * Every row of the digest's tables (overdue, upcoming, progress, unbound regions,
 * delivery problems), for the attachment when the message had to leave rows out.
 * UTF-8 with a BOM so spreadsheet programs read the Indonesian names correctly.
 */
export function digestCsv(data: DigestData): DigestCsv {
  const rows: (string | number | null)[][] = [];
  for (const o of data.overdue) {
    rows.push(['terlambat', o.cohort, o.code, o.name, o.province, o.stageName, o.dueOn, `terlambat ${o.daysOverdue} hari`]);
  }
  for (const u of data.upcoming) {
    for (const r of u.regions) rows.push(['tenggat_dekat', u.cohort, r.code, r.name, r.province, u.stageName, u.dueOn, `H-${u.daysLeft}`]);
  }
  for (const p of data.progress) {
    rows.push([
      'kemajuan',
      p.cohort,
      null,
      null,
      null,
      p.stageName,
      p.dueOn,
      `${p.completed}/${p.regions} wilayah selesai; checklist wilayah yang belum selesai ${p.itemsDone}/${p.itemsTotal} butir`,
    ]);
  }
  for (const u of data.unbound) rows.push(['tanpa_grup', u.cohort, u.code, u.name, u.province, null, null, null]);
  for (const p of data.problems) {
    rows.push([
      p.kind === 'failed' ? 'gagal_kirim' : 'grup_nonaktif',
      null,
      p.regionCode,
      p.regionName,
      null,
      p.stageName,
      p.dueOn,
      `${p.platform} ${p.chatTitle ?? p.chatId}: ${p.reason ?? ''}`.trim(),
    ]);
  }
  const content = csvDocument(HEADER, rows);
  return { filename: `pandu-digest-${data.period}.csv`, content, rows: rows.length };
}
