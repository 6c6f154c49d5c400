/** The digest's reads of regions, chats, questions and deliveries. */
import type { Queryable } from '../db/index.ts';
import { questionCounts } from '../questions/index.ts';
import { reminderProblems } from '../reminders/index.ts';
import { downvotedAnswers } from './staff-notes.ts';
import type { DeliveryProblem, QuestionCount, QuestionStats, RegionRef, UnboundRegion } from './types.ts';

export interface CohortRegion extends RegionRef {
  readonly cohort: number;
}

export async function cohortRegions(db: Queryable): Promise<Map<string, CohortRegion>> {
  const rows = await db.query<CohortRegion>(
    'SELECT code, name, province, cohort FROM regions WHERE cohort IS NOT NULL ORDER BY code',
  );
  return new Map(rows.map((r) => [r.code, r]));
}

export async function unboundRegions(db: Queryable): Promise<UnboundRegion[]> {
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

export async function questionStats(db: Queryable, since: Date, until: Date, topN: number): Promise<QuestionStats> {
  const window = [since.toISOString(), until.toISOString()];
  const totals = await questionCounts(db, since, until);
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

export async function deliveryProblems(db: Queryable, since: Date, until: Date): Promise<DeliveryProblem[]> {
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
