import { Composer, type Context } from 'grammy';
import type { Message } from 'grammy/types';
import { telegramMessages as t } from '../../../messages/index.ts';
import { replyHtml } from '../context.ts';

type Kind = Parameters<typeof t.unsupported>[0];

/** What kind of message Pandu cannot read this is; null for text (and service messages). */
export function unsupportedKind(msg: Message): Kind | null {
  if (msg.text !== undefined) return null;
  if (msg.document && !msg.animation) return 'document';
  if (msg.voice || msg.audio || msg.video_note) return 'voice';
  if (msg.photo || msg.video || msg.animation) return 'media';
  if (msg.sticker || msg.location || msg.venue || msg.contact || msg.poll || msg.dice) return 'other';
  return null;
}

/** Is a non-text group message addressed to Pandu: a reply to Pandu, or a caption naming it? */
function addressed(msg: Message, me: { id: number; username: string }): boolean {
  if (msg.chat.type === 'private') return true;
  const topicRoot = msg.is_topic_message && msg.reply_to_message?.message_id === msg.message_thread_id;
  if (msg.reply_to_message?.from?.id === me.id && !topicRoot) return true;
  const caption = msg.caption ?? '';
  const handle = `@${me.username}`.toLowerCase();
  return (msg.caption_entities ?? []).some(
    (e) => (e.type === 'mention' && caption.slice(e.offset, e.offset + e.length).toLowerCase() === handle) || (e.type === 'text_mention' && e.user.id === me.id),
  );
}

/**
 * Files, photos, voice notes, stickers, locations and contacts sent to Pandu (any in a
 * private chat; in groups when addressed to Pandu) get a short reply saying what Pandu can
 * do instead, so no message goes unanswered. Edited messages are not among the updates
 * Pandu asks Telegram for, so an edit is never answered a second time.
 */
export function unsupportedFeature(): Composer<Context> {
  const c = new Composer<Context>();
  c.on('message', async (ctx, next) => {
    const kind = unsupportedKind(ctx.msg);
    if (kind === null || !addressed(ctx.msg, ctx.me)) return next();
    await replyHtml(ctx, t.unsupported(kind));
  });
  return c;
}
