import type { Queryable } from '../../db/index.ts';
import { activeChatCounts } from '../../chats/index.ts';
import { programmeOverview } from '../../programme/index.ts';
import { listRegions, type Region } from '../../regions/index.ts';

/** One row of the region list (Wilayah). */
export interface RegionListRow extends Region {
  readonly currentStageName: string | null;
  /** Stages overdue at `now`, in programme order. */
  readonly overdue: readonly { readonly id: string; readonly name: string }[];
  readonly stagesDone: number;
  readonly stages: number;
  /** Active Telegram chats bound to the region. */
  readonly chats: number;
}

export interface RegionFilter {
  /** A cohort year, 'aktif' (any active cohort) or 'tanpa' (no cohort). */
  readonly cohort?: string;
  readonly province?: string;
  /** The region's current stage. */
  readonly stage?: string;
  /** 'ya' (any stage overdue) or a stage id. */
  readonly overdue?: string;
  /** 'ada' or 'tidak': with or without an active Telegram group. */
  readonly bound?: string;
  /** Part of the name or the code. */
  readonly text?: string;
}

/** One collator for every sort: `localeCompare(b, 'id')` would build a new one per comparison. */
export const byName = new Intl.Collator('id').compare;

export interface RegionList {
  readonly rows: readonly RegionListRow[];
  readonly provinces: readonly string[];
  readonly cohorts: readonly number[];
  readonly activeCohorts: readonly number[];
  readonly stages: readonly { readonly id: string; readonly name: string }[];
}

function matches(r: RegionListRow, f: RegionFilter, active: readonly number[]): boolean {
  if (f.cohort === 'tanpa' && r.cohort !== null) return false;
  if (f.cohort === 'aktif' && (r.cohort === null || !active.includes(r.cohort))) return false;
  if (f.cohort && /^\d{4}$/.test(f.cohort) && r.cohort !== Number(f.cohort)) return false;
  if (f.province && r.province !== f.province) return false;
  if (f.stage && r.currentStage !== f.stage) return false;
  if (f.overdue === 'ya' && r.overdue.length === 0) return false;
  if (f.overdue && f.overdue !== 'ya' && !r.overdue.some((o) => o.id === f.overdue)) return false;
  if (f.bound === 'ada' && r.chats === 0) return false;
  if (f.bound === 'tidak' && r.chats > 0) return false;
  if (f.text) {
    const q = f.text.toLowerCase();
    if (!r.name.toLowerCase().includes(q) && !r.code.startsWith(q)) return false;
  }
  return true;
}

/** Every region with where it stands at `now`, filtered (the 514 fit in memory easily). */
export async function regionList(db: Queryable, now: Date, filter: RegionFilter): Promise<RegionList> {
  const [regions, overview, chats] = await Promise.all([listRegions(db), programmeOverview(db, now), activeChatCounts(db)]);
  const stageNames = new Map(overview.deadlines.map((d) => [d.stageId, { name: d.stageName, ordinal: d.ordinal }]));
  const all: RegionListRow[] = regions.map((r) => {
    const st = overview.regions.get(r.code);
    return {
      ...r,
      currentStage: st?.currentStageId ?? null,
      currentStageName: st?.currentStageName ?? null,
      overdue: (st?.overdueStageIds ?? []).map((id) => ({ id, name: stageNames.get(id)?.name ?? id })),
      stagesDone: st?.stagesDone ?? 0,
      stages: st?.stages ?? 0,
      chats: chats.get(r.code) ?? 0,
    };
  });
  return {
    rows: all.filter((r) => matches(r, filter, overview.activeCohorts)),
    provinces: [...new Set(regions.map((r) => r.province))].sort(byName),
    cohorts: [...new Set(regions.map((r) => r.cohort).filter((c): c is number => c !== null))].sort((a, b) => b - a),
    activeCohorts: overview.activeCohorts,
    stages: [...stageNames.entries()].sort((a, b) => a[1].ordinal - b[1].ordinal).map(([id, s]) => ({ id, name: s.name })),
  };
}
