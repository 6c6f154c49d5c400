/**
 * The Telegram adapter (grammY). Features are composers installed by createTelegramBot;
 * the reminder dispatcher gets `sender`.
 */
export {
  createTelegramBot,
  type TelegramBot,
  type TelegramBotDeps,
  type TelegramBotOptions,
} from './bot.ts';
export { createThrottle, TELEGRAM_LIMITS, type Throttle, type ThrottleLimits } from './throttle.ts';
export { renderAnswer, splitMessage, escapeHtml, MESSAGE_LIMIT } from './render.ts';
