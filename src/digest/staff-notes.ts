/**
 * What the digest tells staff to act on from users' side: answers rated 👎 (with the reason,
 * the comment and the cited documents, so the corpus can be fixed) and groups that paused
 * a stage's reminders (/tunda).
 */
import type { Queryable } from '../db/index.ts';
import { runningPauses } from '../reminders/pauses.ts';

export interface DownvotedAnswer {
  readonly question: string;
  readonly answer: string;
  readonly platform: string;
  readonly at: Date;
  /** Why it got 👎 ('salah', 'kurang_lengkap', 'tidak_relevan'), and the voter's comment. */
  readonly reason: string | null;
  readonly comment: string | null;
  /** Titles of the documents the answer cited, so staff know what to fix. */
  readonly documents: readonly string[];
}

export interface PausedChat {
  readonly platform: string;
  readonly chat: string;
  readonly regionName: string | null;
  readonly stageName: string;
  readonly until: Date;
}

/** Chats that paused a stage's reminders (/tunda), soonest resuming first. */
export async function pausedChats(db: Queryable, now: Date): Promise<PausedChat[]> {
  return (await runningPauses(db, now)).map((p) => ({ platform: p.platform, chat: p.chatTitle ?? p.chatId, regionName: p.regionName, stageName: p.stageName, until: p.until }));
}

/** Answers rated 👎 in the window, newest first, with the reason, comment and cited documents. */
export async function downvotedAnswers(db: Queryable, window: readonly string[]): Promise<DownvotedAnswer[]> {
  const rows = await db.query<Omit<DownvotedAnswer, 'documents'> & { citations: unknown }>(
    `SELECT COALESCE(btrim(question), '') AS question, COALESCE(answer, '') AS answer, platform, feedback_at AS at,
            feedback_reason AS reason, feedback_comment AS comment, citations
       FROM questions WHERE feedback = -1 AND feedback_at >= $1 AND feedback_at < $2
      ORDER BY feedback_at DESC`,
    [...window],
  );
  return rows.map(({ citations, ...r }) => {
    const list = (typeof citations === 'string' ? JSON.parse(citations) : citations) as Array<{ title?: string }> | null;
    return { ...r, documents: [...new Set((list ?? []).map((c) => c.title).filter((x): x is string => !!x))] };
  });
}
