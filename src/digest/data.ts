import { downvotedAnswers, pausedChats, type DownvotedAnswer, type PausedChat } from './staff-notes.ts';
import type { Queryable } from '../db/index.ts';
import { allRegionDeadlines, localDate } from '../programme/index.ts';
import { deadlineSections, stageProgress } from './deadline-data.ts';
import { reminderProblems } from '../reminders/index.ts';
import { isoWeek } from './period.ts';

/** What the digest reports, gathered from the database at one instant. */
export interface DigestData {
  /** ISO week of `now` in the staff zone, e.g. '2026-W48'. */
  readonly period: string;
  readonly now: Date;
  /** Zone the digest is read in (PANDU_TIMEZONE). */
  readonly timezone: string;
  /** Start of the reporting window for questions and deliveries (now - windowDays). */
  readonly since: Date;
  readonly windowDays: number;
  readonly horizonDays: number;
  readonly overdue: readonly OverdueItem[];
  readonly upcoming: readonly UpcomingItem[];
  readonly progress: readonly StageProgress[];
  readonly unbound: readonly UnboundRegion[];
  readonly problems: readonly DeliveryProblem[];
  readonly questions: QuestionStats;
  /** Chats whose reminders of a stage are paused (/tunda) at `now`. */
  readonly paused: readonly PausedChat[];
}


export interface RegionRef {
  readonly code: string;
  readonly name: string;
  readonly province: string;
}

/** A cohort region whose stage deadline has passed (in its own zone) without the stage being completed. */
export interface OverdueItem extends RegionRef {
  readonly cohort: number;
  readonly stageId: string;
  readonly stageName: string;
  readonly dueOn: string;
  readonly daysOverdue: number;
}

/** One stage due on one date for some regions of a cohort, within the horizon. */
export interface UpcomingItem {
  readonly cohort: number;
  readonly stageId: string;
  readonly stageName: string;
  readonly dueOn: string;
  /** Days left in the staff zone. */
  readonly daysLeft: number;
  readonly regions: readonly RegionRef[];
}

export interface StageProgress {
  readonly cohort: number;
  readonly stageId: string;
  readonly stageName: string;
  readonly ordinal: number;
  /** The cohort's due date (regions may have overrides). */
  readonly dueOn: string;
  readonly regions: number;
  readonly completed: number;
  /** Checklist items ticked, summed over the regions that have not completed the stage. */
  readonly itemsDone: number;
  /** Checklist items × regions not completed; 0 when none is open or the stage has no checklist. */
  readonly itemsTotal: number;
}

export interface UnboundRegion extends RegionRef {
  readonly cohort: number;
}

export interface DeliveryProblem {
  readonly kind: 'failed' | 'deactivated';
  readonly platform: string;
  readonly chatId: string;
  readonly chatTitle: string | null;
  readonly regionCode: string | null;
  readonly regionName: string | null;
  readonly stageName: string | null;
  readonly dueOn: string | null;
  readonly at: Date;
  readonly reason: string | null;
}

export interface QuestionCount {
  readonly question: string;
  readonly count: number;
}


export interface QuestionStats {
  readonly total: number;
  readonly refused: number;
  readonly top: readonly QuestionCount[];
  readonly topRefused: readonly QuestionCount[];
  readonly downvoted: readonly DownvotedAnswer[];
  readonly downvotedTotal: number;
}

export interface GatherOptions {
  readonly now: Date;
  readonly timezone: string;
  /** Deadlines shown ahead; default 14 days. */
  readonly horizonDays?: number;
  /** Questions and deliveries looked back on; default 7 days. */
  readonly windowDays?: number;
  /** Entries in the most-asked, refused and 👎 lists; default 5. */
  readonly topN?: number;
}

interface CohortRegion extends RegionRef {
  readonly cohort: number;
}

async function cohortRegions(db: Queryable): Promise<Map<string, CohortRegion>> {
  const rows = await db.query<CohortRegion>(
    'SELECT code, name, province, cohort FROM regions WHERE cohort IS NOT NULL ORDER BY code',
  );
  return new Map(rows.map((r) => [r.code, r]));
}

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
  return new Map(rows.map((r) => [`${r.cohort}|${r.stageId}`, { done: r.done, total: r.total }]));
}

