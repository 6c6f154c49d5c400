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
  readonly platform: 'telegram' | 'slack';
  send(chatId: string, message: OutgoingMessage): Promise<SendResult>;
}
