import { addDays, zonedInstant } from '../programme/dates.ts';
import type { RegionDeadline } from '../programme/index.ts';

/** When reminders go out, relative to a deadline, in the region's own zone. */
export interface ReminderPolicy {
  /** Days before the due date: H-14, H-7, H-3, H-1 and H-0 by default. */
  readonly offsets: readonly number[];
  /** First overdue reminder, in days after the due date (H+1). */
  readonly overdueAfterDays: number;
  /** Then one every this many days (weekly)… */
  readonly overdueEveryDays: number;
  /** …this many times (four weeks; absent: until the stage is done)… */
  readonly overdueEveryCount?: number;
  /** …then one every this many days until the stage is done (every two weeks). */
  readonly overdueLaterEveryDays?: number;
  /** Stop overdue reminders this many days after the due date; null: until the stage is done. */
  readonly overdueMaxDays: number | null;
  /** Local wall-clock time of every reminder (08:00). */
  readonly hour: number;
  readonly minute: number;
}

export const DEFAULT_POLICY: ReminderPolicy = Object.freeze({
  offsets: Object.freeze([14, 7, 3, 1, 0]),
  overdueAfterDays: 1,
  overdueEveryDays: 7,
  overdueEveryCount: 4,
  overdueLaterEveryDays: 14,
  overdueMaxDays: null,
  hour: 8,
  minute: 0,
});

export type ReminderPlatform = 'telegram' | 'slack';

/** A chat bound to a region, as the planner sees it. */
export interface ReminderChat {
  /** chats.id */
  readonly id: number;
  readonly platform: ReminderPlatform;
  /** The platform's own chat id (Telegram chat id, Slack channel id). */
  readonly chatId: string;
  readonly regionCode: string;
  readonly active: boolean;
  /** False after /pengingat off. */
  readonly remindersEnabled: boolean;
  /** Slots before the chat was bound are not caught up on. */
  readonly boundAt: Date | null;
}

/** The facts of a region's deadline a reminder is about. */
export type DeadlineFacts = Pick<RegionDeadline, 'regionCode' | 'regionName' | 'timezone' | 'stageId' | 'stageName' | 'dueOn'>;

export interface PlannedReminder extends DeadlineFacts {
  readonly chat: Pick<ReminderChat, 'id' | 'platform' | 'chatId'>;
  /** Days before the due date; negative when overdue (-1 is H+1). */
  readonly offset: number;
  readonly sendAt: Date;
  /** The slot has already passed at `now`: the one reminder that catches up on missed ones. */
  readonly catchUp: boolean;
}

export interface PlanInput {
  readonly deadlines: readonly RegionDeadline[];
  readonly chats: readonly ReminderChat[];
  readonly now: Date;
  /** Plan slots up to now + horizonDays (default 1). */
  readonly horizonDays?: number;
  readonly policy?: ReminderPolicy;
  /** Stages whose reminders a chat paused (/tunda): no slot before `until` is planned, nor caught up on. */
  readonly pauses?: readonly ReminderPause[];
}

export interface ReminderPause {
  /** chats.id */
  readonly chatRef: number;
  readonly stageId: string;
  readonly until: Date;
}

const DAY_MS = 86_400_000;

/** Offsets of every slot of a deadline up to `lastDate` (inclusive), latest slot last. */
export function slotOffsets(dueOn: string, lastDate: string, policy: ReminderPolicy): number[] {
  const before = [...new Set(policy.offsets)].filter((o) => o >= 0).sort((a, b) => b - a);
  const out = before.filter((o) => addDays(dueOn, -o) <= lastDate);
  const max = policy.overdueMaxDays ?? Number.POSITIVE_INFINITY;
  const every = Math.max(1, policy.overdueEveryDays);
  const count = policy.overdueEveryCount ?? Number.POSITIVE_INFINITY;
  const later = Math.max(1, policy.overdueLaterEveryDays ?? every);
  // H+1, then `count` reminders `every` days apart, then one every `later` days.
  for (let after = Math.max(1, policy.overdueAfterDays), n = 0; after <= max; after += n <= count ? every : later) {
    if (addDays(dueOn, after) > lastDate) break;
    out.push(-after);
    n++;
  }
  return out;
}

