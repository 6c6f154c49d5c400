import type { Db, Queryable } from '../db/index.ts';
import { PanduError } from '../errors.ts';
import type { Calendar } from './calendar.ts';
import type { Checklist } from './checklist.ts';
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
}

export interface ChecklistEntry {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly output: string;
  readonly required: boolean;
  readonly done: boolean;
  readonly updatedBy: string | null;
  readonly updatedAt: Date | null;
}

export interface StageChecklist {
  readonly stageId: string;
  readonly stageName: string;
  readonly items: readonly ChecklistEntry[];
  readonly done: number;
  readonly total: number;
}

/** Replaces one cohort's calendar (deadlines, events, members, completions) in the caller's transaction. */
export async function loadCalendar(tx: Queryable, cal: Calendar, source: string): Promise<void> {
  const codes = cal.regions.map((r) => r.code);
  const known = await tx.query<{ code: string }>('SELECT code FROM regions WHERE code = ANY($1::text[])', [codes]);
  const missing = codes.filter((c) => !known.some((k) => k.code === c));
  if (missing.length > 0) {
    throw new PanduError('CALENDAR_INVALID', { issues: missing.map((c) => ({ line: 1, reason: `kode wilayah ${c} tidak dikenal` })) });
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

/** Upserts a stage's checklist items; items no longer in the file are retired, progress kept. */
export async function loadChecklist(tx: Queryable, cl: Checklist): Promise<void> {
  await tx.query(
    `INSERT INTO stages (id, name, ordinal) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`,
    [cl.stage, cl.stage_name, cl.order],
  );
  for (const [i, item] of cl.items.entries()) {
    await tx.query(
      `INSERT INTO checklist_items (id, stage_id, ordinal, title, description, output, required, retired)
       VALUES ($1, $2, $3, $4, $5, $6, $7, false)
       ON CONFLICT (id) DO UPDATE SET stage_id = EXCLUDED.stage_id, ordinal = EXCLUDED.ordinal, title = EXCLUDED.title,
         description = EXCLUDED.description, output = EXCLUDED.output, required = EXCLUDED.required, retired = false`,
      [item.id, cl.stage, i + 1, item.title, item.description, item.output, item.required ?? true],
    );
  }
  await tx.query('UPDATE checklist_items SET retired = true WHERE stage_id = $1 AND NOT (id = ANY($2::text[]))', [
    cl.stage,
    cl.items.map((i) => i.id),
  ]);
}

const DEADLINES_SQL = `
  SELECT r.code AS "regionCode", r.name AS "regionName", r.timezone, d.cohort, s.id AS "stageId", s.name AS "stageName",
         s.ordinal, d.starts_on AS "startsOn", COALESCE(o.due_on, d.due_on) AS "dueOn",
         (o.id IS NOT NULL) AS overridden, o.reason,
         EXISTS (SELECT 1 FROM stage_completions c WHERE c.region_code = r.code AND c.stage_id = s.id) AS completed
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

/** Days left until a deadline in the region's own zone: 0 on the day, negative when overdue. */
export function daysLeft(d: Pick<RegionDeadline, 'dueOn' | 'timezone'>, now: Date): number {
  return daysBetween(localDate(now, d.timezone), d.dueOn);
}

/** The first stage of the region's cohort that is not completed, or null. */
export function currentStage(deadlines: readonly RegionDeadline[]): RegionDeadline | null {
  return deadlines.find((d) => !d.completed) ?? null;
}

export async function stageChecklist(db: Queryable, regionCode: string, stageId: string): Promise<StageChecklist | null> {
  const [stage] = await db.query<{ id: string; name: string }>('SELECT id, name FROM stages WHERE id = $1', [stageId]);
  if (!stage) return null;
  const items = await db.query<ChecklistEntry>(
    `SELECT i.id, i.title, i.description, i.output, i.required, COALESCE(p.done, false) AS done,
            COALESCE(p.updated_by_name, p.updated_by) AS "updatedBy", p.updated_at AS "updatedAt"
       FROM checklist_items i
       LEFT JOIN checklist_progress p ON p.item_id = i.id AND p.region_code = $1
      WHERE i.stage_id = $2 AND NOT i.retired
      ORDER BY i.ordinal`,
    [regionCode, stageId],
  );
  return {
    stageId: stage.id,
    stageName: stage.name,
    items,
    done: items.filter((i) => i.done).length,
    total: items.length,
  };
}

/**
 * Ticks or unticks an item for a region (idempotent: a double tap changes nothing).
 * When every required item of the stage is done the stage counts as completed.
 */
export async function setChecklistItem(
  db: Db,
  input: { regionCode: string; itemId: string; done: boolean; by: string; byName?: string; now?: Date },
): Promise<{ changed: boolean; stageId: string; stageCompleted: boolean }> {
  return db.transaction(async (tx) => {
    const [item] = await tx.query<{ stage_id: string }>('SELECT stage_id FROM checklist_items WHERE id = $1 AND NOT retired', [
      input.itemId,
    ]);
    if (!item) throw new PanduError('USAGE', { detail: `butir ${input.itemId} tidak dikenal` });
    const [prev] = await tx.query<{ done: boolean }>(
      'SELECT done FROM checklist_progress WHERE region_code = $1 AND item_id = $2 FOR UPDATE',
      [input.regionCode, input.itemId],
    );
    const changed = (prev?.done ?? false) !== input.done;
    if (changed) {
      await tx.query(
        `INSERT INTO checklist_progress (region_code, item_id, done, updated_by, updated_by_name, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (region_code, item_id) DO UPDATE SET done = EXCLUDED.done, updated_by = EXCLUDED.updated_by,
           updated_by_name = EXCLUDED.updated_by_name, updated_at = EXCLUDED.updated_at`,
        [input.regionCode, input.itemId, input.done, input.by, input.byName ?? null, input.now ?? new Date()],
      );
    }
    const [{ open } = { open: 1 }] = await tx.query<{ open: number }>(
      `SELECT count(*) AS open FROM checklist_items i
         LEFT JOIN checklist_progress p ON p.item_id = i.id AND p.region_code = $1
        WHERE i.stage_id = $2 AND i.required AND NOT i.retired AND NOT COALESCE(p.done, false)`,
      [input.regionCode, item.stage_id],
    );
    const stageCompleted = open === 0;
    if (stageCompleted) {
      await tx.query(
        `INSERT INTO stage_completions (region_code, stage_id, source) VALUES ($1, $2, 'checklist') ON CONFLICT DO NOTHING`,
        [input.regionCode, item.stage_id],
      );
    } else {
      await tx.query(`DELETE FROM stage_completions WHERE region_code = $1 AND stage_id = $2 AND source = 'checklist'`, [
        input.regionCode,
        item.stage_id,
      ]);
    }
    return { changed, stageId: item.stage_id, stageCompleted };
  });
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

export interface ChecklistItemInfo extends ChecklistEntry {
  readonly stageId: string;
  readonly stageName: string;
}

const ITEM_SQL = `
  SELECT i.id, i.title, i.description, i.output, i.required, i.stage_id AS "stageId", s.name AS "stageName",
         COALESCE(p.done, false) AS done, COALESCE(p.updated_by_name, p.updated_by) AS "updatedBy", p.updated_at AS "updatedAt"
    FROM checklist_items i
    JOIN stages s ON s.id = i.stage_id
    LEFT JOIN checklist_progress p ON p.item_id = i.id AND p.region_code = $1
   WHERE NOT i.retired`;

/** Checklist items by id (case-insensitive), with the region's tick, in the order asked. */
export async function checklistItemsById(db: Queryable, ids: readonly string[], regionCode: string | null): Promise<ChecklistItemInfo[]> {
  if (ids.length === 0) return [];
  const wanted = ids.map((i) => i.toUpperCase());
  const rows = await db.query<ChecklistItemInfo>(`${ITEM_SQL} AND i.id = ANY($2::text[])`, [regionCode ?? '', wanted]);
  return wanted.flatMap((id) => rows.filter((r) => r.id === id));
}

/** Every live checklist item (all stages, or one), with the region's tick. */
export async function checklistItems(db: Queryable, regionCode: string | null, stageId?: string | null): Promise<ChecklistItemInfo[]> {
  return stageId
    ? db.query<ChecklistItemInfo>(`${ITEM_SQL} AND i.stage_id = $2 ORDER BY i.ordinal`, [regionCode ?? '', stageId])
    : db.query<ChecklistItemInfo>(`${ITEM_SQL} ORDER BY s.ordinal, i.ordinal`, [regionCode ?? '']);
}
