import { Api, GrammyError, HttpError } from 'grammy';
import type { SendResult, Sender } from './sender.ts';

/**
 * The reminder Sender over the Telegram Bot API (grammY's Api client). Used by
 * `pandu reminders run` (no bot running) and by `pandu start` until the Telegram
 * adapter provides its own sender. No auto-retry here: the dispatcher honours 429
 * retry_after itself and keeps the rate under Telegram's limits.
 */
export function createTelegramSender(input: { token: string; apiRoot?: string; timeoutSeconds?: number } | { api: Api }): Sender {
  const api =
    'api' in input ? input.api : new Api(input.token, { apiRoot: input.apiRoot, timeoutSeconds: input.timeoutSeconds ?? 20 });
  return {
    platform: 'telegram',
    async send(chatId, message): Promise<SendResult> {
      const send = (id: string | number) =>
        api.sendMessage(id, message.text, {
          parse_mode: message.format === 'html' ? 'HTML' : undefined,
          link_preview_options: { is_disabled: true },
        });
      try {
        const sent = await send(chatId);
        return { ok: true, messageId: String(sent.message_id) };
      } catch (err) {
        // A group upgraded to a supergroup has a new id: deliver there once (the Telegram
        // adapter updates chats.chat_id when it sees the migration).
        const to = err instanceof GrammyError ? err.parameters.migrate_to_chat_id : undefined;
        if (to !== undefined) {
          try {
            const sent = await send(to);
            return { ok: true, messageId: String(sent.message_id) };
          } catch (again) {
            return classify(again);
          }
        }
        return classify(err);
      }
    },
  };
}

const GONE = /chat not found|bot was kicked|bot was blocked|bot is not a member|user is deactivated|have no rights to send|not enough rights to send|CHAT_WRITE_FORBIDDEN|need administrator rights|chat was deleted|group chat was deactivated|PEER_ID_INVALID/i;

/** Maps a Bot API failure to what the dispatcher does with it. Never includes the token. */
export function classify(err: unknown): SendResult {
  if (err instanceof GrammyError) {
    const error = `${err.error_code} ${err.description}`;
    if (err.error_code === 429) return { ok: false, kind: 'rate_limited', retryAfterSec: err.parameters.retry_after ?? 1, error };
    if (err.error_code === 403 || (err.error_code === 400 && GONE.test(err.description))) return { ok: false, kind: 'blocked', error };
    return { ok: false, kind: 'transient', error };
  }
  if (err instanceof HttpError) return { ok: false, kind: 'transient', error: `network: ${err.message}` };
  return { ok: false, kind: 'transient', error: err instanceof Error ? err.message : String(err) };
}
