/**
 * The reminder dispatcher: claims due outbox rows, renders each from the current
 * calendar and checklist, sends it through the platform's Sender under the platform's
 * rate limits, and records the result at once.
 *
 * Delivery guarantee (what a group sees):
 * - A row is claimed (status 'sending', claimed_by, claimed_at) in a short transaction
 *   with FOR UPDATE SKIP LOCKED, so two dispatchers, in one process or several, never
 *   hold the same row; a sent row is never claimed again.
 * - A dispatcher that dies leaves its claimed rows in 'sending'. They are taken over
 *   after the lease (2 minutes, PostgreSQL, where another dispatcher may still be alive)
 *   or at once by the next process on the embedded database (one process owns the
 *   folder, so any other claimer is dead). Rows that had not been sent yet are then
 *   sent once: nothing is lost.
 * - The one window left is a request that reached Telegram while its dispatcher died
 *   before the response was recorded. The Bot API has no idempotency key and a bot
 *   cannot read its group's history, so such a reminder is sent again on takeover
 *   (at-least-once for that one request; a takeover is logged as a warning). The window
 *   is kept as small as it can be: one HTTP round trip, with 'sent' written immediately
 *   after the API answers. We prefer a rare double over a missed deadline reminder.
 * - SIGTERM/SIGINT (stop()) never cuts a send: claimed rows not yet sent go back to
 *   'pending', due at once.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/index.ts';
import type { Logger } from '../log.ts';
import { reminderMessage } from '../messages/index.ts';
import { daysLeft } from '../programme/index.ts';
import type { Metrics } from '../server/metrics.ts';
import { chatKind, contextKey, loadChecklists, loadDeadlines, type ChecklistNow, type DeadlineNow } from './context.ts';
import {
  claimDue,
  collapseMissed,
  deactivateChat,
  markFinal,
  markRetry,
  markSent,
  nextRetryAt,
  type ClaimedRow,
} from './outbox.ts';
import { createPacer, realSleep, type Pacer } from './pacer.ts';
import type { ReminderPlatform } from './planner.ts';
import type { OutgoingMessage, Sender } from './sender.ts';

/**
 * This process's claimer id. One per process, not per dispatcher: on the embedded
 * database a row claimed by any other id belongs to a process that has died.
 */
export const PROCESS_CLAIMER = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

export interface PaceLimits {
  readonly ratePerSec: number;
  readonly perChatGapMs: number;
}

/**
 * Telegram: about 30 messages/s overall and 20/min per group (the pacer keeps a safety
 * margin on the one-second window against network jitter). Slack: about one message
 * per second per channel.
 */
export const DEFAULT_PACE: Readonly<Record<ReminderPlatform, PaceLimits>> = Object.freeze({
  telegram: { ratePerSec: 30, perChatGapMs: 3_000 },
  slack: { ratePerSec: 10, perChatGapMs: 1_000 },
});

export interface DispatcherOptions {
  readonly db: Db;
  /** One sender per platform; rows of platforms without a sender stay pending. */
  readonly senders: Partial<Record<ReminderPlatform, Sender>>;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly claimer?: string;
  /** A row left in 'sending' this long is taken over (its dispatcher died). Default 2 minutes. */
  readonly leaseMs?: number;
  /** Rows claimed per transaction and kept in flight at most. Default 32. */
  readonly batchSize?: number;
  /** Transient failures before a row is given up as failed. Default 6. */
  readonly maxAttempts?: number;
  /** Wait before retry number n (n ≥ 1) after a transient failure. */
  readonly backoffMs?: (attempt: number) => number;
  readonly pace?: Partial<Record<ReminderPlatform, PaceLimits>>;
  /** On 429, wait in place (row kept) when retry_after is at most this; else reschedule. Default 30 s. */
  readonly maxInlineWaitSec?: number;
  /** Keep dispatching while a rescheduled row comes due within this time. Default 0 (return). */
  readonly maxWaitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly metrics?: Pick<Metrics, 'remindersSent'>;
}

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

export interface Dispatcher {
  /** Sends every due reminder once; resolves when nothing is due (or after stop()). */
  dispatch(): Promise<DispatchSummary>;
  /** Stops claiming; resolves when the sends in flight have been recorded. */
  stop(): Promise<void>;
}

export const defaultBackoffMs = (attempt: number): number => Math.min(60 * 60_000, 30_000 * 4 ** (attempt - 1));

