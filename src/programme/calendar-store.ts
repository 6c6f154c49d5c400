import type { Queryable } from '../db/index.ts';
import { PanduError } from '../errors.ts';
import { programmeFileMessages } from '../messages/programme.ts';
import type { Calendar } from './calendar.ts';
import type { CompletionSource } from './completions.ts';
import { daysBetween, localDate } from './dates.ts';

export interface RegionDeadline {
  readonly regionCode: string;
  readonly regionName: string;
  readonly timezone: string;
  readonly cohort: number;
  readonly stageId: string;
  readonly stageName: string;
  readonly ordinal: number;
  readonly startsOn: string | null;
  readonly dueOn: string;
  readonly overridden: boolean;
  readonly reason: string | null;
  readonly completed: boolean;
  /** How the stage counts as done: a complete checklist, the secretariat, or the calendar file; null while open. */
  readonly completedVia?: CompletionSource | null;
}

/** Replaces one cohort's calendar (deadlines, events, members, completions) in the caller's transaction. */
export async function loadCalendar(tx: Queryable, cal: Calendar, source: string): Promise<void> {
  const codes = cal.regions.map((r) => r.code);
  const known = await tx.query<{ code: string }>('SELECT code FROM regions WHERE code = ANY($1::text[])', [codes]);
  const missing = codes.filter((c) => !known.some((k) => k.code === c));
  if (missing.length > 0) {
    throw new PanduError('CALENDAR_INVALID', { issues: missing.map((c) => ({ line: 1, reason: programmeFileMessages.regionUnknown(c) })) });
  }
  for (const [i, s] of cal.stages.entries()) {
    await tx.query(
      `INSERT INTO stages (id, name, ordinal) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, ordinal = EXCLUDED.ordinal`,
      [s.id, s.name, i + 1],
    );
  }
  await tx.query('DELETE FROM deadlines WHERE cohort = $1', [cal.cohort]);
  await tx.query('DELETE FROM calendar_events WHERE cohort = $1', [cal.cohort]);
  await tx.query(
    `DELETE FROM stage_completions WHERE source = 'kalender' AND region_code IN (SELECT code FROM regions WHERE cohort = $1)`,
    [cal.cohort],
  );
  await tx.query('UPDATE regions SET cohort = NULL WHERE cohort = $1', [cal.cohort]);
  await tx.query('UPDATE regions SET cohort = $1 WHERE code = ANY($2::text[])', [cal.cohort, codes]);
  for (const s of cal.stages) {
    await tx.query(
      `INSERT INTO deadlines (cohort, stage_id, region_code, starts_on, due_on, description, source)
       VALUES ($1, $2, NULL, $3, $4, $5, $6)`,
      [cal.cohort, s.id, s.start ?? null, s.due, s.description ?? null, source],
    );
    for (const e of s.events ?? []) {
      await tx.query('INSERT INTO calendar_events (cohort, stage_id, event_on, title) VALUES ($1, $2, $3, $4)', [
        cal.cohort,
        s.id,
        e.date,
        e.title,
      ]);
    }
  }
  for (const o of cal.overrides ?? []) {
    await tx.query(
      `INSERT INTO deadlines (cohort, stage_id, region_code, due_on, reason, source) VALUES ($1, $2, $3, $4, $5, $6)`,
      [cal.cohort, o.stage, o.region, o.due, o.reason ?? null, source],
    );
  }
  for (const c of cal.completed ?? []) {
    for (const stage of c.stages) {
      await tx.query(
        `INSERT INTO stage_completions (region_code, stage_id, source) VALUES ($1, $2, 'kalender')
         ON CONFLICT (region_code, stage_id) DO NOTHING`,
        [c.region, stage],
      );
    }
  }
}

const DEADLINES_SQL = `
  SELECT r.code AS "regionCode", r.name AS "regionName", r.timezone, d.cohort, s.id AS "stageId", s.name AS "stageName",
         s.ordinal, d.starts_on AS "startsOn", COALESCE(o.due_on, d.due_on) AS "dueOn",
         (o.id IS NOT NULL) AS overridden, o.reason,
         EXISTS (SELECT 1 FROM stage_completions c WHERE c.region_code = r.code AND c.stage_id = s.id) AS completed,
         (SELECT c.source FROM stage_completions c WHERE c.region_code = r.code AND c.stage_id = s.id) AS "completedVia"
    FROM regions r
    JOIN deadlines d ON d.cohort = r.cohort AND d.region_code IS NULL
    JOIN stages s ON s.id = d.stage_id
    LEFT JOIN deadlines o ON o.cohort = d.cohort AND o.stage_id = d.stage_id AND o.region_code = r.code`;

/** Every stage deadline of a region's cohort (with its own overrides), in stage order. */
export async function regionDeadlines(db: Queryable, regionCode: string): Promise<RegionDeadline[]> {
  return db.query<RegionDeadline>(`${DEADLINES_SQL} WHERE r.code = $1 ORDER BY s.ordinal`, [regionCode]);
}

