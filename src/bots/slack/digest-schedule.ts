import { Cron } from 'croner';
import { configInvalid, type Config } from '../../config/index.ts';
import { configProblems } from '../../messages/operator.ts';
import { isoWeek } from '../../digest/index.ts';
import type { Logger } from '../../log.ts';
import type { DigestPublisher } from './digest.ts';
import type { Inflight } from './intake.ts';

/** How often the weekly digest checks whether its slot has passed unposted (catch-up after downtime). */
export const CATCH_UP_MS = 15 * 60_000;

/** The pattern checked now, so a bad SLACK_DIGEST_CRON stops the start with a clear line. */
export function validCron(pattern: string, timezone: string): Cron {
  try {
    return new Cron(pattern, { timezone, paused: true });
  } catch (err) {
    throw configInvalid([configProblems.cron((err as Error).message)]);
  }
}

export interface DigestSchedule {
  /** Starts the cron and the catch-up timer. */
  start(): void;
  /** One check now (catches up a slot missed while Pandu was down). */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * The weekly digest on SLACK_DIGEST_CRON: posted once its slot in this ISO week has passed,
 * checked at every slot and every CATCH_UP_MS; each tick tracked like a request so stop()
 * waits for a digest being posted.
 */
export function createDigestSchedule(deps: {
  readonly slack: Pick<Config['slack'], 'digestCron' | 'digestChannel'>;
  readonly timezone: string;
  readonly digest: DigestPublisher;
  readonly now: () => Date;
  readonly log: Logger;
  readonly inflight: Inflight;
}): DigestSchedule {
  const { slack, timezone, digest, now, log } = deps;
  const schedule = validCron(slack.digestCron, timezone);
  let stopped = false;
  let cron: Cron | null = null;
  let catchUp: NodeJS.Timeout | null = null;

  async function weeklyTick(): Promise<void> {
    if (stopped || !slack.digestChannel) return;
    const at = now();
    const [slot] = schedule.previousRuns(1, at);
    if (!slot || isoWeek(slot, timezone) !== isoWeek(at, timezone)) return;
    await digest.postWeekly(at);
  }
  const tick = (): Promise<void> =>
    deps.inflight.track(
      weeklyTick().catch((err: unknown) => log.error({ err }, 'weekly digest tick failed; the next tick retries')),
    );

  return {
    start() {
      if (stopped || cron) return;
      cron = new Cron(slack.digestCron, { timezone, protect: true }, tick);
      catchUp = setInterval(tick, CATCH_UP_MS);
      catchUp.unref();
    },
    tick,
    stop() {
      stopped = true;
      cron?.stop();
      if (catchUp) clearInterval(catchUp);
    },
  };
}
