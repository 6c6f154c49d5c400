import { App, HTTPReceiver, webApi } from '@slack/bolt';
import type { AnswerService } from '../../answer/index.ts';
import { configInvalid, type Config } from '../../config/index.ts';
import { configProblems } from '../../messages/operator.ts';
import type { Db } from '../../db/index.ts';
import type { Logger } from '../../log.ts';
import type { Sender } from '../../reminders/index.ts';
import type { HttpServer } from '../../server/http.ts';
import { register as registerAsk } from './ask.ts';
import { register as registerCommands } from './commands.ts';
import type { SlackFeatureDeps } from './deps.ts';
import { slackClientOptions } from './client.ts';
import { createDigestPublisher, type DigestPublisher, type PostedDigest, type WeeklyDigestResult } from './digest.ts';
import { CATCH_UP_MS, createDigestSchedule } from './digest-schedule.ts';
import { createInflight, dedupeEvents, eventsListener } from './intake.ts';
import { register as registerFeedback } from './feedback.ts';
import { register as registerDocuments } from './documents.ts';
import { boltLogger } from './logger.ts';
import { createSlackSender, slackPacer } from './sender.ts';
import { pruneThreads } from './threads.ts';
import { DEFAULT_MAX_FILE_BYTES } from './files.ts';
import type { Embedder } from '../../retrieval/index.ts';

export { createDigestPublisher, createSlackDigestPublisher, sendDigest, type DigestPublisher, type PostedDigest, type WeeklyDigestResult } from './digest.ts';
export { createSlackSender, SLACK_PACE, slackPacer } from './sender.ts';
export { answerBlocks, FEEDBACK_ACTIONS } from './blocks.ts';
export { isStaff, type SlackFeatureDeps } from './deps.ts';

/** Where Slack delivers events, slash commands and interactivity (HTTP mode). */
export const SLACK_EVENTS_PATH = '/slack/events';
/** Slack retries an event for about an hour; event ids are kept a week. */
const SEEN_TTL_DAYS = 7;
/** A thread quiet this long is forgotten: a reply after that needs a new mention. */
const THREAD_TTL_DAYS = 90;

export interface SlackAppDeps {
  readonly slack: Config['slack'];
  /** Zone for the digest schedule and for dates shown to staff (PANDU_TIMEZONE). */
  readonly timezone: string;
  readonly db: Db;
  readonly answers: AnswerService;
  readonly logger: Logger;
  /** Pandu's HTTP server; POST /slack/events is mounted on it (HTTP mode). */
  readonly http?: HttpServer;
  readonly now?: () => Date;
  /** Run the weekly digest on SLACK_DIGEST_CRON (default true; needs SLACK_DIGEST_CHANNEL). */
  readonly scheduleDigest?: boolean;
  /** Deadline of each Slack Web API request (default 30 s; the client has none by default). */
  readonly requestTimeoutMs?: number;
  /** The knowledge base's embedder: staff's files shared with Pandu are ingested with it. */
  readonly embedder?: Embedder;
  /** Largest file taken from Slack (default 50 MB). */
  readonly maxFileBytes?: number;
  /** The digest publisher (the composition root's); default: one over this app's client. */
  readonly digest?: DigestPublisher;
}

export interface SlackApp {
  /** Verifies the token (auth.test), mounts /slack/events or opens Socket Mode, starts the digest schedule. */
  start(): Promise<void>;
  /** Stops intake and the schedule, then waits for answers in flight. */
  stop(): Promise<void>;
  /** Posts the digest now (on demand). */
  postDigest(now?: Date): Promise<PostedDigest>;
  /** Posts this week's digest unless it was posted already (by this or an earlier run). */
  postWeeklyDigest(now?: Date): Promise<WeeklyDigestResult>;
  /** Resolves when no Slack request is being handled. */
  idle(): Promise<void>;
  /** The reminder port for chats bound on Slack. */
  readonly sender: Sender;
  readonly bolt: App;
}

/** Checks the Slack settings this process needs; a missing one stops the start. */
function checkSettings(deps: SlackAppDeps): { botToken: string; socketMode: boolean } {
  const { slack } = deps;
  if (!slack.botToken) throw configInvalid([configProblems.slackTokenMissing]);
  const socketMode = Boolean(slack.appToken);
  if (!socketMode && !slack.signingSecret) throw configInvalid([configProblems.slackSecretMissing]);
  if (!socketMode && !deps.http) throw new Error('createSlackApp: HTTP mode needs the HTTP server');
  return { botToken: slack.botToken, socketMode };
}

