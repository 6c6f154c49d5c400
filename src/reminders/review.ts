import type { Queryable } from '../db/index.ts';
import type { OutboxStatus } from './outbox.ts';

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

export interface OutboxListRow {
  readonly id: number;
  readonly chatRef: number;
  readonly platform: string;
  readonly chatId: string;
  readonly chatTitle: string | null;
  readonly regionCode: string;
  readonly regionName: string;
  readonly stageId: string;
  readonly stageName: string;
  readonly dueOn: string;
  readonly offset: number;
  readonly sendAt: Date;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly sentAt: Date | null;
  readonly lastError: string | null;
}

const LIST_COLUMNS = `o.id, o.chat_id AS "chatRef", c.platform, c.chat_id AS "chatId", c.title AS "chatTitle",
  o.region_code AS "regionCode", r.name AS "regionName", o.stage_id AS "stageId", s.name AS "stageName",
  o.due_on::text AS "dueOn", o.offset_days AS "offset", o.send_at AS "sendAt", o.status, o.attempts,
  o.sent_at AS "sentAt", o.last_error AS "lastError"`;
const LIST_FROM = `reminder_outbox o JOIN chats c ON c.id = o.chat_id JOIN regions r ON r.code = o.region_code
  JOIN stages s ON s.id = o.stage_id`;

function where(f: OutboxFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  const add = (cond: (n: number) => string, value: unknown) => {
    params.push(value);
    parts.push(cond(params.length));
  };
  if (f.status) add((n) => `o.status = $${n}`, f.status);
  if (f.platform) add((n) => `c.platform = $${n}`, f.platform);
  if (f.regionCode) add((n) => `o.region_code = $${n}`, f.regionCode);
  if (f.stageId) add((n) => `o.stage_id = $${n}`, f.stageId);
  if (f.from) add((n) => `o.send_at >= $${n}`, f.from.toISOString());
  if (f.to) add((n) => `o.send_at < $${n}`, f.to.toISOString());
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** One page of outbox rows, newest send time first, with the total matching the filter. */
export async function listOutbox(
  db: Queryable,
  filter: OutboxFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: OutboxListRow[]; total: number }> {
  const w = where(filter);
  const n = w.params.length;
  const [rows, [count]] = await Promise.all([
    db.query<OutboxListRow>(
      `SELECT ${LIST_COLUMNS} FROM ${LIST_FROM} ${w.sql} ORDER BY o.send_at DESC, o.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
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

/**
 * A failed row goes back to pending, due at once, with a fresh attempt count; the
 * dispatcher's next run sends it (or cancels it if the stage was completed or the chat
 * is gone meanwhile). False when the row is not (or no longer) failed.
 */
export async function retryFailed(db: Queryable, id: number, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE reminder_outbox SET status = 'pending', attempts = 0, next_attempt_at = $2, claimed_by = NULL, claimed_at = NULL
      WHERE id = $1 AND status = 'failed' RETURNING id`,
    [id, now.toISOString()],
  );
  return rows.length > 0;
}
