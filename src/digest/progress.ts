import type { Queryable } from '../db/index.ts';
import type { ProgrammeOverview, RegionDeadline } from '../programme/index.ts';
import { daysBetween } from '../programme/index.ts';
import type { StageProgress } from './types.ts';

/** Progress of stages due longer ago than this, completed by every region, is old news. */
const SETTLED_AFTER_DAYS = 30;

const stageKey = (d: { cohort: number; stageId: string }) => `${d.cohort}|${d.stageId}`;

/** Checklist items ticked and in total per cohort stage, over the regions that have not completed it. */
async function checklistTotals(db: Queryable): Promise<Map<string, { done: number; total: number }>> {
  const rows = await db.query<{ cohort: number; stageId: string; done: number; total: number }>(
    `SELECT r.cohort, i.stage_id AS "stageId", count(*) FILTER (WHERE p.done) AS done, count(*) AS total
       FROM regions r
       CROSS JOIN checklist_items i
       LEFT JOIN checklist_progress p ON p.item_id = i.id AND p.region_code = r.code
      WHERE r.cohort IS NOT NULL AND NOT i.retired
        AND NOT EXISTS (SELECT 1 FROM stage_completions c WHERE c.region_code = r.code AND c.stage_id = i.stage_id)
      GROUP BY r.cohort, i.stage_id`,
  );
  return new Map(rows.map((r) => [stageKey(r), { done: r.done, total: r.total }]));
}

/** The cohort's own due date per stage (a row without an override), else the first region's. */
function cohortDueDates(deadlines: readonly RegionDeadline[]): Map<string, string> {
  const cohortDue = new Map<string, string>();
  const anyDue = new Map<string, string>();
  for (const d of deadlines) {
    const key = stageKey(d);
    if (!anyDue.has(key)) anyDue.set(key, d.dueOn);
    if (!d.overridden && !cohortDue.has(key)) cohortDue.set(key, d.dueOn);
  }
  for (const [key, due] of anyDue) if (!cohortDue.has(key)) cohortDue.set(key, due);
  return cohortDue;
}

/**
 * Stages started or due within `horizonDays` of `today` (staff zone), leaving out stages every
 * region completed more than SETTLED_AFTER_DAYS ago; newest cohort first, stages in order.
 */
export async function stageProgress(
  db: Queryable,
  o: { overview: ProgrammeOverview; today: string; horizonDays: number },
): Promise<StageProgress[]> {
  const items = await checklistTotals(db);
  const due = cohortDueDates(o.overview.deadlines);
  return o.overview.stages
    .map((s) => {
      const c = items.get(stageKey(s)) ?? { done: 0, total: 0 };
      return {
        cohort: s.cohort,
        stageId: s.stageId,
        stageName: s.stageName,
        ordinal: s.ordinal,
        dueOn: due.get(stageKey(s))!,
        regions: s.regions,
        completed: s.completed,
        itemsDone: c.done,
        itemsTotal: c.total,
      };
    })
    .filter((p) => daysBetween(o.today, p.dueOn) <= o.horizonDays) // started or due soon
    .filter((p) => !(p.completed === p.regions && daysBetween(p.dueOn, o.today) > SETTLED_AFTER_DAYS))
    .sort((a, b) => b.cohort - a.cohort || a.ordinal - b.ordinal);
}