/** Bolt over HTTP (POST /slack/events on Pandu's server) or Socket Mode, initialised at start(). */
function createBolt(deps: SlackAppDeps, botToken: string, socketMode: boolean, log: Logger) {
  const { slack } = deps;
  const logger = boltLogger(log);
  const clientOptions = slackClientOptions(slack, { timeoutMs: deps.requestTimeoutMs });
  const receiver = socketMode
    ? undefined
    : new HTTPReceiver({ signingSecret: slack.signingSecret!, endpoints: SLACK_EVENTS_PATH, logger, processBeforeResponse: false });
  const bolt = new App({
    token: botToken,
    ...(socketMode ? { socketMode: true, appToken: slack.appToken } : { receiver }),
    logger,
    clientOptions,
    convoStore: false,
    deferInitialization: true,
  });
  // Reminders: a 429 becomes `rate_limited` for the dispatcher's own pacing instead of a silent wait.
  const sender = createSlackSender(new webApi.WebClient(botToken, { ...clientOptions, logger, rejectRateLimitedCalls: true }), slackPacer(deps.db));
  return { bolt, receiver, sender };
}

/** Features registered in order (questions, /pandu, feedback, documents), inside one error handler. */
function registerFeatures(bolt: App, features: SlackFeatureDeps, log: Logger): void {
  registerAsk(bolt, features);
  registerCommands(bolt, features);
  registerFeedback(bolt, features);
  registerDocuments(bolt, features);
  bolt.error(async (err) => {
    const original = (err as { original?: unknown }).original;
    log.error({ code: err.code, err: original ?? err }, 'slack handler failed');
  });
}

/** Start-up housekeeping: old event ids and quiet threads forgotten, stuck weekly digests reported. */
async function housekeeping(deps: SlackAppDeps, digest: DigestPublisher, now: () => Date, log: Logger): Promise<void> {
  const { db, slack } = deps;
  await db
    .query(`DELETE FROM inbound_seen WHERE source IN ('slack', 'slack-message') AND seen_at < now() - make_interval(days => $1)`, [SEEN_TTL_DAYS])
    .catch((err: unknown) => log.warn({ err }, 'could not prune seen Slack events'));
  await pruneThreads(db, new Date(now().getTime() - THREAD_TTL_DAYS * 86_400_000)).catch((err: unknown) =>
    log.warn({ err }, 'could not prune joined Slack threads'),
  );
  if (!slack.digestChannel) return;
  const stuck = await digest.unconfirmed(new Date(now().getTime() - CATCH_UP_MS));
  if (stuck.length > 0) {
    log.warn({ periods: stuck }, 'weekly digest claimed but never confirmed (crash while posting?); not re-posted — use /pandu digest if it is missing');
  }
}

/** The Slack app: features registered in order, one error boundary, an explicit lifecycle. */
export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { slack, db, timezone } = deps;
  const log = deps.logger.child({ module: 'slack' });
  const now = deps.now ?? (() => new Date());
  const { botToken, socketMode } = checkSettings(deps);
  const inflight = createInflight();
  const { bolt, receiver, sender } = createBolt(deps, botToken, socketMode, log);
  const digest = deps.digest ?? createDigestPublisher({ db, client: bolt.client, channel: slack.digestChannel, timezone, logger: log });
  const schedule = createDigestSchedule({ slack, timezone, digest, now, log, inflight });
  bolt.use(inflight.middleware);
  bolt.use(dedupeEvents(db, log));
  registerFeatures(bolt, { db, answers: deps.answers, logger: log, slack, timezone, now, digest, embedder: deps.embedder, maxFileBytes: deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES }, log);

  let started = false;
  let stopped = false;
  const scheduled = Boolean(slack.digestChannel) && deps.scheduleDigest !== false;
  return {
    bolt,
    sender,
    async start() {
      if (started) return;
      await bolt.init(); // auth.test: a wrong token fails here, before any traffic
      if (stopped) return; // stopped while Slack was still being reached
      if (socketMode) await bolt.start();
      else deps.http!.route('POST', SLACK_EVENTS_PATH, eventsListener(receiver!, log, () => started && !stopped));
      started = true;
      if (scheduled) schedule.start();
      await housekeeping(deps, digest, now, log);
      if (scheduled) await schedule.tick(); // catch up a slot missed while Pandu was down
      log.info({ mode: socketMode ? 'socket' : 'http', digest: Boolean(slack.digestChannel) }, 'slack app started');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      schedule.stop();
      await inflight.idle();
      if (socketMode && started) await bolt.stop();
      log.info('slack app stopped');
    },
    postDigest: (at = now()) => digest.post(at),
    postWeeklyDigest: (at = now()) => digest.postWeekly(at),
    idle: () => inflight.idle(),
  };
}
