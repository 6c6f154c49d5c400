/**
 * The reminder dispatcher: claims due outbox rows and hands each to deliver() (render,
 * pace through the bot's pacer, send, record the result at once).
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
 *
 * Pace is not the dispatcher's: each sender carries its bot's pacer, the one its answers
 * use too, shared through PostgreSQL by every replica.
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import { deliver, emptySummary, prepare, type Delivery, type DispatchSummary } from './deliver.ts';
import { claimDue, collapseMissed, nextRetryAt, type ClaimedRow } from './outbox.ts';
import { realSleep } from '../pacing/index.ts';
import type { ReminderPlatform } from './planner.ts';
import type { OutgoingMessage, ReminderDeps } from './sender.ts';

export type { DispatchSummary } from './deliver.ts';

/**
 * This process's claimer id. One per process, not per dispatcher: on the embedded
 * database a row claimed by any other id belongs to a process that has died.
 */
export const PROCESS_CLAIMER = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

export interface DispatcherOptions extends ReminderDeps {
  readonly claimer?: string;
  /** A row left in 'sending' this long is taken over (its dispatcher died). Default 2 minutes. */
  readonly leaseMs?: number;
  /** Rows claimed per transaction and kept in flight at most. Default 32. */
  readonly batchSize?: number;
  /** Transient failures before a row is given up as failed. Default 6. */
  readonly maxAttempts?: number;
  /** Wait before retry number n (n ≥ 1) after a transient failure. */
  readonly backoffMs?: (attempt: number) => number;
  /** On 429, wait in place (row kept) when retry_after is at most this; else reschedule. Default 30 s. */
  readonly maxInlineWaitSec?: number;
  /** Keep dispatching while a rescheduled row comes due within this time. Default 0 (return). */
  readonly maxWaitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface Dispatcher {
  /** Sends every due reminder once; resolves when nothing is due (or after stop()). */
  dispatch(): Promise<DispatchSummary>;
  /** Stops claiming; resolves when the sends in flight have been recorded. */
  stop(): Promise<void>;
}

export const defaultBackoffMs = (attempt: number): number => Math.min(60 * 60_000, 30_000 * 4 ** (attempt - 1));

export function createDispatcher(o: DispatcherOptions): Dispatcher {
  const halt = new AbortController();
  setMaxListeners(0, halt.signal); // every delivery waiting for its pacer listens for stop()
  const d: Delivery = {
    db: o.db,
    log: o.logger,
    now: o.now ?? (() => new Date()),
    claimer: o.claimer ?? PROCESS_CLAIMER,
    senders: o.senders,
    maxAttempts: o.maxAttempts ?? 6,
    backoff: o.backoffMs ?? defaultBackoffMs,
    maxInlineWaitSec: o.maxInlineWaitSec ?? 30,
    stop: halt.signal,
    count: (result) => o.metrics?.remindersSent.inc({ result }),
  };
  const platforms = (Object.keys(o.senders) as ReminderPlatform[]).filter((p) => o.senders[p]);
  let running: Promise<DispatchSummary> | null = null;

  return {
    dispatch() {
      if (halt.signal.aborted) return Promise.resolve(emptySummary());
      // One run at a time per dispatcher; a second caller shares the running one.
      running ??= run(d, o, platforms).finally(() => (running = null));
      return running;
    },
    async stop() {
      halt.abort();
      await running?.catch(() => undefined);
    },
  };
}

/** Claims and delivers until nothing is due (or stopped), keeping at most batchSize rows in flight. */
async function run(d: Delivery, o: DispatcherOptions, platforms: readonly ReminderPlatform[]): Promise<DispatchSummary> {
  const s = emptySummary();
  if (platforms.length === 0) return s;
  const batchSize = o.batchSize ?? 32;
  const started = performance.now();
  s.skipped += await collapseMissed(d.db, d.now());
  const inflight = new Set<Promise<void>>();
  const start = (row: ClaimedRow, message: OutgoingMessage | string) => {
    const p: Promise<void> = deliver(d, row, message, s)
      .catch((err: unknown) => d.log.error({ err, outbox: row.id }, 'reminder left in sending; it will be retried after the lease'))
      .finally(() => inflight.delete(p));
    inflight.add(p);
  };
  const claim = (limit: number) =>
    claimDue(d.db, { now: d.now(), claimer: d.claimer, platforms, limit, leaseMs: o.leaseMs ?? 120_000, exclusive: d.db.kind === 'pglite' });
  // Database work waits for a quiet moment between two sends (see Pacer.settle).
  const settle = async () => {
    for (const p of platforms) await d.senders[p]!.pacer.settle();
  };
  let exhausted = false;
  for (;;) {
    const stopping = d.stop.aborted;
    if (!stopping && !exhausted && inflight.size <= batchSize / 2) {
      const want = batchSize - inflight.size;
      await settle();
      const rows = await claim(want);
      exhausted = rows.length < want;
      if (rows.length > 0) {
        // A failure here leaves the rows in 'sending'; the lease brings them back.
        await settle();
        const messages = await prepare(d, rows);
        for (const row of rows) start(row, messages.get(row.id)!);
        continue;
      }
    }
    if (inflight.size > 0) {
      await Promise.race(inflight);
      continue;
    }
    if (stopping || !o.maxWaitMs) break;
    const next = await nextRetryAt(d.db, platforms, d.now());
    const wait = next ? next.getTime() - d.now().getTime() : Number.POSITIVE_INFINITY;
    if (wait > o.maxWaitMs) break;
    await (o.sleep ?? realSleep)(wait);
    s.skipped += await collapseMissed(d.db, d.now());
    exhausted = false;
  }
  const total = s.sent + s.failed + s.retrying + s.cancelled + s.skipped;
  if (total > 0) d.log.info({ ...s, ms: Math.round(performance.now() - started) }, 'reminders dispatched');
  return s;
}
