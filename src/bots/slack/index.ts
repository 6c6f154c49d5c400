import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, webApi, type Middleware, type AnyMiddlewareArgs } from '@slack/bolt';
import { Cron } from 'croner';
import type { AnswerService } from '../../answer/index.ts';
import { ConfigError, type Config } from '../../config/index.ts';
import type { Db } from '../../db/index.ts';
import { isoWeek } from '../../digest/index.ts';
import type { Logger } from '../../log.ts';
import type { Sender } from '../../reminders/index.ts';
import { MAX_BODY_BYTES, sendJson, type HttpServer } from '../../server/http.ts';
import { register as registerAsk } from './ask.ts';
import { register as registerCommands } from './commands.ts';
import type { SlackFeatureDeps } from './deps.ts';
import { createDigestPublisher, type PostedDigest, type WeeklyDigestResult } from './digest.ts';
import { register as registerFeedback } from './feedback.ts';
import { register as registerDocuments } from './documents.ts';
import { boltLogger } from './logger.ts';
import { createSlackSender, slackPacer } from './sender.ts';
import { pruneThreads } from './threads.ts';
import { DEFAULT_MAX_FILE_BYTES } from './files.ts';
import type { Embedder } from '../../retrieval/embedder.ts';

export { createDigestPublisher, sendDigest, type DigestPublisher, type PostedDigest, type WeeklyDigestResult } from './digest.ts';
export { createSlackSender, SLACK_PACE, slackPacer } from './sender.ts';
export { answerBlocks, FEEDBACK_ACTIONS } from './blocks.ts';
export { isStaff, type SlackFeatureDeps } from './deps.ts';

/** Where Slack delivers events, slash commands and interactivity (HTTP mode). */
export const SLACK_EVENTS_PATH = '/slack/events';
/** How often the weekly digest checks whether its slot has passed unposted (catch-up after downtime). */
const CATCH_UP_MS = 15 * 60_000;
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
}

/** Slack signs a timestamp; one more than five minutes ahead is refused like an old one. */
const MAX_CLOCK_SKEW_SEC = 300;

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

function validCron(pattern: string, timezone: string): Cron {
  try {
    return new Cron(pattern, { timezone, paused: true });
  } catch (err) {
    throw new ConfigError([`SLACK_DIGEST_CRON is not a valid cron pattern (${(err as Error).message})`]);
  }
}

