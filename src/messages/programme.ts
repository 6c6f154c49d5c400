/** Problems in a calendar or checklist file, one per line of the operator's report. */
export const programmeFileMessages = {
  badDate: 'bukan tanggal yang valid (format YYYY-MM-DD)',
  badRegionCode: 'kode wilayah harus berbentuk NN.NN, mis. 33.14',
  badStageId: 'id tahap hanya huruf kecil, angka dan tanda hubung',
  badItemId: 'id butir harus berbentuk ABC-01',
  atLine: (line: number, problem: string) => `baris ${line}: ${problem}`,
  /** A schema problem at a field path ('stages.2.due: …'). */
  atPath: (path: string, problem: string) => `${path || '(dokumen)'}: ${problem}`,
  stageTwice: (id: string) => `tahap "${id}" tercantum dua kali`,
  startAfterDue: (id: string) => `tahap "${id}": tanggal mulai setelah tenggat`,
  stageUnknown: (id: string) => `tahap "${id}" tidak ada di kalender`,
  notInCohort: (region: string, cohort: number) => `wilayah ${region} bukan anggota angkatan ${cohort}`,
  regionUnknown: (code: string) => `kode wilayah ${code} tidak dikenal`,
  noFrontMatter: 'front matter YAML (---) tidak ditemukan',
  itemTwice: (id: string) => `butir ${id} tercantum dua kali`,
} as const;
