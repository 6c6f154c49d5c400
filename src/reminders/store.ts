import type { Db, Queryable } from '../db/index.ts';
import { allRegionDeadlines } from '../programme/index.ts';
import { enqueueReminders, type EnqueueResult } from './outbox.ts';
import { loadPauses } from './pauses.ts';
import { planReminders, type PlannedReminder, type ReminderChat, type ReminderPolicy } from './planner.ts';

/** Chats bound to a region on a platform reminders can reach (with their active/opt-in flags). */
export async function loadReminderChats(db: Queryable): Promise<ReminderChat[]> {
  return db.query<ReminderChat>(
    `SELECT id, platform, chat_id AS "chatId", region_code AS "regionCode", active,
            reminders_enabled AS "remindersEnabled", bound_at AS "boundAt"
       FROM chats
      WHERE region_code IS NOT NULL AND platform IN ('telegram', 'slack')
      ORDER BY id`,
  );
}

export interface PlanOptions {
  readonly now: Date;
  readonly horizonDays?: number;
  readonly policy?: ReminderPolicy;
}

/** The plan for the database's current calendar, chats and completions. */
export async function planFromDb(db: Queryable, o: PlanOptions): Promise<PlannedReminder[]> {
  const [deadlines, chats, pauses] = await Promise.all([allRegionDeadlines(db), loadReminderChats(db), loadPauses(db, o.now)]);
  return planReminders({ deadlines, chats, pauses, now: o.now, horizonDays: o.horizonDays, policy: o.policy });
}

/** Plans and enqueues: the scheduler's first half, idempotent. */
export async function planAndEnqueue(db: Db, o: PlanOptions): Promise<EnqueueResult & { planned: number }> {
  const planned = await planFromDb(db, o);
  const result = await enqueueReminders(db, planned);
  return { ...result, planned: planned.length };
}
