import type { Db, Queryable } from '../db/index.ts';
import { PanduError } from '../errors.ts';
import type { Checklist } from './checklist.ts';

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

/** The checklist document of a stage (its path and title), if one was ingested. */
export async function checklistDocument(db: Queryable, stageId: string): Promise<{ path: string; title: string } | null> {
  const [doc] = await db.query<{ path: string; title: string }>(
    `SELECT d.path, d.title FROM documents d WHERE d.kind = 'checklist' AND d.path LIKE $1 LIMIT 1`,
    [`%${stageId}%`],
  );
  return doc ?? null;
}
