import type { Queryable } from '../db/index.ts';
import type { Draft } from './draft.ts';
import type { AskInput, FeedbackDetail } from './types.ts';

/** Writes an answered question to the `questions` log; returns its id (for feedback). */
export async function logQuestion(
  db: Queryable,
  entry: { input: AskInput; question: string; regionCode: string | null; draft: Draft; latencyMs: number; at: Date },
): Promise<number | null> {
  const { input, draft } = entry;
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO questions (platform, chat_id, user_id, region_code, question, intent, refused, answer, citations, latency_ms, asked_at, retrieved)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12::jsonb) RETURNING id`,
    [
      input.platform,
      input.chatId ?? null,
      input.userId ?? null,
      entry.regionCode,
      entry.question,
      draft.intent,
      draft.refused,
      draft.answer,
      JSON.stringify(draft.citations),
      entry.latencyMs,
      entry.at,
      draft.retrieved ? JSON.stringify(draft.retrieved) : null,
    ],
  );
  return row?.id ?? null;
}

/**
 * Stores a 👍 (1) or 👎 (-1) on a logged question; the last vote wins. A 👍 clears a
 * 👎's reason and comment; a 👎 keeps them unless new ones are given.
 */
export async function recordFeedback(db: Queryable, questionId: number, vote: 1 | -1, by: string, detail: FeedbackDetail = {}): Promise<void> {
  await db.query(
    `UPDATE questions SET feedback = $2::smallint, feedback_by = $3, feedback_at = now(),
            feedback_reason = CASE WHEN $2::smallint = 1 THEN NULL ELSE COALESCE($4::text, feedback_reason) END,
            feedback_comment = CASE WHEN $2::smallint = 1 THEN NULL ELSE COALESCE($5::text, feedback_comment) END
      WHERE id = $1`,
    [questionId, vote, by, detail.reason ?? null, detail.comment ?? null],
  );
}
