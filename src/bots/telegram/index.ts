/**
 * The Telegram adapter (grammY). Features are composers installed by createTelegramBot;
 * the reminder dispatcher gets `sender` (with the bot's pacer).
 */
export {
  createTelegramBot,
  type TelegramBot,
  type TelegramBotDeps,
  type TelegramBotOptions,
} from './bot.ts';
export { pacedTransformer, telegramPace, TELEGRAM_LIMITS, type ThrottleLimits } from './throttle.ts';
export { createTelegramSender, telegramPacer, telegramReminderSender, classify } from './sender.ts';
export { renderAnswer, splitMessage, escapeHtml, MESSAGE_LIMIT } from './render.ts';
