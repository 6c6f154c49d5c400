import type { Queryable } from '../db/index.ts';

/** A Telegram chat as Pandu knows it: its region binding and reminder opt-in. */
export interface ChatBinding {
  readonly id: number;
  readonly regionCode: string | null;
  readonly regionName: string | null;
  readonly timezone: string | null;
  readonly cohort: number | null;
  readonly remindersEnabled: boolean;
  readonly active: boolean;
}

const PLATFORM = 'telegram';

export async function findChat(db: Queryable, chatId: string): Promise<ChatBinding | null> {
  const [row] = await db.query<ChatBinding>(
    `SELECT c.id, c.region_code AS "regionCode", r.name AS "regionName", r.timezone, r.cohort,
            c.reminders_enabled AS "remindersEnabled", c.active
       FROM chats c LEFT JOIN regions r ON r.code = c.region_code
      WHERE c.platform = $1 AND c.chat_id = $2`,
    [PLATFORM, chatId],
  );
  return row ?? null;
}

/** Removes the region binding; returns false when the chat was not bound. */
export async function unbindChat(db: Queryable, chatId: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE chats SET region_code = NULL, bound_by = NULL, bound_at = NULL
      WHERE platform = $1 AND chat_id = $2 AND region_code IS NOT NULL RETURNING id`,
    [PLATFORM, chatId],
  );
  return rows.length > 0;
}

export async function setRemindersEnabled(db: Queryable, chatId: string, enabled: boolean): Promise<boolean> {
  const rows = await db.query(
    `UPDATE chats SET reminders_enabled = $3 WHERE platform = $1 AND chat_id = $2 AND region_code IS NOT NULL RETURNING id`,
    [PLATFORM, chatId, enabled],
  );
  return rows.length > 0;
}

/** The bot was removed or blocked (active = false), or is back (active = true). */
export async function setChatActive(db: Queryable, chatId: string, active: boolean, reason: string, at: Date): Promise<void> {
  if (active) {
    await db.query(
      `UPDATE chats SET active = true, deactivated_at = NULL, deactivated_reason = NULL
        WHERE platform = $1 AND chat_id = $2 AND NOT active`,
      [PLATFORM, chatId],
    );
  } else {
    await db.query(
      `UPDATE chats SET active = false, deactivated_at = $3, deactivated_reason = $4
        WHERE platform = $1 AND chat_id = $2 AND active`,
      [PLATFORM, chatId, at, reason],
    );
  }
}

/** A group became a supergroup with a new id: the binding moves with it. */
export async function migrateChat(db: Queryable, fromChatId: string, toChatId: string): Promise<void> {
  await db.query(
    `UPDATE chats SET chat_id = $3
      WHERE platform = $1 AND chat_id = $2
        AND NOT EXISTS (SELECT 1 FROM chats WHERE platform = $1 AND chat_id = $3)`,
    [PLATFORM, fromChatId, toChatId],
  );
}

/** A chat of any platform as the console lists it. */
export interface ChatRow {
  readonly id: number;
  readonly platform: string;
  readonly chatId: string;
  readonly title: string | null;
  readonly regionCode: string | null;
  readonly active: boolean;
  readonly remindersEnabled: boolean;
  readonly boundBy: string | null;
  readonly boundAt: Date | null;
  readonly deactivatedAt: Date | null;
  readonly deactivatedReason: string | null;
  readonly regionName: string | null;
}

const CHAT_ROW = `SELECT c.id, c.platform, c.chat_id AS "chatId", c.title, c.region_code AS "regionCode", c.active,
  c.reminders_enabled AS "remindersEnabled", c.bound_by AS "boundBy", c.bound_at AS "boundAt",
  c.deactivated_at AS "deactivatedAt", c.deactivated_reason AS "deactivatedReason", r.name AS "regionName"
  FROM chats c LEFT JOIN regions r ON r.code = c.region_code`;

/** Every chat bound to a region, active ones first. */
export async function regionChats(db: Queryable, regionCode: string): Promise<ChatRow[]> {
  return db.query<ChatRow>(`${CHAT_ROW} WHERE c.region_code = $1 ORDER BY c.active DESC, c.bound_at DESC NULLS LAST, c.id`, [regionCode]);
}

export async function chatById(db: Queryable, id: number): Promise<ChatRow | null> {
  return (await db.query<ChatRow>(`${CHAT_ROW} WHERE c.id = $1`, [id]))[0] ?? null;
}

/** Chats that blocked or removed the bot (or are gone), newest first. */
export async function deactivatedChats(db: Queryable, limit = 200): Promise<ChatRow[]> {
  return db.query<ChatRow>(`${CHAT_ROW} WHERE NOT c.active ORDER BY c.deactivated_at DESC NULLS LAST, c.id DESC LIMIT $1`, [limit]);
}

/** Pauses or resumes reminders of a bound chat by its row id (any platform); false when not bound. */
export async function setChatRemindersById(db: Queryable, id: number, enabled: boolean): Promise<boolean> {
  const rows = await db.query(`UPDATE chats SET reminders_enabled = $2 WHERE id = $1 AND region_code IS NOT NULL RETURNING id`, [id, enabled]);
  return rows.length > 0;
}

/** A region's active Telegram chats, and how many of them have reminders on. */
export async function telegramGroupCounts(db: Queryable, regionCode: string): Promise<{ active: number; reminders: number }> {
  const [counts = { active: 0, reminders: 0 }] = await db.query<{ active: number; reminders: number }>(
    `SELECT count(*) FILTER (WHERE active)::int AS active, count(*) FILTER (WHERE active AND reminders_enabled)::int AS reminders
       FROM chats WHERE region_code = $1 AND platform = 'telegram'`,
    [regionCode],
  );
  return counts;
}

/**
 * Active Telegram groups and chats bound per region (regions without any are absent);
 * the digest counts a region as without a group on the same terms.
 */
export async function activeChatCounts(db: Queryable): Promise<Map<string, number>> {
  const rows = await db.query<{ regionCode: string; n: number }>(
    `SELECT region_code AS "regionCode", count(*)::int AS n FROM chats
      WHERE region_code IS NOT NULL AND active AND platform = 'telegram' GROUP BY region_code`,
  );
  return new Map(rows.map((r) => [r.regionCode, r.n]));
}