async function unboundRegions(db: Queryable): Promise<UnboundRegion[]> {
  return db.query<UnboundRegion>(
    `SELECT r.code, r.name, r.province, r.cohort
       FROM regions r
      WHERE r.cohort IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM chats c WHERE c.region_code = r.code AND c.platform = 'telegram' AND c.active)
      ORDER BY r.cohort, r.province, r.name`,
  );
}

/** Normalised question text: case, spacing and trailing punctuation do not split a group. */
const QUESTION_KEY = `regexp_replace(lower(regexp_replace(btrim(question), '\\s+', ' ', 'g')), '[[:space:]?!.]+$', '')`;

async function questionStats(db: Queryable, since: Date, until: Date, topN: number): Promise<QuestionStats> {
  const window = [since.toISOString(), until.toISOString()];
  const [totals = { total: 0, refused: 0 }] = await db.query<{ total: number; refused: number }>(
    `SELECT count(*) AS total, count(*) FILTER (WHERE refused) AS refused
       FROM questions WHERE asked_at >= $1 AND asked_at < $2`,
    window,
  );
  const grouped = (refusedOnly: boolean) =>
    db.query<QuestionCount>(
      `SELECT mode() WITHIN GROUP (ORDER BY btrim(question) DESC) AS question, count(*) AS count
         FROM questions
        WHERE asked_at >= $1 AND asked_at < $2 AND intent <> 'greeting' ${refusedOnly ? 'AND refused' : ''}
        GROUP BY ${QUESTION_KEY}
        ORDER BY count(*) DESC, max(asked_at) DESC
        LIMIT $3`,
      [...window, topN],
    );
  const downvoted = await downvotedAnswers(db, window);
  return {
    total: totals.total,
    refused: totals.refused,
    top: await grouped(false),
    topRefused: await grouped(true),
    downvoted: downvoted.slice(0, topN),
    downvotedTotal: downvoted.length,
  };
}

async function deliveryProblems(db: Queryable, since: Date, until: Date): Promise<DeliveryProblem[]> {
  const rows = (await reminderProblems(db, since)).filter((p) => new Date(p.at).getTime() < until.getTime());
  const names = new Map(
    (await db.query<{ code: string; name: string }>('SELECT code, name FROM regions WHERE code = ANY($1::text[])', [
      [...new Set(rows.map((r) => r.regionCode).filter((c): c is string => c !== null))],
    ])).map((r) => [r.code, r.name]),
  );
  const stages = new Map(
    (await db.query<{ id: string; name: string }>('SELECT id, name FROM stages')).map((s) => [s.id, s.name]),
  );
  return rows.map((p) => ({
    kind: p.kind,
    platform: p.platform,
    chatId: p.chatId,
    chatTitle: p.chatTitle,
    regionCode: p.regionCode,
    regionName: p.regionCode ? (names.get(p.regionCode) ?? p.regionCode) : null,
    stageName: p.stageId ? (stages.get(p.stageId) ?? p.stageId) : null,
    dueOn: p.dueOn,
    at: new Date(p.at),
    reason: p.reason,
  }));
}

/** Reads everything the digest reports; pure reads, no side effects. */
export async function gatherDigest(db: Queryable, options: GatherOptions): Promise<DigestData> {
  const { now, timezone } = options;
  const horizonDays = options.horizonDays ?? 14;
  const windowDays = options.windowDays ?? 7;
  const topN = options.topN ?? 5;
  const since = new Date(now.getTime() - windowDays * 86_400_000);
  const today = localDate(now, timezone);

  const regions = await cohortRegions(db);
  const deadlines = await allRegionDeadlines(db);
  const ref = (code: string): RegionRef => {
    const r = regions.get(code);
    return { code, name: r?.name ?? code, province: r?.province ?? '' };
  };
  const { overdue, upcoming } = deadlineSections(deadlines, ref, { now, today, horizonDays });
  const progress = stageProgress(deadlines, await checklistTotals(db), { today, horizonDays });

  return {
    period: isoWeek(now, timezone),
    now,
    timezone,
    since,
    windowDays,
    horizonDays,
    overdue,
    upcoming,
    progress,
    unbound: await unboundRegions(db),
    problems: await deliveryProblems(db, since, now),
    questions: await questionStats(db, since, now, topN),
    paused: await pausedChats(db, now),
  };
}
