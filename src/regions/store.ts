import type { Queryable } from '../db/index.ts';
import { loadRegistry, type RegionRecord } from './registry.ts';

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly kind: 'kabupaten' | 'kota';
  readonly province: string;
  readonly timezone: string;
  readonly cohort: number | null;
  readonly currentStage: string | null;
}

const SELECT = `SELECT code, name, kind, province, timezone, cohort, current_stage AS "currentStage" FROM regions`;

/** Inserts or refreshes the registry; keeps cohort and stage, which come from the calendar. */
export async function seedRegions(db: Queryable, records: readonly RegionRecord[] = loadRegistry()): Promise<number> {
  const rows = records.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    province_code: r.provinceCode,
    province: r.province,
    timezone: r.timezone,
  }));
  await db.query(
    `INSERT INTO regions (code, name, kind, province_code, province, timezone)
     SELECT code, name, kind, province_code, province, timezone
       FROM json_to_recordset($1::json)
         AS x(code text, name text, kind text, province_code text, province text, timezone text)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
       province_code = EXCLUDED.province_code, province = EXCLUDED.province, timezone = EXCLUDED.timezone
     -- Unchanged rows are not rewritten: every start and one-shot command seeds, nothing to write.
     WHERE (regions.name, regions.kind, regions.province_code, regions.province, regions.timezone)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.province_code, EXCLUDED.province, EXCLUDED.timezone)`,
    [JSON.stringify(rows)],
  );
  return rows.length;
}

export async function listRegions(db: Queryable, filter: { province?: string } = {}): Promise<Region[]> {
  if (filter.province) {
    return db.query<Region>(`${SELECT} WHERE province ILIKE $1 ORDER BY code`, [`%${filter.province}%`]);
  }
  return db.query<Region>(`${SELECT} ORDER BY code`);
}

function normalizeName(s: string): string {
  return s
    .toLowerCase()
    .replace(/\bkab\.?\s/g, 'kabupaten ')
    .replace(/[^a-z0-9. ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The region with exactly this code ('33.14'), or null. */
export async function regionByCode(db: Queryable, code: string): Promise<Region | null> {
  return (await db.query<Region>(`${SELECT} WHERE code = $1`, [code]))[0] ?? null;
}

/** Finds a region by code ('33.14' or '3314') or by name ('Kabupaten Sragen', 'Sragen'). */
export async function findRegion(db: Queryable, query: string): Promise<Region | null> {
  const q = query.trim();
  const code = /^\d{2}\.?\d{2}$/.test(q) ? `${q.slice(0, 2)}.${q.slice(-2)}` : null;
  if (code) return regionByCode(db, code);
  const name = normalizeName(q);
  if (!name) return null;
  const exact = await db.query<Region>(`${SELECT} WHERE lower(name) = $1`, [name]);
  if (exact.length > 0) return exact[0]!;
  // 'Sragen' alone: unique match on the name without its kind; a kota wins a tie with
  // its kabupaten only when the query says 'kota'.
  const loose = await db.query<Region>(`${SELECT} WHERE lower(regexp_replace(name, '^(Kabupaten|Kota) ', '')) = $1`, [
    name.replace(/^(kabupaten|kota) /, ''),
  ]);
  if (loose.length === 1) return loose[0]!;
  return null;
}
