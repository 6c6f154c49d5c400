import { Cron } from 'croner';
import { createDispatcher, type DispatchSummary, type DispatcherOptions } from './dispatcher.ts';
import type { ReminderPolicy } from './planner.ts';
import type { ReminderDeps } from './sender.ts';
import { planAndEnqueue } from './store.ts';

export interface CycleResult {
  readonly planned: number;
  readonly enqueued: number;
  readonly rescheduled: number;
  readonly cancelledByCalendar: number;
  readonly dispatch: DispatchSummary;
}

export interface ReminderService {
  /** Plans and enqueues the coming period, then dispatches what is due. */
  runOnce(): Promise<CycleResult>;
  /** Stops planning and claiming; waits for the sends in flight. */
  stop(): Promise<void>;
}

export interface ReminderServiceOptions extends ReminderDeps {
  readonly policy?: ReminderPolicy;
  /**
   * How far ahead each cycle enqueues (days). Default one hour: cycles run every minute,
   * and slots missed while down are caught up on anyway.
   */
  readonly horizonDays?: number;
  readonly dispatcher?: Omit<DispatcherOptions, keyof ReminderDeps>;
}

/** Plan + enqueue + dispatch, the unit both the scheduler and `pandu reminders run` use. */
export function createReminderService(o: ReminderServiceOptions): ReminderService {
  const now = o.now ?? (() => new Date());
  const dispatcher = createDispatcher({ ...o.dispatcher, db: o.db, senders: o.senders, logger: o.logger, now, metrics: o.metrics });
  let stopped = false;
  return {
    async runOnce() {
      const enq = stopped
        ? { planned: 0, inserted: 0, rescheduled: 0, cancelled: 0 }
        : await planAndEnqueue(o.db, { now: now(), horizonDays: o.horizonDays ?? 1 / 24, policy: o.policy });
      const dispatch = await dispatcher.dispatch();
      return {
        planned: enq.planned,
        enqueued: enq.inserted,
        rescheduled: enq.rescheduled,
        cancelledByCalendar: enq.cancelled,
        dispatch,
      };
    },
    async stop() {
      stopped = true;
      await dispatcher.stop();
    },
  };
}

export interface ReminderScheduler {
  stop(): Promise<void>;
}

/**
 * Inside `pandu start`: one cycle right away (catch-up after downtime), then every
 * minute. Cycles never overlap; stop() waits for the one running.
 */
export function startReminderScheduler(o: ReminderServiceOptions & { pattern?: string }): ReminderScheduler {
  const service = createReminderService(o);
  let current: Promise<void> = Promise.resolve();
  let busy = false;
  const tick = (): Promise<void> => {
    if (busy) return current;
    busy = true;
    current = service
      .runOnce()
      .then(
        () => undefined,
        (err: unknown) => o.logger.error({ err }, 'reminder cycle failed; the next one retries'),
      )
      .finally(() => (busy = false));
    return current;
  };
  const job = new Cron(o.pattern ?? '* * * * *', { protect: true }, () => tick());
  void tick();
  o.logger.info({ platforms: Object.keys(o.senders) }, 'reminder scheduler started');
  return {
    async stop() {
      job.stop();
      await service.stop();
      await current;
    },
  };
}
