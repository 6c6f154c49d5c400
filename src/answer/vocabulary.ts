import type { Queryable } from '../db/index.ts';
import { STAGE_IDS, stageList } from '../programme/index.ts';
import { bareRegionName } from '../regions/names.ts';

export interface RegionName {
  readonly code: string;
  readonly name: string;
  /** The name without 'Kabupaten'/'Kota', normalised ('sragen'). */
  readonly bare: string;
  /** In a cohort calendar, or the subject of an ingested document (a masterplan, a news article). */
  readonly inProgramme: boolean;
}

/** What reading a question needs from the database: the stages and the region names. */
export interface Vocabulary {
  readonly stageByOrdinal: ReadonlyMap<number, string>;
  /** Stage ids in programme order. */
  readonly stageOrder: readonly string[];
  /** Stage names from the calendar, for stages without a short label. */
  readonly stageNames: ReadonlyMap<string, string>;
  readonly regions: readonly RegionName[];
}

/** The programme's nine stages in order (corpus/README.md); the calendar may add more. */
export const DEFAULT_STAGE_ORDER: readonly string[] = STAGE_IDS;

/** Every region's name for matching in questions, with whether the programme's data covers it. */
export async function regionNames(db: Queryable): Promise<RegionName[]> {
  const rows = await db.query<{ code: string; name: string; in_programme: boolean }>(
    `SELECT r.code, r.name, (r.cohort IS NOT NULL OR EXISTS (SELECT 1 FROM documents d WHERE d.region_code = r.code)) AS in_programme
       FROM regions r`,
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    bare: bareRegionName(r.name),
    inProgramme: r.in_programme,
  }));
}

/**
 * One snapshot per question: read once (by the conversation layer when there is one) and
 * passed down, so a question never sees two versions and never pays for two reads.
 */
export async function loadVocabulary(db: Queryable): Promise<Vocabulary> {
  const [stages, regions] = await Promise.all([stageList(db), regionNames(db)]);
  const known = stages.map((s) => s.id);
  return {
    stageByOrdinal: new Map(stages.map((s) => [s.ordinal, s.id])),
    stageOrder: known.length > 0 ? known : DEFAULT_STAGE_ORDER,
    stageNames: new Map(stages.map((s) => [s.id, s.name])),
    regions,
  };
}
