import type { Queryable } from '../db/index.ts';
import { currentStage, daysLeft, regionDeadlines, type RegionDeadline } from './calendar-store.ts';
import { stageChecklist } from './checklist-store.ts';
import { stageCompletions, type StageCompletion } from './completions.ts';

export interface StageStatus {
  readonly deadline: RegionDeadline;
  /** Checklist items ticked / in the checklist (0/0 when the stage has no checklist). */
  readonly done: number;
  readonly total: number;
  /** How the stage counts as done (source, who, note); null while open. */
  readonly completion: StageCompletion | null;
  readonly current: boolean;
}

export interface RegionStatus {
  readonly stages: readonly StageStatus[];
  /** The first open stage with its days left at `now`; null when all are done. */
  readonly current: (RegionDeadline & { daysLeft: number }) | null;
}

/**
 * A region's stages as the programme counts them: each stage's checklist progress and,
 * for a done stage, how it was done (checklist complete, confirmed by the secretariat, or
 * marked in the calendar), so no surface shows "done" without saying why.
 */
export async function regionStatus(db: Queryable, regionCode: string, now: Date): Promise<RegionStatus> {
  const deadlines = await regionDeadlines(db, regionCode);
  const completions = new Map((await stageCompletions(db, regionCode)).map((c) => [c.stageId, c]));
  const current = currentStage(deadlines);
  const stages: StageStatus[] = [];
  for (const d of deadlines) {
    const cl = await stageChecklist(db, regionCode, d.stageId);
    stages.push({ deadline: d, done: cl?.done ?? 0, total: cl?.total ?? 0, completion: completions.get(d.stageId) ?? null, current: current?.stageId === d.stageId });
  }
  return { stages, current: current ? { ...current, daysLeft: daysLeft(current, now) } : null };
}
