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
