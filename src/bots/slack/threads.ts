import type { Queryable } from '../../db/index.ts';

/**
 * The threads Pandu has joined (answered in). A human message in a joined thread is a
 * follow-up; a thread Pandu never answered in is other people's conversation.
 */
export async function joinThread(db: Queryable, channel: string, threadTs: string, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO slack_threads (channel, thread_ts, joined_at) VALUES ($1, $2, $3)
     ON CONFLICT (channel, thread_ts) DO UPDATE SET joined_at = EXCLUDED.joined_at`,
    [channel, threadTs, at.toISOString()],
  );
}

export async function hasJoined(db: Queryable, channel: string, threadTs: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM slack_threads WHERE channel = $1 AND thread_ts = $2', [channel, threadTs]);
  return rows.length > 0;
}

/** Forgets threads quiet for longer than `days` (a very late reply then needs a mention again). */
export async function pruneThreads(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM slack_threads WHERE joined_at < $1', [before.toISOString()]);
}
