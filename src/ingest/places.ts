import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadRegistry } from '../regions/index.ts';

let names: Set<string> | null = null;

/** 'Kabupaten Sragen' → 'sragen', 'DKI Jakarta' → 'jakarta', 'Kota Administrasi Jakarta Pusat' → 'jakarta pusat'. */
function bare(name: string): string {
  return name
    .toLowerCase()
    .replace(/^(?:kabupaten|kota)(?: administrasi)?\s+|^(?:dki|daerah istimewa|daerah khusus ibukota)\s+/, '')
    .trim();
}

/** Names of Indonesia's provinces, kabupaten/kota and kecamatan, from the maintained idn-area-data package. */
function placeNames(): Set<string> {
  if (names) return names;
  const set = new Set<string>();
  for (const r of loadRegistry()) {
    set.add(bare(r.name));
    set.add(bare(r.province));
  }
  const dir = join(dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
  for (const line of readFileSync(join(dir, 'districts.csv'), 'utf8').split(/\r?\n/).slice(1)) {
    const name = line.split(',')[2];
    if (name) set.add(bare(name));
  }
  names = set;
  return set;
}

/** True for the name of an Indonesian province, kabupaten/kota or kecamatan ('SRAGEN', 'Jakarta', 'Kota Palu'). */
export function isPlaceName(text: string): boolean {
  return placeNames().has(bare(text.replace(/\s+/g, ' ')));
}
