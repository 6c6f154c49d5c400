import { createSlackApp, SLACK_EVENTS_PATH, type SlackApp } from '../../../src/bots/slack/index.ts';
import type { Config } from '../../../src/config/index.ts';
import type { AnswerService } from '../../../src/answer/index.ts';
import type { Db } from '../../../src/db/index.ts';
import type { Embedder } from '../../../src/retrieval/embedder.ts';
import { createHttpServer, type HttpServer } from '../../../src/server/http.ts';
import { createMetrics } from '../../../src/server/metrics.ts';
import { silent } from '../../digest/seed.ts';
import { postToSlackApp, startFakeSlack, type FakeSlack, type SlackRequestOptions } from '../../support/fake-slack.ts';
import { createFakeAnswers, type FakeAnswers } from '../../support/fake-answers.ts';

/** The fake answer service of the Slack tests: its text carries characters mrkdwn must escape; question ids from 41. */
export function slackAnswers(): FakeAnswers {
  return createFakeAnswers({ firstQuestionId: 41, respond: () => ({ answer: 'Keluaran Bimtek I adalah Buku 1: Analisis Strategis <final> & SK Dewan Smart City.' }) });
}

export const SECRET = 'rahasia-penandatanganan-uji';
export const STAFF = 'U0STAF';
export const OUTSIDER = 'U0LUAR';
export const DIGEST_CHANNEL = 'C0RINGKAS';

export interface Harness {
  readonly fake: FakeSlack;
  /** The fake core's record (unused when a real `core` was given). */
  readonly answers: FakeAnswers;
  readonly slack: SlackApp;
  readonly eventsUrl: string;
  /** A signed request, as Slack sends it. */
  send(body: { json: unknown } | { form: Record<string, string> }, options?: Partial<SlackRequestOptions>): Promise<{ status: number; text: string }>;
  /** A `/pandu …` slash command from a user in a channel. */
  command(text: string, from?: { user?: string; channel?: string; responseId?: string; triggerId?: string }): Promise<{ status: number; text: string }>;
  /** Stops the app and the HTTP server (the fake stays up unless `all`). */
  close(all?: boolean): Promise<void>;
}

export function slackConfig(overrides: Partial<Config['slack']> = {}): Config['slack'] {
  return {
    botToken: 'xoxb-uji',
    signingSecret: SECRET,
    apiUrl: undefined,
    digestChannel: DIGEST_CHANNEL,
    staffUsers: [STAFF],
    staffChannels: [],
    digestCron: '0 8 * * 1',
    ...overrides,
  };
}

/** The real Bolt app on Pandu's HTTP server, talking to a fake Slack Web API. */
export async function startHarness(
  db: Db,
  options: { fake?: FakeSlack; slack?: Partial<Config['slack']>; now?: () => Date; scheduleDigest?: boolean; requestTimeoutMs?: number; embedder?: Embedder; maxFileBytes?: number; core?: AnswerService } = {},
): Promise<Harness> {
  const fake = options.fake ?? (await startFakeSlack());
  const http: HttpServer = createHttpServer({
    logger: silent,
    metrics: createMetrics().registry,
    readiness: async () => ({ ready: true, checks: {} }),
  });
  const { url } = await http.listen(0, '127.0.0.1');
  const answers = slackAnswers();
  const slack = createSlackApp({
    slack: slackConfig({ apiUrl: fake.apiUrl, ...options.slack }),
    timezone: 'Asia/Jakarta',
    db,
    answers: options.core ?? answers,
    logger: silent,
    http,
    now: options.now,
    scheduleDigest: options.scheduleDigest ?? false,
    requestTimeoutMs: options.requestTimeoutMs,
    embedder: options.embedder,
    maxFileBytes: options.maxFileBytes,
  });
  await slack.start();
  const eventsUrl = `${url}${SLACK_EVENTS_PATH}`;
  let commands = 0;
  const send: Harness['send'] = (body, o = {}) => postToSlackApp(eventsUrl, body, { secret: SECRET, ...o });
  return {
    fake,
    answers,
    slack,
    eventsUrl,
    send,
    command(text, from = {}) {
      const responseId = from.responseId ?? `cmd${++commands}`;
      return send({
        form: {
          token: 'usang',
          team_id: 'T0UJI',
          team_domain: 'uji',
          channel_id: from.channel ?? 'C0UMUM',
          channel_name: 'umum',
          user_id: from.user ?? STAFF,
          user_name: 'staf',
          command: '/pandu',
          text,
          api_app_id: 'A0PANDU',
          is_enterprise_install: 'false',
          response_url: fake.responseUrl(responseId),
          trigger_id: from.triggerId ?? `${commands}.${responseId}.trigger`,
        },
      });
    },
    async close(all = false) {
      await slack.stop();
      await http.close();
      if (all) await fake.close();
    },
  };
}

let eventSeq = 0;

/** An Events API envelope for an event, with a fresh event id unless given. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${Date.now()}${++eventSeq}`) {
  return {
    token: 'usang',
    team_id: 'T0UJI',
    api_app_id: 'A0PANDU',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0UJI', user_id: 'UPANDU', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}