/** The Slack app: features registered in order, one error boundary, an explicit lifecycle. */
export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { slack, db, timezone } = deps;
  const log = deps.logger.child({ module: 'slack' });
  const now = deps.now ?? (() => new Date());
  if (!slack.botToken) throw new ConfigError(['SLACK_BOT_TOKEN is required for the Slack app']);
  const socketMode = Boolean(slack.appToken);
  if (!socketMode && !slack.signingSecret) throw new ConfigError(['SLACK_SIGNING_SECRET is required for Slack over HTTP']);
  if (!socketMode && !deps.http) throw new Error('createSlackApp: HTTP mode needs the HTTP server');
  const schedule = validCron(slack.digestCron, timezone);

  const logger = boltLogger(log);
  // A deadline per request (none by default) and a few quick retries, not the client's
  // default half hour: an answer that late is no use, and stop() waits for answers in flight.
  const clientOptions: webApi.WebClientOptions = {
    timeout: deps.requestTimeoutMs ?? 30_000,
    retryConfig: { retries: 3, factor: 2, minTimeout: 1_000, maxTimeout: 10_000, randomize: true },
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
  };
  const receiver = socketMode
    ? undefined
    : new HTTPReceiver({ signingSecret: slack.signingSecret!, endpoints: SLACK_EVENTS_PATH, logger, processBeforeResponse: false });
  const bolt = new App({
    token: slack.botToken,
    ...(socketMode ? { socketMode: true, appToken: slack.appToken } : { receiver }),
    logger,
    clientOptions,
    convoStore: false,
    deferInitialization: true,
  });

  // Every request is tracked so stop() can wait for answers in flight.
  const inflight = new Set<Promise<unknown>>();
  const track: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    const p = next();
    inflight.add(p);
    try {
      await p;
    } finally {
      inflight.delete(p);
    }
  };
  // Slack retries an event it thinks went unanswered (X-Slack-Retry-Num); the event id is
  // recorded before answering, so a retry (or a second process) never answers twice.
  const dedupe: Middleware<AnyMiddlewareArgs> = async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      const fresh = await db.query('INSERT INTO inbound_seen (source, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key', [
        'slack',
        eventId,
      ]);
      if (fresh.length === 0) {
        log.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack event already handled');
        return;
      }
    }
    await next();
  };
  bolt.use(track);
  bolt.use(dedupe);

  const digest = createDigestPublisher({ db, client: bolt.client, channel: slack.digestChannel, timezone, logger: log });
  const features: SlackFeatureDeps = { db, answers: deps.answers, logger: log, slack, timezone, now, digest, embedder: deps.embedder, maxFileBytes: deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES };
  registerAsk(bolt, features);
  registerCommands(bolt, features);
  registerFeedback(bolt, features);
  registerDocuments(bolt, features);
  bolt.error(async (err) => {
    const original = (err as { original?: unknown }).original;
    log.error({ code: err.code, err: original ?? err }, 'slack handler failed');
  });

  const senderClient = new webApi.WebClient(slack.botToken, { ...clientOptions, logger, rejectRateLimitedCalls: true });
  const sender = createSlackSender(senderClient, slackPacer(db));

  let started = false;
  let stopped = false;
  let cron: Cron | null = null;
  let catchUp: NodeJS.Timeout | null = null;

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (stopped || !started) {
      sendJson(res, 503, { error: 'slack app not running' });
      return;
    }
    // Bolt refuses signed timestamps older than five minutes, not ones in the future; a
    // request signed ahead of time could otherwise be replayed until that time has passed.
    const ts = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(ts) && ts > Date.now() / 1000 + MAX_CLOCK_SKEW_SEC) {
      log.warn({ skewSec: Math.round(ts - Date.now() / 1000) }, 'slack request timestamp in the future refused');
      sendJson(res, 401, { error: 'invalid request timestamp' });
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      sendJson(res, 413, { error: 'request body too large' }, { connection: 'close' });
      return;
    }
    receiver!.requestListener(req, res);
  };

  /** Posts the week's digest once its scheduled slot in this ISO week has passed. */
  async function weeklyTick(): Promise<void> {
    if (stopped || !slack.digestChannel) return;
    const at = now();
    const [slot] = schedule.previousRuns(1, at);
    if (!slot || isoWeek(slot, timezone) !== isoWeek(at, timezone)) return;
    await digest.postWeekly(at);
  }
  async function idle(): Promise<void> {
    while (inflight.size > 0) await Promise.allSettled([...inflight]);
  }
  /** One schedule tick, tracked like a request so stop() waits for a digest being posted. */
  const tick = (): Promise<void> => {
    const p = weeklyTick().catch((err: unknown) =>
      log.error({ err: (err as Error).message }, 'weekly digest tick failed; the next tick retries'),
    );
    inflight.add(p);
    return p.finally(() => inflight.delete(p));
  };

  return {
    bolt,
    sender,
    async start() {
      if (started) return;
      await bolt.init(); // auth.test: a wrong token fails here, before any traffic
      if (stopped) return; // stopped while Slack was still being reached
      if (socketMode) await bolt.start();
      else deps.http!.route('POST', SLACK_EVENTS_PATH, onRequest);
      started = true;
      if (slack.digestChannel && deps.scheduleDigest !== false) {
        cron = new Cron(slack.digestCron, { timezone, protect: true }, tick);
        catchUp = setInterval(tick, CATCH_UP_MS);
        catchUp.unref();
      }
      await db
        .query(`DELETE FROM inbound_seen WHERE source IN ('slack', 'slack-message') AND seen_at < now() - make_interval(days => $1)`, [SEEN_TTL_DAYS])
        .catch((err: unknown) => log.warn({ err }, 'could not prune seen Slack events'));
      await pruneThreads(db, new Date(now().getTime() - THREAD_TTL_DAYS * 86_400_000)).catch((err: unknown) =>
        log.warn({ err }, 'could not prune joined Slack threads'),
      );
      if (slack.digestChannel) {
        const stuck = await digest.unconfirmed(new Date(now().getTime() - CATCH_UP_MS));
        if (stuck.length > 0) {
          log.warn({ periods: stuck }, 'weekly digest claimed but never confirmed (crash while posting?); not re-posted — use /pandu digest if it is missing');
        }
        if (cron) await tick(); // catch up a slot missed while Pandu was down
      }
      log.info({ mode: socketMode ? 'socket' : 'http', digest: Boolean(slack.digestChannel) }, 'slack app started');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      cron?.stop();
      if (catchUp) clearInterval(catchUp);
      await idle();
      if (socketMode && started) await bolt.stop();
      log.info('slack app stopped');
    },
    postDigest: (at = now()) => digest.post(at),
    postWeeklyDigest: (at = now()) => digest.postWeekly(at),
    idle,
  };
}
