import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/process.ts';

/** A small guideline written for these tests: Bimtek I and II, and who pays for what. */
export const GUIDE_MD = `# Panduan Bimbingan Teknis

## Bimtek I
Bimbingan teknis pertama membahas analisis kesiapan daerah, analisis SWOT dan visi kota cerdas. Keluarannya adalah Buku 1: Analisis Strategis yang diserahkan paling lambat satu bulan setelah kegiatan.

## Bimtek II
Pada bimbingan teknis kedua, tim daerah memetakan program RPJMD dan Renstra OPD ke enam dimensi kota cerdas dan menyusun rancangan quick win pertama.

## Pendanaan kegiatan
Biaya perjalanan peserta daerah ditanggung oleh anggaran pemerintah daerah masing-masing. Kementerian menyediakan narasumber dan materi.
`;

/** A circular that only the upload tests add: a fact no other document holds. */
export const CIRCULAR_MD = `# Surat Edaran Sekretariat tentang Ruang Rapat Daring

## Tautan rapat
Mulai April 2026 rapat koordinasi bulanan memakai ruang rapat daring bernama Ruang Garuda Biru, dibuka pukul 09.30 WIB setiap Kamis pertama.
`;

/** A folder holding the guideline, as `corpus/panduan/` would. */
export function guideFolder(): string {
  const dir = join(tempDir('pandu-konsol-'), 'panduan');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'bimtek.md'), GUIDE_MD);
  return dir;
}
