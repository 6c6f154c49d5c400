import type { Db } from '../../src/db/index.ts';
import { seedCalendar } from '../support/programme.ts';

/** 'now' of the staff tests: Monday 23 November 2026, 09:00 WIB. */
export const NOW = new Date('2026-11-23T02:00:00Z');

export interface SeededCohort {
  readonly regions: ReadonlyArray<{ code: string; name: string; province: string }>;
  /** Completed Bimtek IV (by the calendar). */
  readonly finished: readonly string[];
  /** Bimtek IV moved to after NOW for this one region. */
  readonly extended: string;
}

/**
 * A 2026 cohort of 24 real regions (10 in Jawa Tengah, 8 in Sulawesi Selatan, 6 in Papua) (our own calendar): Bimtek III was
 * due 1 October and everyone finished it; Bimtek IV was due on `bimtek4Due`, four regions
 * finished it and one has an extension to 15 December, so 19 are overdue at NOW.
 */
export async function seedCohort(db: Db, o: { bimtek4Due?: string; extendedTo?: string } = {}): Promise<SeededCohort> {
  const regions: Array<{ code: string; name: string; province: string }> = [];
  for (const [province, n] of [['Jawa Tengah', 10], ['Sulawesi Selatan', 8], ['Papua', 6]] as const) {
    regions.push(...(await db.query<{ code: string; name: string; province: string }>('SELECT code, name, province FROM regions WHERE province = $1 ORDER BY code LIMIT $2', [province, n])));
  }
  if (regions.length < 24) throw new Error(`registry: only ${regions.length} regions found`);
  const finished = regions.slice(0, 4).map((r) => r.code);
  const extended = regions[4]!.code;
  await seedCalendar(db, {
    cohort: 2026,
    title: 'Kalender uji staf',
    regions: regions.map((r) => r.code),
    stages: [
      { id: 'bimtek-3', name: 'Bimbingan Teknis III', due: '2026-10-01' },
      { id: 'bimtek-4', name: 'Bimbingan Teknis IV', due: o.bimtek4Due ?? '2026-11-01' },
    ],
    overrides: [{ region: extended, stage: 'bimtek-4', due: o.extendedTo ?? '2026-12-15', reason: 'banjir' }],
    completed: regions.map((r) => ({ region: r.code, stages: finished.includes(r.code) ? ['bimtek-3', 'bimtek-4'] : ['bimtek-3'] })),
  });
  return { regions, finished, extended };
}

export const byName = (a: string, b: string) => a.localeCompare(b, 'id');
