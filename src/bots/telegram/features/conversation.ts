import { Composer, type Context } from 'grammy';
import { forgetSession, linkedSession, linkMessages } from '../../../conversation/index.ts';
import type { Queryable } from '../../../db/index.ts';
import { telegramMessages as t } from '../../../messages/index.ts';
import { isGroup, replyHtml, type FeatureDeps } from '../context.ts';

const PLATFORM = 'telegram';

/** Every conversation of a chat starts with this key: 'telegram:-100123'. */
export const chatSessionPrefix = (chatId: number | string): string => `${PLATFORM}:${chatId}`;

/**
 * The conversation a question belongs to. A private chat is one conversation. In a
 * group, a reply to one of Pandu's answers continues the conversation that answer came
 * from; any other question (a mention, /tanya) starts a new one, keyed by its message.
 */
export async function sessionFor(ctx: Context, db: Queryable): Promise<string> {
  const chatId = ctx.chat!.id;
  if (!isGroup(ctx)) return chatSessionPrefix(chatId);
  const msg = ctx.msg;
  const reply = msg?.reply_to_message;
  const topicRoot = msg?.is_topic_message && reply?.message_id === msg.message_thread_id;
  if (reply && reply.from?.id === ctx.me.id && !topicRoot) {
    const known = await linkedSession(db, PLATFORM, String(chatId), reply.message_id);
    if (known) return known;
  }
  return `${chatSessionPrefix(chatId)}:${msg?.message_id ?? 'tanpa-pesan'}`;
}

/** Remembers which conversation Pandu's answer messages belong to (group reply chains). */
export async function rememberAnswerMessages(ctx: Context, db: Queryable, sessionId: string, messageIds: readonly number[], at: Date): Promise<void> {
  if (!isGroup(ctx) || messageIds.length === 0) return;
  await linkMessages(db, { platform: PLATFORM, chatId: String(ctx.chat!.id), messageIds, sessionId, at });
}

/** /baru: forget the conversation (in a group, every reply chain of the group). */
export function conversationFeature(deps: Pick<FeatureDeps, 'db' | 'log'>): Composer<Context> {
  const c = new Composer<Context>();
  c.command('baru', async (ctx) => {
    const group = isGroup(ctx);
    await forgetSession(deps.db, chatSessionPrefix(ctx.chat.id), { nested: group });
    deps.log.info({ chat: ctx.chat.id }, 'conversation cleared');
    await replyHtml(ctx, t.conversation.cleared(group));
  });
  return c;
}
