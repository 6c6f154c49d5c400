import { Composer, type Context } from 'grammy';
import { telegramMessages as t } from '../../../messages/index.ts';
import { findChat } from '../../../chats/index.ts';
import { isGroup, replyHtml, type FeatureDeps } from '../context.ts';

/** /start and /bantuan: what Pandu does and how to use it here. */
export function helpFeature(deps: FeatureDeps): Composer<Context> {
  const c = new Composer<Context>();
  c.command('start', (ctx) => sendStart(ctx, deps));
  c.command(['bantuan', 'help'], (ctx) => sendHelp(ctx));
  return c;
}

export async function sendStart(ctx: Context, deps: Pick<FeatureDeps, 'db'>): Promise<void> {
  const chat = await findChat(deps.db, String(ctx.chat!.id));
  await replyHtml(ctx, t.start({ botUsername: ctx.me.username, isGroup: isGroup(ctx), regionName: chat?.regionName ?? null }));
}

export async function sendHelp(ctx: Context): Promise<void> {
  await replyHtml(ctx, t.help({ botUsername: ctx.me.username, isGroup: isGroup(ctx) }));
}

/**
 * Installed last: a command nobody handled gets the help text. In groups only when it
 * is addressed to Pandu (/perintah@pandu_bot), never for other bots' commands.
 */
export function unknownCommandFeature(): Composer<Context> {
  const c = new Composer<Context>();
  c.on('message:entities:bot_command', async (ctx, next) => {
    const entity = ctx.msg.entities.find((e) => e.type === 'bot_command' && e.offset === 0);
    if (!entity) return next();
    const command = ctx.msg.text.slice(0, entity.length);
    const target = command.split('@')[1];
    if (isGroup(ctx) && target?.toLowerCase() !== ctx.me.username.toLowerCase()) return next();
    if (target && target.toLowerCase() !== ctx.me.username.toLowerCase()) return next();
    await sendHelp(ctx);
  });
  return c;
}
