import type { Queryable } from '../db/index.ts';
import type { Entities } from './entities.ts';

/** One question of a conversation, as remembered. */
export interface Turn {
  readonly question: string;
  readonly standalone: string;
  readonly entities: Entities;
  readonly intent: string | null;
  readonly rewritten: boolean;
  readonly at: Date;
  /** Who asked ('telegram:501'), so one person's memory can be deleted on request. */
  readonly userKey?: string | null;
}

interface TurnRow {
  question: string;
  standalone: string;
  entities: Entities | string;
  intent: string | null;
  rewritten: boolean;
  at: Date | string;
}

const toTurn = (r: TurnRow): Turn => ({
  question: r.question,
  standalone: r.standalone,
  entities: typeof r.entities === 'string' ? (JSON.parse(r.entities) as Entities) : r.entities,
  intent: r.intent,
  rewritten: r.rewritten,
  at: new Date(r.at),
});

/**
 * The session's last turns, newest first; empty when the newest is older than the
 * silence period (the conversation has expired) or the session was cleared.
 */
export async function recentTurns(db: Queryable, sessionId: string, o: { now: Date; silenceMs: number; limit: number }): Promise<Turn[]> {
  const rows = await db.query<TurnRow>(
    `SELECT question, standalone, entities, intent, rewritten, at FROM conversation_turns
      WHERE session_id = $1 AND at <= $2 ORDER BY at DESC, id DESC LIMIT $3`,
    [sessionId, o.now, o.limit],
  );
  const turns = rows.map(toTurn);
  const newest = turns[0];
  if (!newest || o.now.getTime() - newest.at.getTime() > o.silenceMs) return [];
  // Only the unbroken run of turns: a gap longer than the silence period ended an earlier conversation.
  const live: Turn[] = [newest];
  for (const t of turns.slice(1)) {
    if (live[live.length - 1]!.at.getTime() - t.at.getTime() > o.silenceMs) break;
    live.push(t);
  }
  return live;
}

/** Remembers a turn and keeps only the session's last `keep` turns. */
export async function saveTurn(db: Queryable, sessionId: string, turn: Turn, keep: number): Promise<void> {
  await db.query(
    `INSERT INTO conversation_turns (session_id, at, question, standalone, entities, intent, rewritten, user_key)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
    [sessionId, turn.at, turn.question, turn.standalone, JSON.stringify(turn.entities), turn.intent, turn.rewritten, turn.userKey ?? null],
  );
  await db.query(
    `DELETE FROM conversation_turns WHERE session_id = $1 AND id NOT IN
       (SELECT id FROM conversation_turns WHERE session_id = $1 ORDER BY at DESC, id DESC LIMIT $2)`,
    [sessionId, keep],
  );
}

/**
 * Forgets a conversation (Telegram /baru). With `nested`, also every session under it:
 * 'telegram:-100123' clears the group's reply chains 'telegram:-100123:…' too.
 */
export async function forgetSession(db: Queryable, sessionId: string, o: { nested?: boolean } = {}): Promise<number> {
  const rows = await db.query(
    o.nested
      ? `DELETE FROM conversation_turns WHERE session_id = $1 OR starts_with(session_id, $1 || ':') RETURNING id`
      : `DELETE FROM conversation_turns WHERE session_id = $1 RETURNING id`,
    [sessionId],
  );
  return rows.length;
}

/** Drops turns and message links older than `before` (they can no longer matter). */
export async function pruneConversations(db: Queryable, before: Date): Promise<void> {
  await db.query('DELETE FROM conversation_turns WHERE at < $1', [before]);
  await db.query('DELETE FROM conversation_links WHERE at < $1', [before]);
}

/** Records which session produced a message Pandu sent (Telegram group reply chains). */
export async function linkMessages(
  db: Queryable,
  link: { platform: string; chatId: string; messageIds: readonly (string | number)[]; sessionId: string; at: Date },
): Promise<void> {
  for (const id of link.messageIds) {
    await db.query(
      `INSERT INTO conversation_links (platform, chat_id, message_id, session_id, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (platform, chat_id, message_id) DO UPDATE SET session_id = EXCLUDED.session_id, at = EXCLUDED.at`,
      [link.platform, link.chatId, String(id), link.sessionId, link.at],
    );
  }
}

/** The session a message of Pandu belongs to, or null when it is not (or no longer) known. */
export async function linkedSession(db: Queryable, platform: string, chatId: string, messageId: string | number): Promise<string | null> {
  const [row] = await db.query<{ session_id: string }>(
    'SELECT session_id FROM conversation_links WHERE platform = $1 AND chat_id = $2 AND message_id = $3',
    [platform, chatId, String(messageId)],
  );
  return row?.session_id ?? null;
}

/**
 * Forgets everything one person said (a deletion on request): the turns they asked, and
 * their Telegram private chat's conversation (whose chat id is their user id).
 */
export async function forgetUser(db: Queryable, user: { platform: string; userId: string }): Promise<number> {
  const rows = await db.query(
    `DELETE FROM conversation_turns
      WHERE user_key = $1 OR ($2 = 'telegram' AND (session_id = $1 OR starts_with(session_id, $1 || ':')))
      RETURNING id`,
    [`${user.platform}:${user.userId}`, user.platform],
  );
  return rows.length;
}
