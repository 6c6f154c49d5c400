import { Composer, type Context } from 'grammy';
import { telegramMessages as t } from '../../../messages/index.ts';
import { findChat, setRemindersEnabled } from '../../../chats/index.ts';
import { currentStage, regionDeadlines } from '../../../programme/index.ts';
import { chatPauses, pauseReminders, PAUSE_DAYS, resumeReminders } from '../../../reminders/index.ts';
import { commandArgument, isChatAdmin, isGroup, replyHtml, type FeatureDeps } from '../context.ts';

const ON = new Set(['on', 'nyala', 'aktif', 'ya', 'hidup']);
const OFF = new Set(['off', 'mati', 'nonaktif', 'tidak']);
const RESUME = new Set(['batal', 'lanjut', 'lanjutkan', '0']);
const DAY_MS = 86_400_000;

/** /pengingat on|off (the chat's opt-in) and /tunda HARI (pause the running stage's reminders); admins only in groups. */
export function remindersFeature(deps: FeatureDeps): Composer<Context> {
  const c = new Composer<Context>();
  c.command('pengingat', (ctx) => toggleReminders(ctx, deps));
  c.command('tunda', (ctx) => pauseStage(ctx, deps));
  return c;
}

export async function toggleReminders(ctx: Context, deps: Pick<FeatureDeps, 'db' | 'log' | 'now'>): Promise<void> {
  const chatId = String(ctx.chat!.id);
  const chat = await findChat(deps.db, chatId);
  if (!chat?.regionCode) return void (await replyHtml(ctx, t.notBound(isGroup(ctx))));
  const arg = commandArgument(ctx).toLowerCase();
  const wanted = ON.has(arg) ? true : OFF.has(arg) ? false : null;
  if (wanted === null) {
    const pauses = (await chatPauses(deps.db, chat.id, deps.now())).map((p) => ({ ...p, timezone: chat.timezone ?? 'Asia/Jakarta' }));
    return void (await replyHtml(ctx, t.reminders.usage(chat.remindersEnabled, pauses)));
  }
  if (!(await isChatAdmin(ctx))) return void (await replyHtml(ctx, t.adminOnly));
  await setRemindersEnabled(deps.db, chatId, wanted);
  deps.log.info({ chat: chatId, reminders: wanted }, 'reminders switched');
  await replyHtml(ctx, wanted ? t.reminders.on(isGroup(ctx)) : t.reminders.off);
}

/** /tunda 7: no reminder of the region's running stage reaches this chat for 7 days. */
export async function pauseStage(ctx: Context, deps: Pick<FeatureDeps, 'db' | 'log' | 'now'>): Promise<void> {
  const chat = await findChat(deps.db, String(ctx.chat!.id));
  if (!chat?.regionCode) return void (await replyHtml(ctx, t.notBound(isGroup(ctx))));
  const arg = commandArgument(ctx).toLowerCase();
  const days = /^\d{1,2}$/.test(arg) ? Number(arg) : NaN;
  const resume = RESUME.has(arg);
  if (!resume && !(days >= PAUSE_DAYS.min && days <= PAUSE_DAYS.max)) return void (await replyHtml(ctx, t.pause.usage));
  if (!(await isChatAdmin(ctx))) return void (await replyHtml(ctx, t.adminOnly));
  const now = deps.now();
  if (resume) return void (await replyHtml(ctx, t.pause.resumed(await resumeReminders(deps.db, chat.id, now))));
  const stage = currentStage(await regionDeadlines(deps.db, chat.regionCode));
  if (!stage) return void (await replyHtml(ctx, t.pause.noStage));
  const until = new Date(now.getTime() + days * DAY_MS);
  await pauseReminders(deps.db, { chatRef: chat.id, stageId: stage.stageId, until, by: `telegram:${ctx.from?.id ?? ctx.chat!.id}`, now });
  deps.log.info({ chat: ctx.chat!.id, stage: stage.stageId, days }, 'reminders paused');
  await replyHtml(ctx, t.pause.paused(stage.stageName, days, until, stage.timezone, isGroup(ctx)));
}
