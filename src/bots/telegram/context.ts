import { BotError, GrammyError, HttpError, type Context } from 'grammy';
import type { InlineKeyboardMarkup, User } from 'grammy/types';
import type { AnswerService } from '../../answer/types.ts';
import type { Db } from '../../db/index.ts';
import type { Logger } from '../../log.ts';
import type { UserRateLimiter } from './rate-limit.ts';
import type { WorkQueue } from './work-queue.ts';

/** What every feature composer is built from (one object, passed once at start). */
export interface FeatureDeps {
  readonly db: Db;
  readonly answers: AnswerService;
  readonly log: Logger;
  readonly now: () => Date;
  /** Long work (answers) runs here, off the update loop. */
  readonly work: WorkQueue;
  readonly limiter: UserRateLimiter;
}

/** Telegram's stand-in sender for anonymous group admins. */
const GROUP_ANONYMOUS_BOT = 1087968824;

export function isGroup(ctx: Context): boolean {
  const type = ctx.chat?.type;
  return type === 'group' || type === 'supergroup';
}

/** Display name recorded with a checklist tick: 'Budi Santoso' or '@budi'. */
export function displayName(user: User): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return name || (user.username ? `@${user.username}` : String(user.id));
}

/** Text after the command: '/daftar@pandu_bot ABCD-2345' → 'ABCD-2345'. */
export function commandArgument(ctx: Context): string {
  return typeof ctx.match === 'string' ? ctx.match.trim() : '';
}

/**
 * May this user change the chat's settings? Anyone in a private chat; in groups only
 * the creator and administrators (getChatMember), including anonymous admins.
 */
export async function isChatAdmin(ctx: Context): Promise<boolean> {
  if (ctx.chat?.type === 'private') return true;
  if (!ctx.chat || !ctx.from) return false;
  if (ctx.from.id === GROUP_ANONYMOUS_BOT && ctx.msg?.sender_chat?.id === ctx.chat.id) return true;
  const member = await ctx.api.getChatMember(ctx.chat.id, ctx.from.id);
  return member.status === 'creator' || member.status === 'administrator';
}

/**
 * Replies in Telegram HTML. In groups the reply quotes the message that asked
 * (so it is clear whom Pandu answers); link previews stay off.
 */
export async function replyHtml(ctx: Context, html: string, markup?: InlineKeyboardMarkup): Promise<number> {
  const msg = ctx.msg;
  const quote = isGroup(ctx) && msg && !ctx.callbackQuery;
  const sent = await ctx.reply(html, {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...(quote ? { reply_parameters: { message_id: msg.message_id, allow_sending_without_reply: true } } : {}),
    ...(markup ? { reply_markup: markup } : {}),
  });
  return sent.message_id;
}

/**
 * An error as a log field without secrets or message texts: a GrammyError's payload
 * carries the text sent, and an HttpError's cause may carry the request URL, which
 * holds the bot token. Other errors keep their message and stack.
 */
export function errorSummary(err: unknown): Record<string, unknown> {
  if (err instanceof BotError) return errorSummary(err.error);
  if (err instanceof GrammyError) return { type: 'GrammyError', method: err.method, code: err.error_code, description: err.description };
  if (err instanceof HttpError) return { type: 'HttpError', message: err.message };
  if (err instanceof Error) return { type: err.name, message: err.message, stack: err.stack };
  return { type: typeof err, message: String(err) };
}
