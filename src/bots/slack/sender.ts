import { webApi, type App } from '@slack/bolt';
import { pacerFor, type Pacer, type PaceLimits } from '../../pacing/index.ts';
import type { Db } from '../../db/index.ts';
import type { Sender, SendResult } from '../../reminders/index.ts';

type WebClient = App['client'];

/** Slack's errors for a channel Pandu can no longer post to: deactivate, never retry. */
const GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  'token_revoked',
  'restricted_action',
  'ekm_access_denied',
  'team_access_not_granted',
]);

/** Slack: about one message a second per channel; 10 a second overall keeps well inside the tier. */
export const SLACK_PACE: PaceLimits = Object.freeze({ ratePerSec: 10, perChat: () => ({ limit: 1, periodMs: 1_000 }) });

/** The Slack app's pacer for reminders: in the database on PostgreSQL (shared by the replicas), else in this process. */
export const slackPacer = (db: Db): Pacer => pacerFor({ db, scope: 'slack', limits: SLACK_PACE });

/**
 * The reminder port for Slack chats: one chat.postMessage per reminder (Slack mrkdwn).
 * The client is built with rejectRateLimitedCalls so a 429 becomes `rate_limited`
 * for the dispatcher (which pauses `pacer`) instead of a silent wait.
 */
export function createSlackSender(client: WebClient, pacer: Pacer): Sender {
  return {
    platform: 'slack',
    pacer,
    async send(chatId, message): Promise<SendResult> {
      try {
        const res = await client.chat.postMessage({ channel: chatId, text: message.text, mrkdwn: true, unfurl_links: false });
        return { ok: true, messageId: res.ts ? String(res.ts) : undefined };
      } catch (err) {
        const e = err as { code?: string; data?: { error?: string }; retryAfter?: number; message?: string };
        if (e.code === webApi.ErrorCode.RateLimitedError) {
          return { ok: false, kind: 'rate_limited', retryAfterSec: e.retryAfter ?? 1, error: 'ratelimited' };
        }
        if (e.code === webApi.ErrorCode.PlatformError) {
          const error = e.data?.error ?? 'unknown_error';
          return { ok: false, kind: GONE.has(error) ? 'blocked' : 'transient', error };
        }
        return { ok: false, kind: 'transient', error: e.message ?? String(err) };
      }
    },
  };
}
