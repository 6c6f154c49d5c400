import type { Queryable } from '../db/index.ts';
import { programmeOverview } from '../programme/index.ts';

export interface DigestChart {
  readonly filename: string;
  readonly png: Buffer;
}

/**
 * The digest's picture: the console's programme charts (completion per stage for each
 * active cohort, regions overdue per stage) at `now`, as a PNG.
 */
export async function digestChart(db: Queryable, now: Date, period: string): Promise<DigestChart> {
  const overview = await programmeOverview(db, now);
  const rows = overview.stages.filter((s) => overview.activeCohorts.includes(s.cohort));
  // The charting library is loaded on the first picture, as in the console.
  const { programmePng } = await import('../charts/index.ts');
  return { filename: `pandu-ringkasan-${period}.png`, png: await programmePng(rows) };
}
