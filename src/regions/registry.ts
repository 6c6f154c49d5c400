import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A kabupaten/kota as shipped by the maintained `idn-area-data` package. */
export interface RegionRecord {
  readonly code: string;
  readonly name: string;
  readonly kind: 'kabupaten' | 'kota';
  readonly provinceCode: string;
  readonly province: string;
  readonly timezone: RegionZone;
}

export type RegionZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

// Indonesia's three zones by province code (Kemendagri numbering): WITA for Bali,
// Nusa Tenggara, the eastern half of Kalimantan and all of Sulawesi; WIT for Maluku
// and the Papua provinces; WIB for the rest (Sumatra, Java, West/Central Kalimantan).
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

export function zoneOfProvince(provinceCode: string): RegionZone {
  if (WIT.has(provinceCode)) return 'Asia/Jayapura';
  if (WITA.has(provinceCode)) return 'Asia/Makassar';
  return 'Asia/Jakarta';
}

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

function parseCsv(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(1)
    .map((line) => {
      const cells: string[] = [];
      let cur = '';
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === ',' && !quoted) {
          cells.push(cur);
          cur = '';
        } else cur += ch;
      }
      cells.push(cur);
      return cells;
    });
}

/** Every kabupaten/kota of Indonesia with its province and IANA time zone. */
export function loadRegistry(): RegionRecord[] {
  const dir = dataDir();
  const provinces = new Map(
    parseCsv(readFileSync(join(dir, 'provinces.csv'), 'utf8')).map(([code, name]) => [code!, name!]),
  );
  return parseCsv(readFileSync(join(dir, 'regencies.csv'), 'utf8')).map(([code, provinceCode, name]) => {
    const province = provinces.get(provinceCode!);
    if (!province) throw new Error(`region ${code} names unknown province ${provinceCode}`);
    return {
      code: code!,
      name: name!,
      kind: name!.startsWith('Kota ') ? 'kota' : 'kabupaten',
      provinceCode: provinceCode!,
      province,
      timezone: zoneOfProvince(provinceCode!),
    };
  });
}
