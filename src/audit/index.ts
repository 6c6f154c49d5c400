import type { Queryable } from '../db/index.ts';

/** Every change made through the console or an operator command: who, what, when. */

/** What was changed; the console's audit page names each in Indonesian. */
export type AuditAction =
  | 'account.create'
  | 'account.password'
  | 'account.delete'
  | 'session.login'
  | 'session.logout'
  | 'session.login_failed'
  | 'invite.create'
  | 'stage.complete'
  | 'stage.withdraw'
  | 'chat.reminders_pause'
  | 'chat.reminders_resume'
  | 'document.upload'
  | 'document.reingest'
  | 'document.delete'
  | 'reminder.retry'
  | 'privacy.delete_user'
  | 'questions.retention';

export interface AuditEntry {
  readonly id: number;
  readonly at: Date;
  /** 'konsol:sari', 'cli', 'sistem'. */
  readonly actor: string;
  readonly action: AuditAction;
  readonly target: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

export async function recordAudit(
  db: Queryable,
  entry: { at: Date; actor: string; action: AuditAction; target?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await db.query('INSERT INTO audit_log (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    entry.at.toISOString(),
    entry.actor,
    entry.action,
    entry.target ?? null,
    JSON.stringify(entry.detail ?? {}),
  ]);
}

/** One page of the audit trail, newest first, with the total. */
export async function listAudit(db: Queryable, page: { limit: number; offset: number }): Promise<{ rows: AuditEntry[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    db.query<AuditEntry>('SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT $1 OFFSET $2', [
      page.limit,
      page.offset,
    ]),
    db.query<{ total: number }>('SELECT count(*)::int AS total FROM audit_log'),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail })),
    total: count?.total ?? 0,
  };
}