/**
 * The reminders of every open deadline for every bound chat with reminders on: the
 * slots that fall in (now, now + horizon], plus the latest slot that has already
 * passed (catch-up: missed slots collapse into that one; once sent it is never sent
 * again, the outbox sees to that). Pure: no database, no clock.
 */
export function planReminders(input: PlanInput): PlannedReminder[] {
  const policy = input.policy ?? DEFAULT_POLICY;
  const now = input.now.getTime();
  const until = now + (input.horizonDays ?? 1) * DAY_MS;
  const chatsByRegion = new Map<string, ReminderChat[]>();
  for (const c of input.chats) {
    if (!c.active || !c.remindersEnabled) continue;
    const list = chatsByRegion.get(c.regionCode) ?? [];
    list.push(c);
    chatsByRegion.set(c.regionCode, list);
  }
  // Many regions share a due date and a zone: compute each local 08:00 once.
  const instants = new Map<string, Date>();
  const slotTime = (d: RegionDeadline, offset: number): Date => {
    const date = addDays(d.dueOn, -offset);
    const key = `${date}|${d.timezone}`;
    let at = instants.get(key);
    if (!at) {
      at = zonedInstant(date, d.timezone, policy.hour, policy.minute);
      instants.set(key, at);
    }
    return at;
  };
  const pausedUntil = new Map((input.pauses ?? []).map((p) => [`${p.chatRef}|${p.stageId}`, p.until.getTime()]));
  const out: PlannedReminder[] = [];
  for (const d of input.deadlines) {
    if (d.completed) continue;
    const chats = chatsByRegion.get(d.regionCode);
    if (!chats) continue;
    // Every slot date up to the horizon's local date; each checked against instants below.
    const lastDate = addDays(new Date(until).toISOString().slice(0, 10), 1);
    const slots = slotOffsets(d.dueOn, lastDate, policy).map((offset) => ({ offset, sendAt: slotTime(d, offset) }));
    for (const chat of chats) {
      const boundAt = chat.boundAt?.getTime() ?? Number.NEGATIVE_INFINITY;
      const resume = pausedUntil.get(`${chat.id}|${d.stageId}`) ?? Number.NEGATIVE_INFINITY;
      // A slot inside a pause is dropped: neither sent then nor caught up on afterwards.
      const open = slots.filter((s) => s.sendAt.getTime() >= resume);
      const past = open.filter((s) => s.sendAt.getTime() <= now && s.sendAt.getTime() >= boundAt);
      const latest = past.reduce<(typeof slots)[number] | null>((a, s) => (!a || s.sendAt > a.sendAt ? s : a), null);
      const chosen = [
        ...(latest ? [{ ...latest, catchUp: true }] : []),
        ...open.filter((s) => s.sendAt.getTime() > now && s.sendAt.getTime() <= until).map((s) => ({ ...s, catchUp: false })),
      ];
      for (const s of chosen) {
        out.push({
          chat: { id: chat.id, platform: chat.platform, chatId: chat.chatId },
          regionCode: d.regionCode,
          regionName: d.regionName,
          timezone: d.timezone,
          stageId: d.stageId,
          stageName: d.stageName,
          dueOn: d.dueOn,
          offset: s.offset,
          sendAt: s.sendAt,
          catchUp: s.catchUp,
        });
      }
    }
  }
  return out.sort(
    (a, b) =>
      a.sendAt.getTime() - b.sendAt.getTime() ||
      a.chat.id - b.chat.id ||
      a.regionCode.localeCompare(b.regionCode) ||
      a.stageId.localeCompare(b.stageId),
  );
}
