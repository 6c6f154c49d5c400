import type { Queryable } from '../db/index.ts';
import { pairDeadlines } from '../programme/index.ts';
import type { DeadlineFacts } from './planner.ts';

/**
 * What a claimed reminder needs at sending time, loaded for a whole claimed batch in
 * two queries (the dispatcher's hot path; one query per row would hold up the pacer on
 * the embedded database). Deadlines come from the programme's own query (pairDeadlines):
 * the cohort's due date, a region override if any, and the region's completion of the stage.
 */
export interface DeadlineNow extends DeadlineFacts {
  readonly completed: boolean;
}

export interface ChecklistNow {
  readonly done: number;
  readonly total: number;
  readonly open: readonly { readonly id: string; readonly title: string; readonly required: boolean }[];
}

/** Telegram gives groups negative ids and people positive ones; Slack reminders go to channels. */
export const chatKind = (platform: string, chatId: string): 'group' | 'private' => (platform === 'telegram' && !chatId.startsWith('-') ? 'private' : 'group');

export const contextKey = (regionCode: string, stageId: string) => `${regionCode}|${stageId}`;

type Pair = { readonly regionCode: string; readonly stageId: string };

function distinct(pairs: readonly Pair[]): [string[], string[]] {
  const seen = new Map<string, Pair>();
  for (const p of pairs) seen.set(contextKey(p.regionCode, p.stageId), p);
  const list = [...seen.values()];
  return [list.map((p) => p.regionCode), list.map((p) => p.stageId)];
}

export async function loadDeadlines(db: Queryable, pairs: readonly Pair[]): Promise<Map<string, DeadlineNow>> {
  const rows = await pairDeadlines(db, ...distinct(pairs));
  return new Map(rows.map((r) => [contextKey(r.regionCode, r.stageId), r]));
}

/** Checklist progress per (region, stage), as stageChecklist() counts it (items not retired). */
export async function loadChecklists(db: Queryable, pairs: readonly Pair[]): Promise<Map<string, ChecklistNow>> {
  const rows = await db.query<{ regionCode: string; stageId: string; id: string; title: string; required: boolean; done: boolean }>(
    `SELECT p.region_code AS "regionCode", i.stage_id AS "stageId", i.id, i.title, i.required, COALESCE(g.done, false) AS done
       FROM unnest($1::text[], $2::text[]) AS p(region_code, stage_id)
       JOIN checklist_items i ON i.stage_id = p.stage_id AND NOT i.retired
       LEFT JOIN checklist_progress g ON g.item_id = i.id AND g.region_code = p.region_code
      ORDER BY p.region_code, i.stage_id, i.ordinal`,
    distinct(pairs),
  );
  const out = new Map<string, { done: number; total: number; open: { id: string; title: string; required: boolean }[] }>();
  for (const r of rows) {
    const key = contextKey(r.regionCode, r.stageId);
    const c = out.get(key) ?? { done: 0, total: 0, open: [] };
    c.total++;
    if (r.done) c.done++;
    else c.open.push({ id: r.id, title: r.title, required: r.required });
    out.set(key, c);
  }
  return out;
}
