import { Where, type Queryable } from '../db/index.ts';
import type { OutboxRow, OutboxStatus } from './outbox.ts';

/**
 * The outbox as staff review it (the web console): filtered pages of rows, per-region
 * history, weekly counts, and a retry of a failed row.
 */

export interface OutboxFilter {
  readonly status?: OutboxStatus;
  readonly platform?: string;
  readonly regionCode?: string;
  readonly stageId?: string;
  /** send_at in [from, to). */
  readonly from?: Date;
  readonly to?: Date;
}

export interface OutboxListRow extends OutboxRow {
  readonly chatTitle: string | null;
  readonly regionName: string;
  readonly stageName: string;
}

const LIST_COLUMNS = `o.id, o.chat_id AS "chatRef", c.platform, c.chat_id AS "chatId", c.title AS "chatTitle",
  o.region_code AS "regionCode", r.name AS "regionName", o.stage_id AS "stageId", s.name AS "stageName",
  o.due_on::text AS "dueOn", o.offset_days AS "offset", o.send_at AS "sendAt", o.status, o.attempts,
  o.sent_at AS "sentAt", o.last_error AS "lastError"`;
const LIST_FROM = `reminder_outbox o JOIN chats c ON c.id = o.chat_id JOIN regions r ON r.code = o.region_code
  JOIN stages s ON s.id = o.stage_id`;

function whereOf(f: OutboxFilter): Where {
  const w = new Where();
  if (f.status) w.and(`o.status = ${w.param(f.status)}`);
  if (f.platform) w.and(`c.platform = ${w.param(f.platform)}`);
  if (f.regionCode) w.and(`o.region_code = ${w.param(f.regionCode)}`);
  if (f.stageId) w.and(`o.stage_id = ${w.param(f.stageId)}`);
  if (f.from) w.and(`o.send_at >= ${w.param(f.from.toISOString())}`);
  if (f.to) w.and(`o.send_at < ${w.param(f.to.toISOString())}`);
  return w;
}

/** One page of outbox rows, newest send time first, with the total matching the filter. */
export async function listOutbox(
  db: Queryable,
  filter: OutboxFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: OutboxListRow[]; total: number }> {
  const w = whereOf(filter);
  const [rows, [count]] = await Promise.all([
    db.query<OutboxListRow>(
      `SELECT ${LIST_COLUMNS} FROM ${LIST_FROM} ${w.sql} ORDER BY o.send_at DESC, o.id DESC LIMIT ${w.next(1)} OFFSET ${w.next(2)}`,
      [...w.params, page.limit, page.offset],
    ),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${LIST_FROM} ${w.sql}`, w.params),
  ]);
  return { rows, total: count?.total ?? 0 };
}

/** Sent and failed reminders with a send time in [since, until). */
export async function outboxCounts(db: Queryable, since: Date, until: Date): Promise<{ sent: number; failed: number; pending: number }> {
  const [row] = await db.query<{ sent: number; failed: number; pending: number }>(
    `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'failed')::int AS failed,
            count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS pending
       FROM reminder_outbox WHERE send_at >= $1 AND send_at < $2`,
    [since.toISOString(), until.toISOString()],
  );
  return row ?? { sent: 0, failed: 0, pending: 0 };
}

export type RetryResult = 'retried' | 'not_failed' | 'superseded';

/**
 * A failed row goes back to pending, due at once, with a fresh attempt count; the
 * dispatcher's next run sends it (or cancels it if the stage was completed or the chat
 * is gone meanwhile). A row is not retried when it is not (or no longer) failed, or when
 * a later reminder of the same stage already reached that chat or is waiting to: the
 * dispatcher would collapse the old one into it anyway.
 */
export async function retryFailed(db: Queryable, id: number, now: Date): Promise<RetryResult> {
  const rows = await db.query<{ superseded: boolean; updated: boolean }>(
    `WITH target AS (
       SELECT o.id, EXISTS (
                SELECT 1 FROM reminder_outbox n
                 WHERE n.chat_id = o.chat_id AND n.region_code = o.region_code AND n.stage_id = o.stage_id
                   AND n.send_at > o.send_at AND n.status IN ('pending', 'sending', 'sent')) AS superseded
         FROM reminder_outbox o WHERE o.id = $1 AND o.status = 'failed'),
     updated AS (
       UPDATE reminder_outbox r SET status = 'pending', attempts = 0, next_attempt_at = $2, claimed_by = NULL, claimed_at = NULL
         FROM target WHERE r.id = target.id AND NOT target.superseded RETURNING r.id)
     SELECT target.superseded, EXISTS (SELECT 1 FROM updated) AS updated FROM target`,
    [id, now.toISOString()],
  );
  const row = rows[0];
  if (!row) return 'not_failed';
  return row.updated ? 'retried' : 'superseded';
}
