import type { Answer } from '../../answer/types.ts';
import type { Queryable } from '../../db/index.ts';

/** How long a "Selengkapnya" button keeps working. */
export const REMAINDER_DAYS = 14;

/** What is kept of an answer to show it in full later. */
export type StoredAnswer = Pick<Answer, 'answer' | 'more' | 'citations' | 'understood'>;

/** Stores an answer with a remainder; returns the id its button carries. Expired ones are pruned on the way. */
export async function storeRemainder(db: Queryable, o: { chatId: string; questionId: number | null; answer: StoredAnswer; at: Date }): Promise<number> {
  await db.query('DELETE FROM answer_remainders WHERE expires_at < $1', [o.at.toISOString()]);
  const expires = new Date(o.at.getTime() + REMAINDER_DAYS * 86_400_000);
  const { answer, more, citations, understood } = o.answer;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO answer_remainders (platform, chat_id, question_id, answer, created_at, expires_at)
     VALUES ('telegram', $1, $2, $3, $4, $5) RETURNING id`,
    [o.chatId, o.questionId, JSON.stringify({ answer, more, citations, understood }), o.at.toISOString(), expires.toISOString()],
  );
  return Number(row!.id);
}

/** The stored answer behind a button, or null when it expired or belongs to another chat. */
export async function loadRemainder(db: Queryable, id: number, chatId: string, at: Date): Promise<StoredAnswer | null> {
  const [row] = await db.query<{ answer: StoredAnswer | string }>(
    `SELECT answer FROM answer_remainders WHERE id = $1 AND platform = 'telegram' AND chat_id = $2 AND expires_at >= $3`,
    [id, chatId, at.toISOString()],
  );
  if (!row) return null;
  return typeof row.answer === 'string' ? (JSON.parse(row.answer) as StoredAnswer) : row.answer;
}
