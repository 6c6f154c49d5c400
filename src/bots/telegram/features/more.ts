import { Composer, GrammyError, type Context } from 'grammy';
import { telegramMessages as t } from '../../../messages/index.ts';
import { errorSummary, isGroup, type FeatureDeps } from '../context.ts';
import { MORE_DATA, withRows } from '../keyboard.ts';
import { loadRemainder } from '../remainders.ts';
import { renderAnswer } from '../render.ts';

const notModified = (err: unknown) => err instanceof GrammyError && /message is not modified/.test(err.description);

/**
 * "Selengkapnya": the stored answer in full. When it fits one message the answer is edited
 * in place; otherwise the remainder follows as a reply. The button then goes away; an
 * expired one says so and goes away too.
 */
export function moreFeature(deps: Pick<FeatureDeps, 'db' | 'log' | 'now'>): Composer<Context> {
  const c = new Composer<Context>();
  c.callbackQuery(MORE_DATA, async (ctx) => {
    const id = Number(ctx.match[1]);
    const msg = ctx.callbackQuery.message;
    const chatId = String(ctx.chat?.id ?? '');
    const stored = await loadRemainder(deps.db, id, chatId, deps.now());
    const markup = withRows(msg?.reply_markup, { dropMore: true });
    if (!stored || !msg) {
      await ctx.answerCallbackQuery({ text: t.ask.moreExpired, show_alert: true });
      await ctx.editMessageReplyMarkup({ reply_markup: markup }).catch((err: unknown) => {
        if (!notModified(err)) deps.log.warn({ error: errorSummary(err) }, 'expired button not removed');
      });
      return;
    }
    const full = renderAnswer({ ...stored, answer: [stored.answer, stored.more].filter(Boolean).join('\n\n') });
    try {
      if (full.length === 1) {
        await ctx.editMessageText(full[0]!, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, reply_markup: markup });
      } else {
        for (const html of renderAnswer({ answer: stored.more ?? '', citations: [] })) {
          await ctx.reply(html, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(isGroup(ctx) ? { reply_parameters: { message_id: msg.message_id, allow_sending_without_reply: true } } : {}),
          });
        }
        await ctx.editMessageReplyMarkup({ reply_markup: markup });
      }
    } catch (err) {
      if (!notModified(err)) throw err;
    }
    deps.log.info({ chat: chatId, remainder: id, edited: full.length === 1 }, 'answer shown in full');
    await ctx.answerCallbackQuery();
  });
  return c;
}
