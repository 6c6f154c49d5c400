/**
 * One claimed reminder, from its row to a settled outcome: rendered from the current
 * calendar and checklist (or cancelled when it no longer applies), paced through its
 * bot's pacer, sent, and the result recorded at once. The dispatcher (dispatcher.ts)
 * claims the rows and runs these concurrently.
 */
import type { Db } from '../db/index.ts';
import type { Logger } from '../log.ts';
import { reminderMessage, reminderOutcome } from '../messages/index.ts';
import { daysLeft } from '../programme/index.ts';
import { chatKind, contextKey, loadChecklists, loadDeadlines, type ChecklistNow, type DeadlineNow } from './context.ts';
import { deactivateChat, markFinal, markRetry, markSent, type ClaimedRow } from './outbox.ts';
import type { ReminderPlatform } from './planner.ts';
import type { OutgoingMessage, SendResult, Sender } from './sender.ts';

export interface DispatchSummary {
  sent: number;
  failed: number;
  /** Rescheduled after a transient failure or a long rate limit. */
  retrying: number;
  /** Older missed slots collapsed into a newer one. */
  skipped: number;
  cancelled: number;
  /** Rows taken over from a dispatcher that died. */
  reclaimed: number;
  /** Chats deactivated because the bot was blocked, removed or the chat is gone. */
  deactivated: number;
  /** 429 responses seen. */
  rateLimited: number;
}

export const emptySummary = (): DispatchSummary => ({
  sent: 0,
  failed: 0,
  retrying: 0,
  skipped: 0,
  cancelled: 0,
  reclaimed: 0,
  deactivated: 0,
  rateLimited: 0,
});

export interface Delivery {
  readonly db: Db;
  readonly log: Logger;
  readonly now: () => Date;
  readonly claimer: string;
  readonly senders: Partial<Record<ReminderPlatform, Sender>>;
  readonly maxAttempts: number;
  readonly backoff: (attempt: number) => number;
  readonly maxInlineWaitSec: number;
  /** Aborted by stop(): rows not yet sent go back to pending. */
  readonly stop: AbortSignal;
  readonly count: (result: string) => void;
}

/** Renders each claimed row from the current calendar, chat and checklist, or says why not to send. */
export async function prepare(d: Delivery, rows: readonly ClaimedRow[]): Promise<Map<number, OutgoingMessage | string>> {
  const [deadlines, checklists] = await Promise.all([loadDeadlines(d.db, rows), loadChecklists(d.db, rows)]);
  const out = new Map<number, OutgoingMessage | string>();
  for (const row of rows) out.set(row.id, render(d, row, deadlines.get(contextKey(row.regionCode, row.stageId)), checklists));
  return out;
}

function render(d: Delivery, row: ClaimedRow, deadline: DeadlineNow | undefined, checklists: Map<string, ChecklistNow>): OutgoingMessage | string {
  if (!row.chatActive) return reminderOutcome.chatInactive;
  if (!row.chatRemindersEnabled) return reminderOutcome.remindersOff;
  if (row.chatRegion !== row.regionCode) return reminderOutcome.regionChanged;
  if (!deadline) return reminderOutcome.deadlineGone;
  if (deadline.dueOn !== row.dueOn) return reminderOutcome.deadlineMoved(deadline.dueOn);
  if (deadline.completed) return reminderOutcome.stageDone;
  const text = reminderMessage(
    {
      regionName: deadline.regionName,
      stageName: deadline.stageName,
      dueOn: deadline.dueOn,
      timezone: deadline.timezone,
      daysLeft: daysLeft(deadline, d.now()),
      checklist: checklists.get(contextKey(row.regionCode, row.stageId)) ?? null,
      chat: chatKind(row.platform, row.chatId),
    },
    row.platform === 'telegram' ? 'html' : 'mrkdwn',
  );
  return { text, format: row.platform === 'telegram' ? 'html' : 'plain' };
}

async function finish(d: Delivery, row: ClaimedRow, s: DispatchSummary, status: 'cancelled' | 'failed', error: string) {
  await markFinal(d.db, row.id, d.claimer, { status, error });
  s[status]++;
  d.count(status);
  d.log.debug({ outbox: row.id, status, reason: error }, 'reminder settled');
}

/** Sends one claimed row (waiting for its bot's pacer) and records the outcome. */
export async function deliver(d: Delivery, row: ClaimedRow, message: OutgoingMessage | string, s: DispatchSummary): Promise<void> {
  if (row.reclaimed) {
    s.reclaimed++;
    // Telegram has no idempotency key: if this row was in flight when its dispatcher
    // died, the group may see it twice. Rows claimed but not yet sent are safe.
    d.log.warn({ outbox: row.id, attempts: row.attempts }, 'taking over a reminder left unfinished by a stopped dispatcher');
  }
  if (typeof message === 'string') return finish(d, row, s, 'cancelled', message);
  const sender = d.senders[row.platform]!;
  let waitedSec = 0;
  for (;;) {
    const granted = await sender.pacer.acquire(row.chatId, d.stop);
    if (granted === null || d.stop.aborted) {
      // Shutting down before this one went out: hand it back, due at once.
      await markRetry(d.db, row.id, d.claimer, { at: d.now(), error: reminderOutcome.stopped, countAttempt: false });
      return;
    }
    const result = await sender.send(row.chatId, message).catch((err: unknown) => ({
      ok: false as const,
      kind: 'transient' as const,
      error: err instanceof Error ? err.message : String(err),
    }));
    if (!result.ok && result.kind === 'rate_limited') {
      s.rateLimited++;
      d.count('rate_limited');
      const after = Math.max(1, result.retryAfterSec ?? 1);
      sender.pacer.pause(after * 1000); // holds back every send of this bot, answers included
      if (waitedSec + after <= d.maxInlineWaitSec) {
        waitedSec += after;
        continue;
      }
    }
    return settle(d, row, result, s);
  }
}

/** Records a send's result: sent, rescheduled, given up, or the chat deactivated. */
async function settle(d: Delivery, row: ClaimedRow, result: SendResult, s: DispatchSummary): Promise<void> {
  if (result.ok) {
    // Recorded at once: the only window for a double delivery is this request itself.
    const held = await markSent(d.db, row.id, d.claimer, d.now(), result.messageId);
    if (!held) d.log.warn({ outbox: row.id }, 'reminder sent after its claim was taken over: it may have been sent twice');
    s.sent++;
    d.count('sent');
    d.log.debug({ outbox: row.id, chat: row.chatRef, offset: row.offset }, 'reminder sent');
    return;
  }
  if (result.kind === 'rate_limited') {
    const after = Math.max(1, result.retryAfterSec ?? 1);
    await markRetry(d.db, row.id, d.claimer, { at: new Date(d.now().getTime() + after * 1000), error: result.error, countAttempt: false });
    s.retrying++;
    return;
  }
  if (result.kind === 'blocked') {
    await finish(d, row, s, 'failed', result.error);
    await deactivateChat(d.db, { chatRef: row.chatRef, reason: result.error, at: d.now() });
    s.deactivated++;
    d.log.info({ chat: row.chatRef, platform: row.platform }, 'chat deactivated: bot blocked, removed or chat gone');
    return;
  }
  if (row.attempts >= d.maxAttempts) return finish(d, row, s, 'failed', result.error);
  await markRetry(d.db, row.id, d.claimer, { at: new Date(d.now().getTime() + d.backoff(row.attempts)), error: result.error, countAttempt: true });
  s.retrying++;
  d.log.warn({ outbox: row.id, attempts: row.attempts, error: result.error }, 'reminder not delivered, will retry');
}
