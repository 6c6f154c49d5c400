import { Cron } from 'croner';
import type { Db } from '../db/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Logger } from '../log.ts';

/**
 * Deletes the texts of questions asked more than `days` ago: the question, the answer,
 * the feedback comment, the retrieved passages and the chat and user ids. The row stays
 * (date, platform, region, intent, refused, vote and reason), so counts over time hold.
 * Idempotent; returns how many questions lost their texts.
 */
export async function pruneQuestionTexts(db: Db, o: { now: Date; days: number }): Promise<number> {
  const cutoff = new Date(o.now.getTime() - o.days * 86_400_000);
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `UPDATE questions SET question = NULL, answer = NULL, feedback_comment = NULL, retrieved = NULL,
              chat_id = NULL, user_id = NULL, feedback_by = NULL, text_deleted_at = $2
        WHERE asked_at < $1 AND text_deleted_at IS NULL RETURNING id`,
      [cutoff.toISOString(), o.now.toISOString()],
    );
    if (rows.length > 0) {
      // The texts kept for 'Selengkapnya' and the comment prompts go with the question's texts.
      const ids = rows.map((r) => r.id);
      await tx.query('DELETE FROM answer_remainders WHERE question_id = ANY($1::int[])', [ids]);
      await tx.query('DELETE FROM feedback_prompts WHERE question_id = ANY($1::int[])', [ids]);
      await recordAudit(tx, { at: o.now, actor: 'sistem', action: 'questions.retention', detail: { questions: rows.length, days: o.days } });
    }
    return rows.length;
  });
}

export interface RetentionJob {
  /** Runs the pruning now (also what the daily schedule calls). */
  runOnce(): Promise<number>;
  /** The next scheduled run. */
  nextRun(): Date | null;
  stop(): void;
}

/**
 * The daily retention job: once at start (catching up after downtime), then every day
 * at 02:30 in the staff zone. A failed run is logged and tried again the next day.
 */
export function startRetentionJob(o: {
  db: Db;
  logger: Logger;
  days: number;
  timezone: string;
  now?: () => Date;
  pattern?: string;
}): RetentionJob {
  const log = o.logger.child({ module: 'retention' });
  const now = o.now ?? (() => new Date());
  const runOnce = async () => {
    const removed = await pruneQuestionTexts(o.db, { now: now(), days: o.days });
    if (removed > 0) log.info({ questions: removed, days: o.days }, 'question texts past retention deleted');
    return removed;
  };
  const run = () =>
    runOnce().catch((err: unknown) => {
      log.error({ err }, 'question retention failed; trying again at the next run');
      return 0;
    });
  const job = new Cron(o.pattern ?? '30 2 * * *', { timezone: o.timezone, protect: true }, () => void run());
  void run();
  return { runOnce, nextRun: () => job.nextRun(), stop: () => job.stop() };
}
