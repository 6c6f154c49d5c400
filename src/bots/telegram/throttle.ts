import type { Transformer } from 'grammy';
import type { Pacer, PaceLimits } from '../../pacing/index.ts';

/**
 * Telegram's flood limits, and the API transformer that puts every message the bot
 * posts through the bot's pacer (src/pacing: the one pacing layer, shared by answers and
 * reminders, and by every replica on PostgreSQL). Only methods that post a message are
 * paced (sendMessage, sendPhoto, copyMessage, …); reads such as getChatMember, chat
 * actions and edits pass straight through, so an admin check never waits behind a busy
 * group.
 *
 * Written instead of @grammyjs/transformer-throttler (1.2.1, works with grammY 1.46),
 * which queues every call that has a chat_id, getChatMember and sendChatAction
 * included, under the per-chat limits, keeps its queues in one process, and would pace
 * reminders a second time.
 */
export interface ThrottleLimits {
  /** Messages per second over all chats. */
  readonly globalPerSec: number;
  /** Messages per minute into one group or channel (negative chat id). */
  readonly groupPerMin: number;
}

export const TELEGRAM_LIMITS: ThrottleLimits = { globalPerSec: 30, groupPerMin: 20 };

/** The pacer's limits for Telegram: the overall rate, and a one-minute window per group; private chats count only overall. */
export function telegramPace(limits: ThrottleLimits = TELEGRAM_LIMITS): PaceLimits {
  return {
    ratePerSec: limits.globalPerSec,
    perChat: (chatKey) => (chatKey.startsWith('-') ? { limit: limits.groupPerMin, periodMs: 60_000 } : null),
  };
}

const PACED = /^(send(?!ChatAction$)\w+|copyMessages?|forwardMessages?)$/;

/** Takes a slot from `pacer` before each message-posting call. */
export function pacedTransformer(pacer: Pacer): Transformer {
  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: string | number } | undefined)?.chat_id;
    if (chatId !== undefined && PACED.test(method)) await pacer.acquire(String(chatId));
    return prev(method, payload, signal);
  };
}
