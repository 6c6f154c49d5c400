import { Composer, type Context } from 'grammy';
import { telegramMessages as t } from '../../../messages/index.ts';
import { redeemInvite } from '../../../regions/index.ts';
import { findChat, unbindChat } from '../../../chats/index.ts';
import { commandArgument, isChatAdmin, isGroup, replyHtml, type FeatureDeps } from '../context.ts';

/** /daftar KODE binds the chat to a region with a one-time invite; /lepas unbinds it. */
export function bindFeature(deps: FeatureDeps): Composer<Context> {
  const c = new Composer<Context>();
  c.command('daftar', (ctx) => bindChat(ctx, deps));
  c.command('lepas', (ctx) => unbind(ctx, deps));
  return c;
}

export async function bindChat(ctx: Context, deps: Pick<FeatureDeps, 'db' | 'log' | 'now'>): Promise<void> {
  const code = commandArgument(ctx).split(/\s+/)[0] ?? '';
  if (!code) return void (await replyHtml(ctx, t.bind.usage));
  if (!(await isChatAdmin(ctx))) return void (await replyHtml(ctx, t.adminOnly));
  const chat = ctx.chat!;
  const result = await redeemInvite(deps.db, {
    code,
    platform: 'telegram',
    chatId: String(chat.id),
    title: 'title' in chat ? chat.title : undefined,
    by: String(ctx.from!.id),
    now: deps.now(),
  });
  if (!result.ok) {
    deps.log.info({ chat: chat.id, reason: result.reason }, 'invite refused');
    return void (await replyHtml(ctx, t.bind[result.reason]));
  }
  deps.log.info({ chat: chat.id, region: result.region.code }, 'chat bound to region');
  await replyHtml(ctx, t.bind.bound(result.region.name, isGroup(ctx)));
}

export async function unbind(ctx: Context, deps: Pick<FeatureDeps, 'db' | 'log'>): Promise<void> {
  const chatId = String(ctx.chat!.id);
  const chat = await findChat(deps.db, chatId);
  if (!chat?.regionCode) return void (await replyHtml(ctx, t.notBound(isGroup(ctx))));
  if (!(await isChatAdmin(ctx))) return void (await replyHtml(ctx, t.adminOnly));
  await unbindChat(deps.db, chatId);
  deps.log.info({ chat: chatId, region: chat.regionCode }, 'chat unbound');
  await replyHtml(ctx, t.unbind.done(chat.regionName ?? chat.regionCode, isGroup(ctx)));
}
