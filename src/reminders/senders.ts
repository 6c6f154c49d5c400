import type { Config } from '../config/index.ts';
import type { ReminderPlatform } from './planner.ts';
import type { Sender } from './sender.ts';
import { createTelegramSender } from './telegram-sender.ts';

/**
 * Senders for the platforms configured in this process: Telegram when
 * TELEGRAM_BOT_TOKEN is set (TELEGRAM_API_ROOT honoured). Slack joins once its
 * adapter provides a Sender; until then Slack rows stay pending.
 */
export function reminderSenders(config: Pick<Config, 'telegram'>): Partial<Record<ReminderPlatform, Sender>> {
  const senders: Partial<Record<ReminderPlatform, Sender>> = {};
  if (config.telegram.token) {
    senders.telegram = createTelegramSender({ token: config.telegram.token, apiRoot: config.telegram.apiRoot });
  }
  return senders;
}
