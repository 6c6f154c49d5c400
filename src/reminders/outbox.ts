import type { Db, Queryable } from '../db/index.ts';
import type { PlannedReminder, ReminderPlatform } from './planner.ts';

/**
 * The reminder outbox: one row per (deadline, chat, offset). Enqueueing is idempotent,
 * claiming uses FOR UPDATE SKIP LOCKED so several dispatchers (processes) can share it,
 * and every state change is one short statement.
 *
 * Row life: pending → sending (claimed) → sent | pending again (retry) | failed;
 * pending → skipped (an older slot collapsed into a newer one after downtime) or
 * cancelled (stage completed, calendar moved the deadline, chat gone or reminders off).
 */

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped' | 'cancelled';

export interface ClaimedRow {
  readonly id: number;
  /** chats.id */
  readonly chatRef: number;
  readonly platform: ReminderPlatform;
  readonly chatId: string;
  readonly chatActive: boolean;
  readonly chatRemindersEnabled: boolean;
  readonly chatRegion: string | null;
  readonly regionCode: string;
  readonly stageId: string;
  readonly dueOn: string;
  readonly offset: number;
  readonly sendAt: Date;
  /** Including this claim. */
  readonly attempts: number;
  /** The row was left in 'sending' by a dispatcher that died (or overran its lease). */
  readonly reclaimed: boolean;
}

export interface EnqueueResult {
  readonly inserted: number;
  /** Pending rows whose send time moved (zone or policy changed). */
  readonly rescheduled: number;
  /** Pending rows of a deadline whose due date moved. */
  readonly cancelled: number;
}

/**
 * Writes planned reminders into the outbox. Re-running with the same plan changes
 * nothing; a moved deadline cancels the pending rows of its old date.
 */
export async function enqueueReminders(db: Db, planned: readonly PlannedReminder[]): Promise<EnqueueResult> {
  if (planned.length === 0) return { inserted: 0, rescheduled: 0, cancelled: 0 };
  return db.transaction(async (tx) => {
    const cancelled = await cancelMovedDeadlines(tx, planned);
    const rows = await tx.query<{ inserted: boolean }>(
      `INSERT INTO reminder_outbox (chat_id, region_code, stage_id, due_on, offset_days, send_at)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::date[], $5::int[], $6::timestamptz[])
       ON CONFLICT (region_code, stage_id, due_on, chat_id, offset_days) DO UPDATE SET send_at = EXCLUDED.send_at
         WHERE reminder_outbox.status = 'pending' AND reminder_outbox.attempts = 0
           AND reminder_outbox.send_at <> EXCLUDED.send_at
       RETURNING (xmax = 0) AS inserted`,
      [
        planned.map((p) => p.chat.id),
        planned.map((p) => p.regionCode),
        planned.map((p) => p.stageId),
        planned.map((p) => p.dueOn),
        planned.map((p) => p.offset),
        planned.map((p) => p.sendAt.toISOString()),
      ],
    );
    const inserted = rows.filter((r) => r.inserted).length;
    return { inserted, rescheduled: rows.length - inserted, cancelled };
  });
}

async function cancelMovedDeadlines(tx: Queryable, planned: readonly PlannedReminder[]): Promise<number> {
  const keys = new Map<string, PlannedReminder>();
  for (const p of planned) keys.set(`${p.chat.id}|${p.regionCode}|${p.stageId}`, p);
  const list = [...keys.values()];
  const rows = await tx.query(
    `UPDATE reminder_outbox o SET status = 'cancelled', last_error = 'tenggat berubah menjadi ' || p.due_on
       FROM unnest($1::int[], $2::text[], $3::text[], $4::date[]) AS p(chat_id, region_code, stage_id, due_on)
      WHERE o.status = 'pending' AND o.chat_id = p.chat_id AND o.region_code = p.region_code
        AND o.stage_id = p.stage_id AND o.due_on <> p.due_on
      RETURNING o.id`,
    [list.map((p) => p.chat.id), list.map((p) => p.regionCode), list.map((p) => p.stageId), list.map((p) => p.dueOn)],
  );
  return rows.length;
}

/**
 * Catch-up: of the reminders already due for one chat and stage, only the most recent
 * is sent; older pending ones are marked skipped. A slot is also skipped when a later
 * slot of the same stage was already sent (for example before the deadline moved).
 */
