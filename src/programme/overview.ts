import type { Queryable } from '../db/index.ts';
import { daysBetween, localDate } from './dates.ts';
import { allRegionDeadlines, type RegionDeadline } from './calendar-store.ts';

/** Where one cohort region stands at an instant: its current stage and what is overdue. */
export interface RegionStanding {
  readonly regionCode: string;
  readonly cohort: number;
  /** The first stage not completed; null when every stage is done. */
  readonly currentStageId: string | null;
  readonly currentStageName: string | null;
  /** Stages whose deadline has passed in the region's own zone without being completed. */
  readonly overdueStageIds: readonly string[];
  readonly stagesDone: number;
  readonly stages: number;
}

/** One stage of one cohort: how many of its regions completed it and how many are overdue. */
export interface StageProgressCount {
  readonly cohort: number;
  readonly stageId: string;
  readonly stageName: string;
  readonly ordinal: number;
  readonly regions: number;
  readonly completed: number;
  readonly overdue: number;
}

export interface ProgrammeOverview {
  /** Per cohort region, by code. */
  readonly regions: ReadonlyMap<string, RegionStanding>;
  /** Per cohort and stage, newest cohort first, stages in order. */
  readonly stages: readonly StageProgressCount[];
  /** Cohorts with a stage that some region has not completed, newest first. */
  readonly activeCohorts: readonly number[];
  /** Every deadline row the overview was computed from. */
  readonly deadlines: readonly RegionDeadline[];
  /** Deadlines passed (in the region's own zone) without the stage completed, with days overdue. */
  readonly overdue: readonly { readonly deadline: RegionDeadline; readonly daysOverdue: number }[];
}

/** Pure: the overview of deadline rows (regionDeadlines' shape) at `now`. */
export function overviewOf(deadlines: readonly RegionDeadline[], now: Date): ProgrammeOverview {
  // Today in each zone, once (as daysLeft() computes it per row).
  const today = new Map<string, string>();
  const left = (d: RegionDeadline) => {
    let t = today.get(d.timezone);
    if (t === undefined) today.set(d.timezone, (t = localDate(now, d.timezone)));
    return daysBetween(t, d.dueOn);
  };
  const overdue: { deadline: RegionDeadline; daysOverdue: number }[] = [];
  for (const d of deadlines) {
    if (d.completed) continue;
    const days = left(d);
    if (days < 0) overdue.push({ deadline: d, daysOverdue: -days });
  }
  const late = new Set(overdue.map((o) => o.deadline));
  const byRegion = new Map<string, RegionDeadline[]>();
  const byStage = new Map<string, { cohort: number; stageId: string; stageName: string; ordinal: number; regions: number; completed: number; overdue: number }>();
  for (const d of deadlines) {
    const list = byRegion.get(d.regionCode) ?? [];
    list.push(d);
    byRegion.set(d.regionCode, list);
    const key = `${d.cohort}|${d.stageId}`;
    const s = byStage.get(key) ?? { cohort: d.cohort, stageId: d.stageId, stageName: d.stageName, ordinal: d.ordinal, regions: 0, completed: 0, overdue: 0 };
    s.regions++;
    if (d.completed) s.completed++;
    else if (late.has(d)) s.overdue++;
    byStage.set(key, s);
  }
  const regions = new Map<string, RegionStanding>();
  for (const [code, list] of byRegion) {
    list.sort((a, b) => a.ordinal - b.ordinal);
    const current = list.find((d) => !d.completed) ?? null;
    regions.set(code, {
      regionCode: code,
      cohort: list[0]!.cohort,
      currentStageId: current?.stageId ?? null,
      currentStageName: current?.stageName ?? null,
      overdueStageIds: list.filter((d) => late.has(d)).map((d) => d.stageId),
      stagesDone: list.filter((d) => d.completed).length,
      stages: list.length,
    });
  }
  const stages = [...byStage.values()].sort((a, b) => b.cohort - a.cohort || a.ordinal - b.ordinal);
  const activeCohorts = [...new Set(stages.filter((s) => s.completed < s.regions).map((s) => s.cohort))];
  return { regions, stages, activeCohorts, deadlines, overdue };
}

/** The programme at `now`: every cohort region's standing and every stage's counts. */
export async function programmeOverview(db: Queryable, now: Date): Promise<ProgrammeOverview> {
  return overviewOf(await allRegionDeadlines(db), now);
}
