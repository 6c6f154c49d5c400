import { Composer, type Context } from 'grammy';
import { telegramMessages as t } from '../../../messages/index.ts';
import { findChat, setRemindersEnabled } from '../../../chats/index.ts';
import { commandArgument, isChatAdmin, isGroup, replyHtml, type FeatureDeps } from '../context.ts';

const ON = new Set(['on', 'nyala', 'aktif', 'ya', 'hidup']);
const OFF = new Set(['off', 'mati', 'nonaktif', 'tidak']);

/** /pengingat on|off: the chat's opt-in for deadline reminders (admins only in groups). */
export function remindersFeature(deps: FeatureDeps): Composer<Context> {
  const c = new Composer<Context>();
  c.command('pengingat', (ctx) => toggleReminders(ctx, deps));
  return c;
}

export async function toggleReminders(ctx: Context, deps: Pick<FeatureDeps, 'db' | 'log'>): Promise<void> {
  const chatId = String(ctx.chat!.id);
  const chat = await findChat(deps.db, chatId);
  if (!chat?.regionCode) return void (await replyHtml(ctx, t.notBound(isGroup(ctx))));
  const arg = commandArgument(ctx).toLowerCase();
  const wanted = ON.has(arg) ? true : OFF.has(arg) ? false : null;
  if (wanted === null) return void (await replyHtml(ctx, t.reminders.usage(chat.remindersEnabled)));
  if (!(await isChatAdmin(ctx))) return void (await replyHtml(ctx, t.adminOnly));
  await setRemindersEnabled(deps.db, chatId, wanted);
  deps.log.info({ chat: chatId, reminders: wanted }, 'reminders switched');
  await replyHtml(ctx, wanted ? t.reminders.on : t.reminders.off);
}
