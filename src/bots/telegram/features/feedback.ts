import { Composer, type Context } from 'grammy';
import { MAX_FEEDBACK_COMMENT, type FeedbackReason } from '../../../answer/types.ts';
import type { Queryable } from '../../../db/index.ts';
import { stripControlChars } from '../../../language/index.ts';
import { telegramMessages as t } from '../../../messages/index.ts';
import { errorSummary, type FeatureDeps } from '../context.ts';
import { FEEDBACK_DATA, LOCKED_DATA, lockedRow, REASON_DATA, reasonRow, withRows } from '../keyboard.ts';

type Deps = Pick<FeatureDeps, 'db' | 'answers' | 'log' | 'now'>;

/**
 * 👍/👎 under an answer. 👍 thanks and locks the buttons; 👎 asks why (three buttons); the
 * reason is stored, the buttons show it, and a prompt invites a one-line comment, which
 * is stored when the voter replies to that prompt.
 */
export function feedbackFeature(deps: Deps): Composer<Context> {
  const c = new Composer<Context>();
  c.callbackQuery(FEEDBACK_DATA, async (ctx) => {
    const [id, vote] = [Number(ctx.match[1]), ctx.match[2] === '1' ? 1 : -1] as const;
    if (!(await store(ctx, deps, id, vote))) return;
    const row = vote === 1 ? lockedRow(t.feedback.recordedUp) : reasonRow(id);
    await ctx.editMessageReplyMarkup({ reply_markup: withRows(ctx.callbackQuery.message?.reply_markup, { feedback: row }) });
    await ctx.answerCallbackQuery({ text: vote === 1 ? t.feedback.thanksUp : t.feedback.askReason });
  });
  c.callbackQuery(REASON_DATA, async (ctx) => {
    const id = Number(ctx.match[1]);
    const reason = ctx.match[2] as FeedbackReason;
    if (!(await store(ctx, deps, id, -1, reason))) return;
    const label = t.feedback.reasons[reason];
    await ctx.editMessageReplyMarkup({ reply_markup: withRows(ctx.callbackQuery.message?.reply_markup, { feedback: lockedRow(t.feedback.recordedDown(label)) }) });
    await ctx.answerCallbackQuery();
    const answerId = ctx.callbackQuery.message?.message_id;
    const prompt = await ctx.reply(t.feedback.commentPrompt(label), {
      parse_mode: 'HTML',
      reply_markup: { force_reply: true, selective: true, input_field_placeholder: label },
      ...(answerId ? { reply_parameters: { message_id: answerId, allow_sending_without_reply: true } } : {}),
    });
    await rememberPrompt(deps.db, { chatId: String(ctx.chat!.id), messageId: prompt.message_id, questionId: id, userId: String(ctx.from.id), at: deps.now() });
  });
  c.callbackQuery(LOCKED_DATA, (ctx) => ctx.answerCallbackQuery({ text: t.feedback.already }));
  c.on('message:text', async (ctx, next) => {
    const reply = ctx.msg.reply_to_message;
    if (!reply || reply.from?.id !== ctx.me.id) return next();
    const prompt = await findPrompt(deps.db, String(ctx.chat.id), reply.message_id, String(ctx.from.id));
    if (!prompt) return next();
    const comment = stripControlChars(ctx.msg.text.split('\n')[0] ?? '').trim().slice(0, MAX_FEEDBACK_COMMENT);
    if (!comment) return;
    await deps.answers.feedback(prompt.questionId, -1, String(ctx.from.id), { comment });
    deps.log.info({ question: prompt.questionId }, 'feedback comment stored');
    const [row] = await deps.db.query<{ reason: FeedbackReason | null }>('SELECT feedback_reason AS reason FROM questions WHERE id = $1', [prompt.questionId]);
    const label = row?.reason ? t.feedback.reasons[row.reason] : t.ask.feedbackDown;
    await ctx.api.editMessageText(ctx.chat.id, reply.message_id, t.feedback.commentRecorded(label, comment), { parse_mode: 'HTML' });
  });
  return c;
}

/** Stores a vote; false (and the user told) when the question is no longer known. */
async function store(ctx: Context, deps: Deps, id: number, vote: 1 | -1, reason?: FeedbackReason): Promise<boolean> {
  try {
    await deps.answers.feedback(id, vote, String(ctx.callbackQuery!.from.id), reason ? { reason } : undefined);
  } catch (err) {
    deps.log.warn({ error: errorSummary(err), question: id }, 'feedback not stored');
    await ctx.answerCallbackQuery({ text: t.ask.feedbackUnknown });
    return false;
  }
  deps.log.info({ question: id, vote, reason }, 'feedback');
  return true;
}

async function rememberPrompt(db: Queryable, p: { chatId: string; messageId: number; questionId: number; userId: string; at: Date }): Promise<void> {
  await db.query(
    `INSERT INTO feedback_prompts (platform, chat_id, message_id, question_id, user_id, created_at) VALUES ('telegram', $1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING`,
    [p.chatId, p.messageId, p.questionId, p.userId, p.at.toISOString()],
  );
}

/** The prompt a reply answers, when the replier is the one who voted. */
async function findPrompt(db: Queryable, chatId: string, messageId: number, userId: string): Promise<{ questionId: number } | null> {
  const [row] = await db.query<{ questionId: number }>(
    `SELECT question_id AS "questionId" FROM feedback_prompts WHERE platform = 'telegram' AND chat_id = $1 AND message_id = $2 AND user_id = $3`,
    [chatId, messageId, userId],
  );
  return row ?? null;
}
