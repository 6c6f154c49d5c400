import type { Queryable } from '../../db/index.ts';
import { activeChatCounts } from '../../chats/index.ts';
import { programmeOverview, type ProgrammeOverview, type StageProgressCount } from '../../programme/index.ts';
import { questionCounts, type QuestionCounts } from '../../questions/index.ts';
import { listRegions, type Region } from '../../regions/index.ts';
import { outboxCounts } from '../../reminders/index.ts';
import { byName } from './regions.ts';

/** What the summary page (Ringkasan) shows, read at one instant. */
export interface SummaryData {
  readonly now: Date;
  /** Start of the 7-day window of the weekly counts. */
  readonly since: Date;
  readonly overview: ProgrammeOverview;
  /** Stage counts of the active cohorts (the charts' data). */
  readonly activeStages: readonly StageProgressCount[];
  readonly overdue: readonly OverdueStage[];
  /** Regions of the active cohorts without an active Telegram group. */
  readonly unbound: readonly Region[];
  readonly questions: QuestionCounts;
  readonly reminders: { readonly sent: number; readonly failed: number; readonly pending: number };
}

export interface OverdueStage {
  readonly cohort: number;
  readonly stageId: string;
  readonly stageName: string;
  readonly regions: readonly { readonly code: string; readonly name: string; readonly daysOverdue: number }[];
}

export const WEEK_MS = 7 * 86_400_000;

/** Regions late for each stage of the active cohorts, the longest overdue first. */
function overdueByStage(overview: ProgrammeOverview): OverdueStage[] {
  const byKey = new Map<string, { cohort: number; stageId: string; stageName: string; ordinal: number; regions: { code: string; name: string; daysOverdue: number }[] }>();
  for (const { deadline: d, daysOverdue } of overview.overdue) {
    const key = `${d.cohort}|${d.stageId}`;
    const e = byKey.get(key) ?? { cohort: d.cohort, stageId: d.stageId, stageName: d.stageName, ordinal: d.ordinal, regions: [] };
    e.regions.push({ code: d.regionCode, name: d.regionName, daysOverdue });
    byKey.set(key, e);
  }
  return [...byKey.values()]
    .filter((e) => overview.activeCohorts.includes(e.cohort))
    .sort((a, b) => b.cohort - a.cohort || a.ordinal - b.ordinal)
    .map((e) => ({ ...e, regions: e.regions.sort((a, b) => b.daysOverdue - a.daysOverdue || byName(a.name, b.name)) }));
}

export async function summaryData(db: Queryable, now: Date): Promise<SummaryData> {
  const since = new Date(now.getTime() - WEEK_MS);
  const [overview, chats, regions, questions, reminders] = await Promise.all([
    programmeOverview(db, now),
    activeChatCounts(db),
    listRegions(db),
    questionCounts(db, since, now),
    outboxCounts(db, since, now),
  ]);
  const active = new Set(overview.activeCohorts);
  return {
    now,
    since,
    overview,
    activeStages: overview.stages.filter((s) => active.has(s.cohort)),
    overdue: overdueByStage(overview),
    unbound: regions.filter((r) => r.cohort !== null && active.has(r.cohort) && !chats.has(r.code)),
    questions,
    reminders,
  };
}
