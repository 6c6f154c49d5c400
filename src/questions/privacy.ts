import { recordAudit } from '../audit/index.ts';
import { forgetUser } from '../conversation/index.ts';
import type { Db } from '../db/index.ts';

export type PersonPlatform = 'telegram' | 'slack';

export interface DeletionCounts {
  readonly questions: number;
  /** 👍/👎 votes the person gave (on their own questions or others'). */
  readonly feedback: number;
  readonly conversationTurns: number;
}

/** How each platform stores who voted: Telegram the bare user id, Slack 'slack:U…'. */
const voterKey = (p: { platform: PersonPlatform; userId: string }) => (p.platform === 'slack' ? `slack:${p.userId}` : p.userId);

/**
 * Deletes one person's data on request (UU 27/2022): the questions they asked, the
 * feedback they gave, and their conversation memory, in one transaction. Their votes on
 * other people's questions are cleared (the question stays). Recorded in the audit log.
 */
export async function deletePersonData(
  db: Db,
  person: { platform: PersonPlatform; userId: string },
  o: { actor: string; now: Date },
): Promise<DeletionCounts> {
  const voter = voterKey(person);
  return db.transaction(async (tx) => {
    const [votes] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM questions WHERE feedback_by = $1 AND feedback IS NOT NULL', [voter]);
    const questions = await tx.query('DELETE FROM questions WHERE platform = $1 AND user_id = $2 RETURNING id', [person.platform, person.userId]);
    await tx.query(
      `UPDATE questions SET feedback = NULL, feedback_by = NULL, feedback_at = NULL, feedback_reason = NULL, feedback_comment = NULL
        WHERE feedback_by = $1`,
      [voter],
    );
    const conversationTurns = await forgetUser(tx, person);
    const counts = { questions: questions.length, feedback: votes?.n ?? 0, conversationTurns };
    await recordAudit(tx, { at: o.now, actor: o.actor, action: 'privacy.delete_user', target: person.platform, detail: counts });
    return counts;
  });
}
