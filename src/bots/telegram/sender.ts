import { Api, GrammyError, HttpError } from 'grammy';
import type { Config } from '../../config/index.ts';
import type { Db } from '../../db/index.ts';
import type { Logger } from '../../log.ts';
import { pacerFor, type Pacer, type PacerTime, type PaceLimits } from '../../pacing/index.ts';
import type { SendResult, Sender } from '../../reminders/index.ts';
import { telegramPace } from './throttle.ts';

/** Where a bot's send windows live: one scope per bot (its numeric id, never the token's secret half). */
export const telegramPaceScope = (token: string): string => `telegram:${token.split(':')[0]}`;

/** The bot's one pacing layer: in the database on PostgreSQL (shared by the replicas), else in this process. */
export function telegramPacer(o: { db: Db; token: string; logger?: Logger; limits?: PaceLimits } & PacerTime): Pacer {
  return pacerFor({ ...o, scope: telegramPaceScope(o.token), limits: o.limits ?? telegramPace() });
}

/**
 * The reminder Sender over the Telegram Bot API (grammY's Api client). The bot's pacer
 * comes along for the dispatcher: `send` does not wait. No auto-retry here: the
 * dispatcher honours 429 retry_after itself.
 */
export function createTelegramSender(input: { api: Api; pacer: Pacer }): Sender {
  const { api } = input;
  return {
    platform: 'telegram',
    pacer: input.pacer,
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

/**
 * The sender for `pandu reminders run` (no bot running in this process), when
 * TELEGRAM_BOT_TOKEN is set; TELEGRAM_API_ROOT honoured.
 */
export function telegramReminderSender(config: Pick<Config, 'telegram'>, db: Db, logger?: Logger): Sender | undefined {
  const { token, apiRoot } = config.telegram;
  if (!token) return undefined;
  return createTelegramSender({ api: new Api(token, { apiRoot, timeoutSeconds: 20 }), pacer: telegramPacer({ db, token, logger }) });
}

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
