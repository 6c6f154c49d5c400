import { Composer, type Context } from 'grammy';
import { telegramMessages as t } from '../../../messages/index.ts';
import { migrateChat, setChatActive } from '../../../chats/index.ts';
import { replyHtml, type FeatureDeps } from '../context.ts';

/**
 * Pandu's own membership: removed from a group or blocked in private → the chat is
 * deactivated (no reminders); added back or unblocked → active again; added to a
 * group → a short welcome on how to bind it. A group upgraded to a supergroup keeps
 * its binding under the new id.
 */
export function membershipFeature(deps: FeatureDeps): Composer<Context> {
  const c = new Composer<Context>();
  c.on('my_chat_member', async (ctx) => {
    const { old_chat_member: before, new_chat_member: after, chat } = ctx.myChatMember;
    const gone = after.status === 'left' || after.status === 'kicked';
    const wasGone = before.status === 'left' || before.status === 'kicked';
    await setChatActive(deps.db, String(chat.id), !gone, gone ? `bot ${after.status}` : '', deps.now());
    deps.log.info({ chat: chat.id, from: before.status, to: after.status }, 'membership changed');
    if (wasGone && !gone && chat.type !== 'private' && chat.type !== 'channel') {
      await replyHtml(ctx, t.welcomeGroup(ctx.me.username));
    }
  });
  c.on('message:migrate_to_chat_id', async (ctx) => {
    await migrateChat(deps.db, String(ctx.chat.id), String(ctx.msg.migrate_to_chat_id));
    deps.log.info({ from: ctx.chat.id, to: ctx.msg.migrate_to_chat_id }, 'group migrated to supergroup');
  });
  return c;
}
