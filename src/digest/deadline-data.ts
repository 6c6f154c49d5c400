import { daysBetween, daysLeft, type RegionDeadline } from '../programme/index.ts';
import type { OverdueItem, RegionRef, StageProgress, UpcomingItem } from './data.ts';

/** Progress of stages due longer ago than this, completed by every region, is old news. */
const SETTLED_AFTER_DAYS = 30;

/** Open deadlines at `now`: overdue per region (most overdue first), upcoming grouped by cohort, stage and date. */
export function deadlineSections(
  deadlines: readonly RegionDeadline[],
  ref: (code: string) => RegionRef,
  at: { now: Date; today: string; horizonDays: number },
): { overdue: OverdueItem[]; upcoming: UpcomingItem[] } {
  const overdue: OverdueItem[] = [];
  const upcomingByKey = new Map<string, { item: Omit<UpcomingItem, 'regions'>; regions: RegionRef[] }>();
  for (const d of deadlines) {
    if (d.completed) continue;
    const left = daysLeft(d, at.now); // in the region's own zone
    if (left < 0) {
      overdue.push({ ...ref(d.regionCode), cohort: d.cohort, stageId: d.stageId, stageName: d.stageName, dueOn: d.dueOn, daysOverdue: -left });
    } else if (left <= at.horizonDays) {
      const key = `${d.cohort}|${d.stageId}|${d.dueOn}`;
      let group = upcomingByKey.get(key);
      if (!group) {
        group = {
          item: { cohort: d.cohort, stageId: d.stageId, stageName: d.stageName, dueOn: d.dueOn, daysLeft: daysBetween(at.today, d.dueOn) },
          regions: [],
        };
        upcomingByKey.set(key, group);
      }
      group.regions.push(ref(d.regionCode));
    }
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.cohort - b.cohort || a.name.localeCompare(b.name, 'id'));
  const upcoming = [...upcomingByKey.values()]
    .map((g) => ({ ...g.item, regions: g.regions.sort((a, b) => a.name.localeCompare(b.name, 'id')) }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.cohort - b.cohort || a.stageName.localeCompare(b.stageName));
  return { overdue, upcoming };
}

/**
 * Each cohort's stages that have started or are due within the horizon, with regions done
 * and checklist items ticked; a stage every region finished long ago is settled and left out.
 */
export function stageProgress(
  deadlines: readonly RegionDeadline[],
  items: Map<string, { done: number; total: number }>,
  at: { today: string; horizonDays: number },
): StageProgress[] {
  interface ProgressEntry {
    cohort: number;
    stageId: string;
    stageName: string;
    ordinal: number;
    cohortDue: string | null;
    anyDue: string;
    regions: number;
    completed: number;
  }
  const progressByKey = new Map<string, ProgressEntry>();
  for (const d of deadlines) {
    const key = `${d.cohort}|${d.stageId}`;
    let e = progressByKey.get(key);
    if (!e) {
      e = { cohort: d.cohort, stageId: d.stageId, stageName: d.stageName, ordinal: d.ordinal, cohortDue: null, anyDue: d.dueOn, regions: 0, completed: 0 };
      progressByKey.set(key, e);
    }
    if (!d.overridden) e.cohortDue ??= d.dueOn;
    e.regions++;
    if (d.completed) e.completed++;
  }
  return [...progressByKey.values()]
    .map((e) => {
      const c = items.get(`${e.cohort}|${e.stageId}`) ?? { done: 0, total: 0 };
      return {
        cohort: e.cohort,
        stageId: e.stageId,
        stageName: e.stageName,
        ordinal: e.ordinal,
        dueOn: e.cohortDue ?? e.anyDue,
        regions: e.regions,
        completed: e.completed,
        itemsDone: c.done,
        itemsTotal: c.total,
      };
    })
    .filter((p) => daysBetween(at.today, p.dueOn) <= at.horizonDays) // started or due soon
    .filter((p) => !(p.completed === p.regions && daysBetween(p.dueOn, at.today) > SETTLED_AFTER_DAYS))
    .sort((a, b) => b.cohort - a.cohort || a.ordinal - b.ordinal);
}
