import type { Db, Queryable } from '../db/index.ts';
import type { ReminderPause } from './planner.ts';

/** Days a stage's reminders may be paused at once (/tunda 1 … /tunda 30). */
export const PAUSE_DAYS = { min: 1, max: 30 } as const;

export interface ChatPause extends ReminderPause {
  readonly stageName: string;
  readonly pausedBy: string;
}

/** Pauses still running at `now`, for the planner. */
export async function loadPauses(db: Queryable, now: Date): Promise<ReminderPause[]> {
  return db.query<ReminderPause>(`SELECT chat_ref AS "chatRef", stage_id AS "stageId", until FROM reminder_pauses WHERE until > $1`, [now.toISOString()]);
}

/** One chat's running pauses, with stage names (for /pengingat). */
export async function chatPauses(db: Queryable, chatRef: number, now: Date): Promise<ChatPause[]> {
  return db.query<ChatPause>(
    `SELECT p.chat_ref AS "chatRef", p.stage_id AS "stageId", p.until, s.name AS "stageName", p.paused_by AS "pausedBy"
       FROM reminder_pauses p JOIN stages s ON s.id = p.stage_id
      WHERE p.chat_ref = $1 AND p.until > $2 ORDER BY s.ordinal`,
    [chatRef, now.toISOString()],
  );
}

/**
 * Pauses a stage's reminders for a chat until `until` (replacing an earlier pause), and
 * cancels what was already queued inside the pause, in one transaction.
 */
export async function pauseReminders(db: Db, p: { chatRef: number; stageId: string; until: Date; by: string; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO reminder_pauses (chat_ref, stage_id, until, paused_by, paused_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (chat_ref, stage_id) DO UPDATE SET until = EXCLUDED.until, paused_by = EXCLUDED.paused_by, paused_at = EXCLUDED.paused_at`,
      [p.chatRef, p.stageId, p.until.toISOString(), p.by, p.now.toISOString()],
    );
    await tx.query(
      `UPDATE reminder_outbox SET status = 'cancelled', last_error = 'ditunda lewat /tunda'
        WHERE chat_id = $1 AND stage_id = $2 AND status = 'pending' AND send_at < $3`,
      [p.chatRef, p.stageId, p.until.toISOString()],
    );
  });
}

/** Lifts a chat's pauses (/tunda batal); returns how many were running. */
export async function resumeReminders(db: Queryable, chatRef: number, now: Date): Promise<number> {
  const rows = await db.query('DELETE FROM reminder_pauses WHERE chat_ref = $1 AND until > $2 RETURNING stage_id', [chatRef, now.toISOString()]);
  return rows.length;
}

/** Every running pause with its chat and region (the staff digest lists paused groups). */
export async function runningPauses(db: Queryable, now: Date): Promise<Array<ChatPause & { platform: string; chatId: string; chatTitle: string | null; regionName: string | null }>> {
  return db.query(
    `SELECT p.chat_ref AS "chatRef", p.stage_id AS "stageId", p.until, s.name AS "stageName", p.paused_by AS "pausedBy",
            c.platform, c.chat_id AS "chatId", c.title AS "chatTitle", r.name AS "regionName"
       FROM reminder_pauses p JOIN stages s ON s.id = p.stage_id JOIN chats c ON c.id = p.chat_ref
       LEFT JOIN regions r ON r.code = c.region_code
      WHERE p.until > $1 ORDER BY p.until`,
    [now.toISOString()],
  );
}
