import type { Db } from '../db/index.ts';
import type { Logger } from '../log.ts';
import type { Pacer } from '../pacing/index.ts';
import type { Metrics } from '../server/metrics.ts';
import type { ReminderPlatform } from './planner.ts';

/**
 * How reminders (and digests) leave Pandu: one small port per platform. The Telegram
 * and Slack adapters implement it; the dispatcher only sees results.
 */
export interface OutgoingMessage {
  /** Telegram HTML (escaped) or Slack mrkdwn, per `format`. */
  readonly text: string;
  readonly format: 'html' | 'plain';
}

export type SendResult =
  | { readonly ok: true; readonly messageId?: string }
  | {
      readonly ok: false;
      /**
       * blocked: the bot was blocked, kicked or the chat is gone: deactivate the chat, never retry.
       * rate_limited: retry after retryAfterSec. transient: network or server error, retry with backoff.
       */
      readonly kind: 'blocked' | 'rate_limited' | 'transient';
      readonly retryAfterSec?: number;
      readonly error: string;
    };

export interface Sender {
  readonly platform: ReminderPlatform;
  /**
   * The bot's one pacing layer (shared with its answers, and with the other replicas on
   * PostgreSQL): the dispatcher takes a slot here before each send; `send` itself does
   * not wait.
   */
  readonly pacer: Pacer;
  send(chatId: string, message: OutgoingMessage): Promise<SendResult>;
}

/** What the reminder services run on: the database, one sender per platform, where to log. */
export interface ReminderDeps {
  readonly db: Db;
  /** One sender per platform; rows of platforms without a sender stay pending. */
  readonly senders: Partial<Record<ReminderPlatform, Sender>>;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly metrics?: Pick<Metrics, 'remindersSent'>;
}
