import type { ProgrammeOverview, RegionDeadline } from '../programme/index.ts';
import { daysBetween, daysLeft } from '../programme/index.ts';
import type { OverdueItem, RegionRef, UpcomingItem } from './types.ts';

/** Resolves a region code to its name and province (the code itself when unknown). */
export type RegionLookup = (code: string) => RegionRef;

const byRegionName = (a: RegionRef, b: RegionRef) => a.name.localeCompare(b.name, 'id');

/** The overview's overdue deadlines as digest rows, the longest overdue first. */
export function overdueItems(overview: ProgrammeOverview, ref: RegionLookup): OverdueItem[] {
  return overview.overdue
    .map(({ deadline: d, daysOverdue }) => ({ ...ref(d.regionCode), cohort: d.cohort, stageId: d.stageId, stageName: d.stageName, dueOn: d.dueOn, daysOverdue }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.cohort - b.cohort || byRegionName(a, b));
}

/**
 * Open deadlines due within `horizonDays` in the region's own zone, grouped by cohort, stage
 * and date (soonest first); `daysLeft` of a group is counted in the staff zone (`today`).
 */
export function upcomingItems(
  deadlines: readonly RegionDeadline[],
  o: { now: Date; today: string; horizonDays: number; ref: RegionLookup },
): UpcomingItem[] {
  const groups = new Map<string, { item: Omit<UpcomingItem, 'regions'>; regions: RegionRef[] }>();
  for (const d of deadlines) {
    if (d.completed) continue;
    const left = daysLeft(d, o.now); // in the region's own zone
    if (left < 0 || left > o.horizonDays) continue;
    const key = `${d.cohort}|${d.stageId}|${d.dueOn}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        item: { cohort: d.cohort, stageId: d.stageId, stageName: d.stageName, dueOn: d.dueOn, daysLeft: daysBetween(o.today, d.dueOn) },
        regions: [],
      };
      groups.set(key, group);
    }
    group.regions.push(o.ref(d.regionCode));
  }
  return [...groups.values()]
    .map((g) => ({ ...g.item, regions: g.regions.sort(byRegionName) }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.cohort - b.cohort || a.stageName.localeCompare(b.stageName));
}
