import type { Queryable } from '../db/index.ts';
import { normalize } from '../retrieval/text.ts';

/** Stage mentions as officers write them ('bimtek 2', 'Bimtek II', 'NK', 'monev'…) → stage id. */
const STAGE_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['bimtek-1', /\b(bimtek|bimbingan teknis|bt)\s*-?\s*(1|i|satu|pertama|ke-?1)\b|\bbuku\s*(1|i|satu)\b|analisis strategis/],
  ['bimtek-2', /\b(bimtek|bimbingan teknis|bt)\s*-?\s*(2|ii|dua|kedua|ke-?2)\b|pemetaan program/],
  ['bimtek-3', /\b(bimtek|bimbingan teknis|bt)\s*-?\s*(3|iii|tiga|ketiga|ke-?3)\b|\bbuku\s*(2|ii|dua)\b/],
  ['bimtek-4', /\b(bimtek|bimbingan teknis|bt)\s*-?\s*(4|iv|empat|keempat|ke-?4)\b|lembar komitmen/],
  ['assessment', /\b(assessment|asesmen|assesment|seleksi|penilaian kesiapan)\b/],
  ['mou', /\b(mou|nota kesepahaman|nk|penandatanganan)\b/],
  ['pembentukan-tim', /\b(pembentukan|membentuk|bentuk)\s+(dewan|tim)|\bsk\s+(dewan|tim)|\bf-?05\b/],
  ['finalisasi', /\b(finalisasi|presentasi|penganugerahan|award|penghargaan|unggah akhir)\b/],
  ['evaluasi', /\b(evaluasi tahunan|monev|monitoring|f-?04|laporan kemajuan|indeks capaian)\b/],
];

/** The stage a question names, if any; 'tahap 3' resolves by stage order. */
export function detectStage(question: string, stageByOrdinal: ReadonlyMap<number, string>): string | null {
  const q = normalize(question);
  for (const [id, re] of STAGE_PATTERNS) if (re.test(q)) return id;
  const ord = q.match(/\btahap(?:an)?\s*(?:ke-?)?\s*(\d)\b/);
  if (ord) return stageByOrdinal.get(Number(ord[1])) ?? null;
  return null;
}

export interface RegionName {
  readonly code: string;
  readonly name: string;
  readonly bare: string;
  readonly inProgramme: boolean;
}

let regionCache: { at: number; list: RegionName[] } | null = null;

/** Region names for matching in questions, refreshed every few minutes. */
export async function regionNames(db: Queryable): Promise<RegionName[]> {
  if (regionCache && Date.now() - regionCache.at < 300_000) return regionCache.list;
  const rows = await db.query<{ code: string; name: string; in_programme: boolean }>(
    `SELECT r.code, r.name, (r.cohort IS NOT NULL OR EXISTS (SELECT 1 FROM documents d WHERE d.region_code = r.code)) AS in_programme
       FROM regions r`,
  );
  const list = rows.map((r) => ({
    code: r.code,
    name: r.name,
    bare: normalize(r.name.replace(/^(Kabupaten|Kota)\s+/, '')),
    inProgramme: r.in_programme,
  }));
  regionCache = { at: Date.now(), list };
  return list;
}

export function clearRegionCache(): void {
  regionCache = null;
}

/**
 * The region a question names: 'Kabupaten Sragen', 'kab. sragen', 'Kota Palu', or a bare
 * name ('Sragen') when it is a programme region. Longest match wins.
 */
export function detectRegion(question: string, names: readonly RegionName[]): RegionName | null {
  const q = ` ${normalize(question).replace(/[^\p{L}\p{N}.]+/gu, ' ')} `;
  let best: RegionName | null = null;
  let bestLen = 0;
  for (const r of names) {
    const isKota = r.name.startsWith('Kota ');
    const prefixed = isKota ? [`kota ${r.bare}`, `pemkot ${r.bare}`] : [`kabupaten ${r.bare}`, `kab ${r.bare}`, `kab. ${r.bare}`, `pemkab ${r.bare}`];
    const candidates = r.inProgramme && r.bare.length >= 4 ? [...prefixed, r.bare] : prefixed;
    for (const c of candidates) {
      if (q.includes(` ${c} `) && c.length > bestLen) {
        // A bare name shared by a kabupaten and a kota (e.g. 'jayapura') needs its kind.
        if (c === r.bare && names.filter((o) => o.bare === r.bare && o.inProgramme).length > 1) continue;
        best = r;
        bestLen = c.length;
      }
    }
  }
  return best;
}
