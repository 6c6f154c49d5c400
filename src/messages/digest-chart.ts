/** The digest's chart (Slack thread, `pandu digest --out`), in Bahasa Indonesia. */
export const digestChartMessages = {
  title: (period: string) => `Grafik program ${period}`,
  comment: (period: string) => `📊 Grafik ringkasan ${period}: penyelesaian tahap per angkatan aktif dan jumlah wilayah terlambat per tahap.`,
  written: (path: string) => `Grafik ringkasan ditulis ke ${path}`,
  badOut: (dir: string, reason: string) => `Folder --out "${dir}" tidak dapat ditulisi: ${reason}`,
  outNeedsDryRun: '--out hanya dipakai bersama --dry-run.',
} as const;