/** Deadlines of all cohort regions (for digests and reminder planning). */
export async function allRegionDeadlines(db: Queryable): Promise<RegionDeadline[]> {
  return db.query<RegionDeadline>(`${DEADLINES_SQL} ORDER BY r.code, s.ordinal`);
}

/** The deadlines of given (region, stage) pairs, as regionDeadlines() reads them: one query for a batch. */
export async function pairDeadlines(db: Queryable, regionCodes: readonly string[], stageIds: readonly string[]): Promise<RegionDeadline[]> {
  return db.query<RegionDeadline>(
    `${DEADLINES_SQL}
    JOIN unnest($1::text[], $2::text[]) AS p(region_code, stage_id) ON p.region_code = r.code AND p.stage_id = s.id`,
    [regionCodes, stageIds],
  );
}

/** Days left until a deadline in the region's own zone: 0 on the day, negative when overdue. */
export function daysLeft(d: Pick<RegionDeadline, 'dueOn' | 'timezone'>, now: Date): number {
  return daysBetween(localDate(now, d.timezone), d.dueOn);
}

/** The first stage of the region's cohort that is not completed, or null. */
export function currentStage(deadlines: readonly RegionDeadline[]): RegionDeadline | null {
  return deadlines.find((d) => !d.completed) ?? null;
}

export interface CalendarEvent {
  readonly cohort: number;
  readonly stageId: string;
  readonly eventOn: string;
  readonly title: string;
}

/** A cohort's dated activities (Bimtek days, MoU signing, presentations…) for some stages, by date. */
export async function stageEvents(db: Queryable, cohort: number, stageIds: readonly string[]): Promise<CalendarEvent[]> {
  return db.query<CalendarEvent>(
    `SELECT cohort, stage_id AS "stageId", event_on AS "eventOn", title FROM calendar_events
      WHERE cohort = $1 AND stage_id = ANY($2::text[]) ORDER BY event_on, id`,
    [cohort, [...stageIds]],
  );
}

export interface ActivitySpan {
  readonly title: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Events folded into spans: 'Pelaksanaan Bimtek I (hari 1)'…'(hari 3)' on consecutive days
 * become one 'Pelaksanaan Bimtek I' from the first to the last day.
 */
export function activitySpans(events: readonly Pick<CalendarEvent, 'eventOn' | 'title'>[]): ActivitySpan[] {
  const out: { title: string; from: string; to: string }[] = [];
  for (const e of events) {
    const base = e.title.replace(/\s*\(hari (ke-?)?\d+\)\s*$/i, '').trim();
    const last = out.at(-1);
    if (last && last.title === base && daysBetween(last.to, e.eventOn) <= 1) last.to = e.eventOn;
    else out.push({ title: base, from: e.eventOn, to: e.eventOn });
  }
  return out;
}

/** Cohort years the calendars hold, ascending. */
export async function cohortYears(db: Queryable): Promise<number[]> {
  return (await db.query<{ cohort: number }>('SELECT DISTINCT cohort FROM deadlines ORDER BY cohort')).map((r) => r.cohort);
}

/** The calendar file a cohort's deadlines were loaded from (its path and title as a document). */
export async function calendarDocument(db: Queryable, cohort: number): Promise<{ path: string; title: string } | null> {
  const [doc] = await db.query<{ path: string; title: string }>(
    `SELECT d.path, d.title FROM documents d JOIN deadlines x ON x.source = d.path WHERE x.cohort = $1 LIMIT 1`,
    [cohort],
  );
  return doc ?? null;
}

/** A cohort's own due dates (without region overrides), by stage id. */
export async function cohortDueDates(db: Queryable, cohort: number): Promise<Map<string, string>> {
  const rows = await db.query<{ stage_id: string; due_on: string }>('SELECT stage_id, due_on FROM deadlines WHERE cohort = $1 AND region_code IS NULL', [cohort]);
  return new Map(rows.map((r) => [r.stage_id, r.due_on]));
}

export interface CohortDeadline {
  readonly cohort: number;
  readonly dueOn: string;
  readonly stageName: string;
}

/** One stage's due date in every cohort, by cohort year. */
export async function stageDeadlinesByCohort(db: Queryable, stageId: string): Promise<CohortDeadline[]> {
  return db.query<CohortDeadline>(
    `SELECT d.cohort, d.due_on AS "dueOn", s.name AS "stageName" FROM deadlines d JOIN stages s ON s.id = d.stage_id
      WHERE d.stage_id = $1 AND d.region_code IS NULL ORDER BY d.cohort`,
    [stageId],
  );
}

export interface StageInfo {
  readonly id: string;
  readonly name: string;
  readonly ordinal: number;
}

/** The programme's stages in order. */
export async function stageList(db: Queryable): Promise<StageInfo[]> {
  return db.query<StageInfo>('SELECT id, name, ordinal FROM stages ORDER BY ordinal');
}