export async function collapseMissed(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query(
    `UPDATE reminder_outbox o SET status = 'skipped', last_error = 'digabung dengan pengingat yang lebih baru'
      WHERE o.status = 'pending' AND o.send_at <= $1
        AND EXISTS (
          SELECT 1 FROM reminder_outbox n
           WHERE n.chat_id = o.chat_id AND n.region_code = o.region_code AND n.stage_id = o.stage_id
             AND n.id <> o.id AND n.send_at <= $1 AND n.send_at > o.send_at
             AND n.status IN ('pending', 'sending', 'sent', 'failed'))
      RETURNING o.id`,
    [now.toISOString()],
  );
  return rows.length;
}

export interface ClaimOptions {
  readonly now: Date;
  /** Who claims: one id per process. */
  readonly claimer: string;
  readonly platforms: readonly ReminderPlatform[];
  readonly limit: number;
  /** Rows left in 'sending' longer than this are taken over (their dispatcher died). */
  readonly leaseMs: number;
  /**
   * True when no other process can be dispatching (embedded database: one process owns
   * the folder), so rows claimed by any other process id are orphans from a crash.
   */
  readonly exclusive: boolean;
}

/** Claims due rows in one short transaction: status 'sending', claimed_by, claimed_at, attempts + 1. */
export async function claimDue(db: Db, o: ClaimOptions): Promise<ClaimedRow[]> {
  if (o.platforms.length === 0 || o.limit <= 0) return [];
  const leaseCutoff = new Date(o.now.getTime() - o.leaseMs).toISOString();
  return db.transaction((tx) =>
    tx.query<ClaimedRow>(
      `WITH due AS (
         SELECT o.id, (o.status = 'sending') AS reclaimed
           FROM reminder_outbox o JOIN chats c ON c.id = o.chat_id
          WHERE c.platform = ANY($3::text[])
            AND ((o.status = 'pending' AND o.send_at <= $1 AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= $1))
              OR (o.status = 'sending' AND (o.claimed_at < $4 OR ($5 AND o.claimed_by <> $2))))
          ORDER BY o.send_at, o.id
          LIMIT $6
          FOR UPDATE OF o SKIP LOCKED)
       UPDATE reminder_outbox o
          SET status = 'sending', claimed_by = $2, claimed_at = $1, attempts = o.attempts + 1
         FROM due, chats c
        WHERE o.id = due.id AND c.id = o.chat_id
       RETURNING o.id, o.chat_id AS "chatRef", c.platform, c.chat_id AS "chatId", c.active AS "chatActive",
                 c.reminders_enabled AS "chatRemindersEnabled", c.region_code AS "chatRegion",
                 o.region_code AS "regionCode", o.stage_id AS "stageId", o.due_on AS "dueOn",
                 o.offset_days AS "offset", o.send_at AS "sendAt", o.attempts, due.reclaimed`,
      [o.now.toISOString(), o.claimer, o.platforms, leaseCutoff, o.exclusive, o.limit],
    ),
  );
}

/** The earliest time a pending row of these platforms becomes due again, or null. */
export async function nextRetryAt(db: Queryable, platforms: readonly ReminderPlatform[], now: Date): Promise<Date | null> {
  const [row] = await db.query<{ at: Date | null }>(
    `SELECT min(o.next_attempt_at) AS at FROM reminder_outbox o JOIN chats c ON c.id = o.chat_id
      WHERE o.status = 'pending' AND o.send_at <= $1 AND o.next_attempt_at > $1 AND c.platform = ANY($2::text[])`,
    [now.toISOString(), platforms],
  );
  return row?.at ? new Date(row.at) : null;
}

/** Guarded by claimed_by: a dispatcher only settles rows it still holds. */
const HELD = `id = $1 AND status = 'sending' AND claimed_by = $2`;

