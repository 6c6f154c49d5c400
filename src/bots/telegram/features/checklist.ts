import { Composer, GrammyError, InlineKeyboard, type Context } from 'grammy';
import { PanduError } from '../../../errors.ts';
import { telegramMessages as t } from '../../../messages/index.ts';
import { currentStage, regionDeadlines, setChecklistItem, stageChecklist, type StageChecklist } from '../../../programme/index.ts';
import { findChat } from '../../../chats/index.ts';
import { displayName, replyHtml, type FeatureDeps } from '../context.ts';
import { boundRegion } from './deadlines.ts';

/** Callback data of a checklist button: tick (1) or untick (0) one item. */
export const CHECKLIST_DATA = /^ck:([A-Za-z0-9._-]{1,40}):([01])$/;

export function checklistData(itemId: string, done: boolean): string {
  return `ck:${itemId}:${done ? 1 : 0}`;
}

/** /checklist shows the current stage's items with buttons; a tap ticks or unticks one. */
export function checklistFeature(deps: FeatureDeps): Composer<Context> {
  const c = new Composer<Context>();
  c.command('checklist', (ctx) => showChecklist(ctx, deps));
  c.callbackQuery(CHECKLIST_DATA, (ctx) => tapChecklist(ctx, deps));
  return c;
}

/** The checklist message: header with progress x/y, one line per item (who ticked it), one button per item. */
export function renderChecklist(cl: StageChecklist, regionName: string): { html: string; markup: InlineKeyboard } {
  const lines = cl.items.map((i) => t.checklist.item(i));
  const html = [t.checklist.header({ stageName: cl.stageName, regionName, done: cl.done, total: cl.total }), lines.join('\n'), t.checklist.howTo].join(
    '\n\n',
  );
  const markup = new InlineKeyboard();
  for (const i of cl.items) markup.text(t.checklist.button(i), checklistData(i.id, !i.done)).row();
  return { html, markup };
}

export async function showChecklist(ctx: Context, deps: Pick<FeatureDeps, 'db'>): Promise<void> {
  const chat = await boundRegion(ctx, deps);
  if (!chat) return;
  const deadlines = await regionDeadlines(deps.db, chat.regionCode);
  if (deadlines.length === 0) return void (await replyHtml(ctx, t.deadlines.noCohort(chat.regionName)));
  const stage = currentStage(deadlines);
  if (!stage) return void (await replyHtml(ctx, t.checklist.noStage(chat.regionName)));
  const cl = await stageChecklist(deps.db, chat.regionCode, stage.stageId);
  if (!cl || cl.total === 0) return void (await replyHtml(ctx, t.checklist.empty(stage.stageName)));
  const { html, markup } = renderChecklist(cl, chat.regionName);
  await replyHtml(ctx, html, markup);
}

export async function tapChecklist(ctx: Context, deps: Pick<FeatureDeps, 'db' | 'log' | 'now'>): Promise<void> {
  const m = CHECKLIST_DATA.exec(ctx.callbackQuery?.data ?? '');
  if (!m) return;
  const [, itemId, flag] = m as unknown as [string, string, string];
  const done = flag === '1';
  const chat = ctx.chat ? await findChat(deps.db, String(ctx.chat.id)) : null;
  if (!chat?.regionCode) return void (await ctx.answerCallbackQuery({ text: t.checklist.notBound, show_alert: true }));
  const from = ctx.callbackQuery!.from;
  let result: Awaited<ReturnType<typeof setChecklistItem>>;
  try {
    result = await setChecklistItem(deps.db, {
      regionCode: chat.regionCode,
      itemId,
      done,
      by: String(from.id),
      byName: displayName(from),
      now: deps.now(),
    });
  } catch (err) {
    if (PanduError.isInstance(err, 'USAGE')) return void (await ctx.answerCallbackQuery({ text: t.checklist.unknownItem, show_alert: true }));
    throw err;
  }
  deps.log.info({ chat: ctx.chat!.id, item: itemId, done, changed: result.changed }, 'checklist tap');
  const cl = await stageChecklist(deps.db, chat.regionCode, result.stageId);
  if (cl && ctx.callbackQuery?.message) {
    const { html, markup } = renderChecklist(cl, chat.regionName ?? chat.regionCode);
    try {
      await ctx.editMessageText(html, { parse_mode: 'HTML', reply_markup: markup, link_preview_options: { is_disabled: true } });
    } catch (err) {
      // A double tap renders the same message again: nothing to change.
      if (!(err instanceof GrammyError && /message is not modified/i.test(err.description))) throw err;
    }
  }
  const text = !result.changed
    ? t.checklist.unchanged(itemId, done)
    : done && result.stageCompleted && cl
      ? t.checklist.stageCompleted(cl.stageName)
      : done
        ? t.checklist.ticked(itemId)
        : t.checklist.unticked(itemId);
  await ctx.answerCallbackQuery({ text });
}
