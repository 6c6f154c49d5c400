import { webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Config } from '../../config/index.ts';

/** Default deadline of one Slack Web API request; the client has none by default. */
export const SLACK_REQUEST_TIMEOUT_MS = 30_000;

/**
 * How Pandu's Slack Web API clients talk to Slack: a deadline per request and a few quick
 * retries, not the client's default half hour (an answer or digest that late is no use, and
 * stop() waits for work in flight); SLACK_API_URL honoured.
 */
export function slackClientOptions(slack: Pick<Config['slack'], 'apiUrl'>, options: { timeoutMs?: number; logger?: BoltLogger } = {}): webApi.WebClientOptions {
  return {
    timeout: options.timeoutMs ?? SLACK_REQUEST_TIMEOUT_MS,
    retryConfig: { retries: 3, factor: 2, minTimeout: 1_000, maxTimeout: 10_000, randomize: true },
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  };
}