export async function markSent(db: Queryable, id: number, claimer: string, at: Date, messageId?: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE reminder_outbox SET status = 'sent', sent_at = $3, message_id = $4, last_error = NULL, next_attempt_at = NULL
      WHERE ${HELD} RETURNING id`,
    [id, claimer, at.toISOString(), messageId ?? null],
  );
  return rows.length === 1;
}

/** Back to pending, due again at `at`; `countAttempt: false` for rate limits (not the row's fault). */
export async function markRetry(
  db: Queryable,
  id: number,
  claimer: string,
  input: { at: Date; error: string; countAttempt: boolean },
): Promise<void> {
  await db.query(
    `UPDATE reminder_outbox SET status = 'pending', next_attempt_at = $3, last_error = $4,
            attempts = attempts - CASE WHEN $5 THEN 0 ELSE 1 END, claimed_by = NULL, claimed_at = NULL
      WHERE ${HELD}`,
    [id, claimer, input.at.toISOString(), input.error, input.countAttempt],
  );
}

export async function markFinal(
  db: Queryable,
  id: number,
  claimer: string,
  input: { status: 'failed' | 'cancelled' | 'skipped'; error: string },
): Promise<void> {
  await db.query(`UPDATE reminder_outbox SET status = $3, last_error = $4, next_attempt_at = NULL WHERE ${HELD}`, [
    id,
    claimer,
    input.status,
    input.error,
  ]);
}

/**
 * The bot was blocked or removed, or the chat is gone: the chat is deactivated (it shows
 * in the digest) and its other pending reminders are cancelled.
 */
export async function deactivateChat(db: Db, input: { chatRef: number; reason: string; at: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE chats SET active = false, deactivated_at = $2, deactivated_reason = $3 WHERE id = $1 AND active`,
      [input.chatRef, input.at.toISOString(), input.reason],
    );
    await tx.query(
      `UPDATE reminder_outbox SET status = 'cancelled', last_error = 'grup dinonaktifkan: ' || $2
        WHERE chat_id = $1 AND status = 'pending'`,
      [input.chatRef, input.reason],
    );
  });
}

export interface OutboxRow {
  readonly id: number;
  readonly chatRef: number;
  readonly platform: string;
  readonly chatId: string;
  readonly regionCode: string;
  readonly stageId: string;
  readonly dueOn: string;
  readonly offset: number;
  readonly sendAt: Date;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly sentAt: Date | null;
  readonly lastError: string | null;
}

const ROW_COLUMNS = `o.id, o.chat_id AS "chatRef", c.platform, c.chat_id AS "chatId", o.region_code AS "regionCode",
  o.stage_id AS "stageId", o.due_on AS "dueOn", o.offset_days AS "offset", o.send_at AS "sendAt", o.status,
  o.attempts, o.sent_at AS "sentAt", o.last_error AS "lastError"`;

/** Every outbox row (tests, `reminders plan` against what was already sent). */
export async function outboxRows(db: Queryable): Promise<OutboxRow[]> {
  return db.query<OutboxRow>(
    `SELECT ${ROW_COLUMNS} FROM reminder_outbox o JOIN chats c ON c.id = o.chat_id ORDER BY o.send_at, o.id`,
  );
}

export interface ReminderProblem {
  readonly kind: 'failed' | 'deactivated';
  readonly platform: string;
  readonly chatId: string;
  readonly chatTitle: string | null;
  readonly regionCode: string | null;
  readonly stageId: string | null;
  readonly dueOn: string | null;
  readonly at: Date;
  readonly reason: string | null;
}

/**
 * What the digest reports: reminders that failed and chats deactivated since `since`
 * (blocked or removed bot, chat gone).
 */
export async function reminderProblems(db: Queryable, since: Date): Promise<ReminderProblem[]> {
  return db.query<ReminderProblem>(
    `SELECT 'deactivated' AS kind, c.platform, c.chat_id AS "chatId", c.title AS "chatTitle", c.region_code AS "regionCode",
            NULL AS "stageId", NULL::text AS "dueOn", c.deactivated_at AS at, c.deactivated_reason AS reason
       FROM chats c WHERE NOT c.active AND c.deactivated_at >= $1
     UNION ALL
     SELECT 'failed', c.platform, c.chat_id, c.title, o.region_code, o.stage_id, o.due_on::text,
            COALESCE(o.claimed_at, o.send_at), o.last_error
       FROM reminder_outbox o JOIN chats c ON c.id = o.chat_id
      WHERE o.status = 'failed' AND COALESCE(o.claimed_at, o.send_at) >= $1
      ORDER BY at`,
    [since.toISOString()],
  );
}
