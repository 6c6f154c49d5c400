import type { Db, Queryable } from '../db/index.ts';
import { PanduError } from '../errors.ts';

/** Where a completion comes from: the calendar file, a complete checklist, or the secretariat. */
export type CompletionSource = 'kalender' | 'checklist' | 'sekretariat';

export interface StageCompletion {
  readonly stageId: string;
  readonly source: CompletionSource;
  readonly completedAt: Date;
  readonly completedBy: string | null;
  readonly note: string | null;
}

/** How each completed stage of a region was completed. */
export async function stageCompletions(db: Queryable, regionCode: string): Promise<StageCompletion[]> {
  return db.query<StageCompletion>(
    `SELECT stage_id AS "stageId", source, completed_at AS "completedAt", completed_by AS "completedBy", note
       FROM stage_completions WHERE region_code = $1`,
    [regionCode],
  );
}

/**
 * The secretariat confirms a stage done for a region (with a note). Reminders stop and
 * `/status` shows it at once. A stage already completed another way keeps that record;
 * false is returned then.
 */
export async function confirmStageComplete(
  db: Db,
  input: { regionCode: string; stageId: string; by: string; note: string; now: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [known] = await tx.query<{ ok: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM regions r JOIN deadlines d ON d.cohort = r.cohort AND d.region_code IS NULL
                       WHERE r.code = $1 AND d.stage_id = $2) AS ok`,
      [input.regionCode, input.stageId],
    );
    if (!known?.ok) throw new PanduError('USAGE', { detail: `tahap ${input.stageId} tidak ada di kalender angkatan wilayah ${input.regionCode}` });
    const rows = await tx.query(
      `INSERT INTO stage_completions (region_code, stage_id, completed_at, source, completed_by, note)
       VALUES ($1, $2, $3, 'sekretariat', $4, $5) ON CONFLICT (region_code, stage_id) DO NOTHING RETURNING stage_id`,
      [input.regionCode, input.stageId, input.now, input.by, input.note],
    );
    return rows.length > 0;
  });
}

/** Withdraws a completion the secretariat confirmed (a mistake); other sources are not touched. */
export async function withdrawStageComplete(db: Queryable, input: { regionCode: string; stageId: string }): Promise<boolean> {
  const rows = await db.query(
    `DELETE FROM stage_completions WHERE region_code = $1 AND stage_id = $2 AND source = 'sekretariat' RETURNING stage_id`,
    [input.regionCode, input.stageId],
  );
  return rows.length > 0;
}
