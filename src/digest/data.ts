import type { Queryable } from '../db/index.ts';
import { allRegionDeadlines, localDate, overviewOf } from '../programme/index.ts';
import { overdueItems, upcomingItems } from './deadlines.ts';
import { isoWeek } from './period.ts';
import { stageProgress } from './progress.ts';
import { pausedChats } from './staff-notes.ts';
import { cohortRegions, deliveryProblems, questionStats, unboundRegions } from './store.ts';
import type { DigestData, GatherOptions, RegionRef } from './types.ts';

export type { DeliveryProblem, DigestData, GatherOptions, OverdueItem, QuestionCount, QuestionStats, RegionRef, StageProgress, UnboundRegion, UpcomingItem } from './types.ts';

/** Reads everything the digest reports; pure reads, no side effects. */
export async function gatherDigest(db: Queryable, options: GatherOptions): Promise<DigestData> {
  const { now, timezone } = options;
  const horizonDays = options.horizonDays ?? 14;
  const windowDays = options.windowDays ?? 7;
  const topN = options.topN ?? 5;
  const since = new Date(now.getTime() - windowDays * 86_400_000);
  const today = localDate(now, timezone);

  const regions = await cohortRegions(db);
  const overview = overviewOf(await allRegionDeadlines(db), now);
  const ref = (code: string): RegionRef => {
    const r = regions.get(code);
    return { code, name: r?.name ?? code, province: r?.province ?? '' };
  };

  return {
    period: isoWeek(now, timezone),
    now,
    timezone,
    since,
    windowDays,
    horizonDays,
    overdue: overdueItems(overview, ref),
    upcoming: upcomingItems(overview.deadlines, { now, today, horizonDays, ref }),
    progress: await stageProgress(db, { overview, today, horizonDays }),
    unbound: await unboundRegions(db),
    problems: await deliveryProblems(db, since, now),
    questions: await questionStats(db, since, now, topN),
    paused: await pausedChats(db, now),
  };
}
