import { Composer, type Context } from 'grammy';
import type { Message, UserFromGetMe } from 'grammy/types';
import { MAX_QUESTION_LENGTH } from '../../../answer/types.ts';
import { stripControlChars } from '../../../language/index.ts';
import { telegramMessages as t } from '../../../messages/index.ts';
import { findChat } from '../../../chats/index.ts';
import { commandArgument, errorSummary, isGroup, replyHtml, type FeatureDeps } from '../context.ts';
import { answerKeyboard } from '../keyboard.ts';
import { storeRemainder } from '../remainders.ts';
import { renderAnswer } from '../render.ts';
import { rememberAnswerMessages, sessionFor } from './conversation.ts';

/** Characters an answer shows at once: a group is read by many on phones, a private chat by one. */
export const BUDGET = { group: 700, private: 1_200 } as const;

const TYPING_EVERY_MS = 4_500;

/**
 * Questions: any text in a private chat; in groups only when Pandu is mentioned, a
 * message of Pandu is replied to, or /tanya is used (all of which reach a bot with
 * privacy mode on). The answer is composed off the update loop (deps.work), one
 * question at a time per chat, with "typing…" shown meanwhile.
 */
export function askFeature(deps: FeatureDeps): Composer<Context> {
  const c = new Composer<Context>();
  c.command('tanya', (ctx) => takeQuestion(ctx, commandArgument(ctx), deps));
  c.on('message:text', async (ctx, next) => {
    const question = addressedQuestion(ctx.msg, ctx.me);
    if (question === null) return next();
    await takeQuestion(ctx, question, deps);
  });
  return c;
}

/**
 * The question in a message addressed to Pandu, or null when the message is not for
 * Pandu (a command, or group chatter that neither mentions nor replies to Pandu).
 */
export function addressedQuestion(msg: Message & { text: string }, me: UserFromGetMe): string | null {
  const entities = msg.entities ?? [];
  if (entities.some((e) => e.type === 'bot_command' && e.offset === 0)) return null;
  if (msg.chat.type === 'private') return msg.text.trim();
  if (msg.chat.type !== 'group' && msg.chat.type !== 'supergroup') return null;
  const handle = `@${me.username}`.toLowerCase();
  const mentions = entities.filter(
    (e) =>
      (e.type === 'mention' && msg.text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
      (e.type === 'text_mention' && e.user.id === me.id),
  );
  const reply = msg.reply_to_message;
  // In forum topics every message "replies" to the topic's first message: not a reply to Pandu.
  const topicRoot = msg.is_topic_message && reply?.message_id === msg.message_thread_id;
  const repliesToPandu = reply?.from?.id === me.id && !topicRoot;
  if (mentions.length === 0 && !repliesToPandu) return null;
  let text = msg.text;
  for (const e of [...mentions].sort((a, b) => b.offset - a.offset)) {
    if (e.type === 'mention') text = text.slice(0, e.offset) + text.slice(e.offset + e.length);
  }
  return text.replace(/[ \t]+/g, ' ').replace(/^[\s,:;-]+/, '').trim();
}

/** Checks the question (empty, too long, user's rate) and queues the answer. */
export async function takeQuestion(ctx: Context, raw: string, deps: FeatureDeps): Promise<void> {
  const question = stripControlChars(raw).trim();
  if (!question) return void (await replyHtml(ctx, t.ask.usage));
  if (question.length > MAX_QUESTION_LENGTH) return void (await replyHtml(ctx, t.ask.tooLong(MAX_QUESTION_LENGTH)));
  const userKey = String(ctx.from?.id ?? ctx.chat!.id);
  const rate = deps.limiter.check(userKey);
  if (!rate.ok) {
    deps.log.info({ chat: ctx.chat!.id, user: userKey }, 'question rate-limited');
    if (rate.notify) await replyHtml(ctx, t.ask.rateLimited(rate.retryAfterSec));
    return;
  }
  deps.work.run(`chat:${ctx.chat!.id}`, () => answerQuestion(ctx, question, deps));
}

/** Composes the answer and sends it (split if long) with 👍/👎 under the last part. */
export async function answerQuestion(ctx: Context, question: string, deps: FeatureDeps): Promise<void> {
  const started = performance.now();
  const chatId = String(ctx.chat!.id);
  const typing = keepTyping(ctx);
  try {
    const chat = await findChat(deps.db, chatId);
    const sessionId = await sessionFor(ctx, deps.db);
    const now = deps.now();
    const answer = await deps.answers.ask({
      question,
      platform: 'telegram',
      chatId,
      userId: ctx.from ? String(ctx.from.id) : undefined,
      regionCode: chat?.regionCode ?? null,
      sessionId,
      now,
      budget: isGroup(ctx) ? BUDGET.group : BUDGET.private,
    });
    const parts = renderAnswer(answer);
    const remainderId = answer.more ? await storeRemainder(deps.db, { chatId, questionId: answer.questionId, answer, at: now }) : null;
    await typing.stop();
    const sent: number[] = [];
    for (const [i, html] of parts.entries()) {
      const markup = i === parts.length - 1 ? answerKeyboard({ questionId: answer.questionId, remainderId }) : undefined;
      sent.push(await replyHtml(ctx, html, markup));
    }
    await rememberAnswerMessages(ctx, deps.db, sessionId, sent, now).catch((err: unknown) =>
      deps.log.warn({ error: errorSummary(err), chat: chatId }, 'answer messages not linked to the conversation'),
    );
    deps.log.info(
      { chat: chatId, question: answer.questionId, intent: answer.intent, refused: answer.refused, parts: parts.length, ms: Math.round(performance.now() - started) },
      'question answered',
    );
  } catch (err) {
    await typing.stop();
    deps.log.error({ error: errorSummary(err), chat: chatId }, 'answering failed');
    await replyHtml(ctx, t.apology).catch((e: unknown) => deps.log.warn({ error: errorSummary(e), chat: chatId }, 'apology not delivered'));
  }
}

/** Shows "typing…" now and every few seconds until stopped. */
function keepTyping(ctx: Context): { stop(): Promise<void> } {
  const send = () => ctx.replyWithChatAction('typing').then(
    () => undefined,
    () => undefined,
  );
  let inFlight = send();
  const timer = setInterval(() => (inFlight = send()), TYPING_EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