const emptySummary = (): DispatchSummary => ({
  sent: 0,
  failed: 0,
  retrying: 0,
  skipped: 0,
  cancelled: 0,
  reclaimed: 0,
  deactivated: 0,
  rateLimited: 0,
});

export function createDispatcher(o: DispatcherOptions): Dispatcher {
  const log = o.logger;
  const now = o.now ?? (() => new Date());
  const claimer = o.claimer ?? PROCESS_CLAIMER;
  const batchSize = o.batchSize ?? 32;
  const maxAttempts = o.maxAttempts ?? 6;
  const backoff = o.backoffMs ?? defaultBackoffMs;
  const sleep = o.sleep ?? realSleep;
  const maxInlineWaitSec = o.maxInlineWaitSec ?? 30;
  const platforms = (Object.keys(o.senders) as ReminderPlatform[]).filter((p) => o.senders[p]);
  const pacers = new Map<ReminderPlatform, Pacer>(
    platforms.map((p) => [p, createPacer({ ...DEFAULT_PACE[p], ...o.pace?.[p], sleep })]),
  );
  let stopping = false;
  let running: Promise<DispatchSummary> | null = null;

  const count = (result: string) => o.metrics?.remindersSent.inc({ result });

  async function finish(row: ClaimedRow, s: DispatchSummary, status: 'cancelled' | 'failed', error: string) {
    await markFinal(o.db, row.id, claimer, { status, error });
    s[status]++;
    count(status);
    log.debug({ outbox: row.id, status, reason: error }, 'reminder settled');
  }

  /** Renders each claimed row from the current calendar, chat and checklist, or says why not to send. */
  async function prepare(rows: readonly ClaimedRow[]): Promise<Map<number, OutgoingMessage | string>> {
    const [deadlines, checklists] = await Promise.all([loadDeadlines(o.db, rows), loadChecklists(o.db, rows)]);
    const out = new Map<number, OutgoingMessage | string>();
    for (const row of rows) out.set(row.id, render(row, deadlines.get(contextKey(row.regionCode, row.stageId)), checklists));
    return out;
  }

  function render(row: ClaimedRow, deadline: DeadlineNow | undefined, checklists: Map<string, ChecklistNow>): OutgoingMessage | string {
    if (!row.chatActive) return 'grup tidak aktif';
    if (!row.chatRemindersEnabled) return 'pengingat dimatikan di grup ini';
    if (row.chatRegion !== row.regionCode) return 'grup tidak lagi terikat ke wilayah ini';
    if (!deadline) return 'tenggat tidak ada lagi di kalender';
    if (deadline.dueOn !== row.dueOn) return `tenggat berubah menjadi ${deadline.dueOn}`;
    if (deadline.completed) return 'tahap sudah selesai';
    const text = reminderMessage(
      {
        regionName: deadline.regionName,
        stageName: deadline.stageName,
        dueOn: deadline.dueOn,
        timezone: deadline.timezone,
        daysLeft: daysLeft(deadline, now()),
        checklist: checklists.get(contextKey(row.regionCode, row.stageId)) ?? null,
        chat: chatKind(row.platform, row.chatId),
      },
      row.platform === 'telegram' ? 'html' : 'mrkdwn',
    );
    return { text, format: row.platform === 'telegram' ? 'html' : 'plain' };
  }

  async function handle(row: ClaimedRow, message: OutgoingMessage | string, s: DispatchSummary): Promise<void> {
    if (row.reclaimed) {
      s.reclaimed++;
      // Telegram has no idempotency key: if this row was in flight when its dispatcher
      // died, the group may see it twice. Rows claimed but not yet sent are safe.
      log.warn({ outbox: row.id, attempts: row.attempts }, 'taking over a reminder left unfinished by a stopped dispatcher');
    }
    const sender = o.senders[row.platform]!;
    const pacer = pacers.get(row.platform)!;
    if (typeof message === 'string') return finish(row, s, 'cancelled', message);

    let waitedSec = 0;
    for (;;) {
      await pacer.acquire(`${row.platform}:${row.chatId}`);
      if (stopping) {
        // Shutting down before this one went out: hand it back, due at once.
        await markRetry(o.db, row.id, claimer, { at: now(), error: 'dispatcher berhenti sebelum mengirim', countAttempt: false });
        return;
      }
      const result = await sender.send(row.chatId, message).catch((err: unknown) => ({
        ok: false as const,
        kind: 'transient' as const,
        error: err instanceof Error ? err.message : String(err),
      }));
      if (result.ok) {
        // Recorded at once: the only window for a double delivery is this request itself.
        const held = await markSent(o.db, row.id, claimer, now(), result.messageId);
        if (!held) log.warn({ outbox: row.id }, 'reminder sent after its claim was taken over: it may have been sent twice');
        s.sent++;
        count('sent');
        log.debug({ outbox: row.id, chat: row.chatRef, offset: row.offset }, 'reminder sent');
        return;
      }
      if (result.kind === 'rate_limited') {
        s.rateLimited++;
        count('rate_limited');
        const after = Math.max(1, result.retryAfterSec ?? 1);
        pacer.pause(after * 1000);
        if (waitedSec + after <= maxInlineWaitSec) {
          waitedSec += after;
          continue; // the pacer holds everyone back until retry_after has passed
        }
        await markRetry(o.db, row.id, claimer, { at: new Date(now().getTime() + after * 1000), error: result.error, countAttempt: false });
        s.retrying++;
        return;
      }
      if (result.kind === 'blocked') {
        await finish(row, s, 'failed', result.error);
        await deactivateChat(o.db, { chatRef: row.chatRef, reason: result.error, at: now() });
        s.deactivated++;
        log.info({ chat: row.chatRef, platform: row.platform }, 'chat deactivated: bot blocked, removed or chat gone');
        return;
      }
      if (row.attempts >= maxAttempts) return finish(row, s, 'failed', result.error);
      await markRetry(o.db, row.id, claimer, { at: new Date(now().getTime() + backoff(row.attempts)), error: result.error, countAttempt: true });
      s.retrying++;
      log.warn({ outbox: row.id, attempts: row.attempts, error: result.error }, 'reminder not delivered, will retry');
      return;
    }
  }

  async function run(): Promise<DispatchSummary> {
    const s = emptySummary();
    if (platforms.length === 0) return s;
    const started = performance.now();
    s.skipped += await collapseMissed(o.db, now());
    const inflight = new Set<Promise<void>>();
    const start = (row: ClaimedRow, message: OutgoingMessage | string) => {
      const p: Promise<void> = handle(row, message, s)
        .catch((err: unknown) => log.error({ err, outbox: row.id }, 'reminder left in sending; it will be retried after the lease'))
        .finally(() => inflight.delete(p));
      inflight.add(p);
    };
    const claim = (limit: number) =>
      claimDue(o.db, {
        now: now(),
        claimer,
        platforms,
        limit,
        leaseMs: o.leaseMs ?? 120_000,
        exclusive: o.db.kind === 'pglite',
      });
    // Database work waits for a quiet moment between two sends (see Pacer.settle).
    const settle = async () => {
      for (const p of pacers.values()) await p.settle();
    };
    let exhausted = false;
    for (;;) {
      if (!stopping && !exhausted && inflight.size <= batchSize / 2) {
        const want = batchSize - inflight.size;
        await settle();
        const rows = await claim(want);
        exhausted = rows.length < want;
        if (rows.length > 0) {
          // A failure here leaves the rows in 'sending'; the lease brings them back.
          await settle();
          const messages = await prepare(rows);
          for (const row of rows) start(row, messages.get(row.id)!);
          continue;
        }
      }
      if (inflight.size > 0) {
        await Promise.race(inflight);
        continue;
      }
      if (stopping || !o.maxWaitMs) break;
      const next = await nextRetryAt(o.db, platforms, now());
      const wait = next ? next.getTime() - now().getTime() : Number.POSITIVE_INFINITY;
      if (wait > o.maxWaitMs) break;
      await sleep(wait);
      s.skipped += await collapseMissed(o.db, now());
      exhausted = false;
    }
    const total = s.sent + s.failed + s.retrying + s.cancelled + s.skipped;
    if (total > 0) log.info({ ...s, ms: Math.round(performance.now() - started) }, 'reminders dispatched');
    return s;
  }

  return {
    dispatch() {
      if (stopping) return Promise.resolve(emptySummary());
      // One run at a time per dispatcher; a second caller shares the running one.
      running ??= run().finally(() => (running = null));
      return running;
    },
    async stop() {
      stopping = true;
      for (const p of pacers.values()) p.drain();
      await running?.catch(() => undefined);
    },
  };
}
