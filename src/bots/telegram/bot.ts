import { autoRetry } from '@grammyjs/auto-retry';
import { Api, Bot, BotError, webhookCallback, type Context, type MiddlewareFn } from 'grammy';
import type { Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnswerService } from '../../answer/types.ts';
import { configInvalid, type Config } from '../../config/index.ts';
import { configProblems } from '../../messages/operator.ts';
import type { Db } from '../../db/index.ts';
import type { Logger } from '../../log.ts';
import { telegramMessages as t } from '../../messages/index.ts';
import type { Pacer } from '../../pacing/index.ts';
import type { Sender } from '../../reminders/index.ts';
import { createTelegramSender, telegramPacer } from './sender.ts';
import { readJson, type HttpServer } from '../../server/http.ts';
import { markSeen, pruneSeen } from './seen.ts';
import { errorSummary, type FeatureDeps } from './context.ts';
import { askFeature } from './features/ask.ts';
import { bindFeature } from './features/bind.ts';
import { checklistFeature } from './features/checklist.ts';
import { conversationFeature } from './features/conversation.ts';
import { deadlinesFeature } from './features/deadlines.ts';
import { feedbackFeature } from './features/feedback.ts';
import { helpFeature, unknownCommandFeature } from './features/help.ts';
import { membershipFeature } from './features/membership.ts';
import { moreFeature } from './features/more.ts';
import { remindersFeature } from './features/reminders.ts';
import { unsupportedFeature } from './features/unsupported.ts';
import { createUserRateLimiter } from './rate-limit.ts';
import { pacedTransformer, telegramPace, type ThrottleLimits } from './throttle.ts';
import { createWorkQueue, type WorkQueue } from './work-queue.ts';

export interface TelegramBotDeps {
  readonly config: Pick<Config, 'telegram'>;
  readonly logger: Logger;
  readonly db: Db;
  readonly answers: AnswerService;
  readonly now?: () => Date;
}

export interface TelegramBotOptions {
  /** Outgoing pace; Telegram's limits by default (30/s overall, 20/min per group). */
  readonly limits?: ThrottleLimits;
  /** The bot's pacer (default: shared through PostgreSQL, in this process on PGlite). */
  readonly pacer?: Pacer;
  /** Questions one user may ask per minute (default 10). */
  readonly questionsPerMinute?: number;
  /** Answers composed at the same time (default 8). */
  readonly concurrency?: number;
  /** Long-polling timeout in seconds (default 30). */
  readonly pollingTimeoutSec?: number;
  /** Deadline of every Bot API request except long polling's getUpdates (default 30 s). */
  readonly requestTimeoutSec?: number;
  /** 429 and 5xx retries of the bot's own requests (reminders retry in the dispatcher). */
  readonly retry?: { readonly maxRetryAttempts: number; readonly maxDelaySeconds: number };
  /** How long stop() waits for answers in flight (default 10 s). */
  readonly stopTimeoutMs?: number;
  /** Skips getMe at start (tests, or a cached identity). */
  readonly botInfo?: UserFromGetMe;
}

export interface TelegramBot {
  readonly bot: Bot<Context>;
  /** Reminder sender: the same pacer as the answers, no auto-retry (the dispatcher owns retries). */
  readonly sender: Sender;
  readonly mode: 'polling' | 'webhook';
  /** Path of the webhook route (from TELEGRAM_WEBHOOK_URL), null when polling. */
  readonly webhookPath: string | null;
  /** Registers POST <webhookPath> on the HTTP server; webhook mode only. */
  mountWebhook(server: Pick<HttpServer, 'route'>): void;
  /** Identity, commands, then long polling or setWebhook. Resolves once updates flow. */
  start(): Promise<void>;
  /** Stops taking updates and waits (bounded) for answers in flight. */
  stop(): Promise<void>;
  /** Resolves when no answer is being composed or sent. */
  idle(): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** An API transformer that aborts a request after `seconds` (long polling excepted). */
function requestDeadline(seconds: number): Transformer {
  return (prev, method, payload, signal) => {
    if (method === 'getUpdates') return prev(method, payload, signal);
    const timeout = AbortSignal.timeout(seconds * 1000);
    // grammY types its signal with a polyfill's AbortSignal; Node's own one is what it receives.
    const combined = signal ? AbortSignal.any([signal as unknown as AbortSignal, timeout]) : timeout;
    return prev(method, payload, combined as unknown as typeof signal);
  };
}

/**
 * grammY's node:http adapter, with the body read through readJson: at most 1 MB, and
 * malformed JSON answered 400 (Telegram then drops it) instead of 500 (Telegram retries).
 * The secret token is checked by grammY before the body is read.
 */
const boundedHttpAdapter = (req: IncomingMessage, res: ServerResponse) => {
  const secret = req.headers['x-telegram-bot-api-secret-token'];
  return {
    get update() {
      return readJson(req) as Promise<Update>;
    },
    header: Array.isArray(secret) ? secret[0] : secret,
    end: () => res.end(),
    respond: (json: string) => res.writeHead(200, { 'content-type': 'application/json' }).end(json),
    unauthorized: () => res.writeHead(401).end('secret token is wrong'),
  };
};

/**
 * The bot's API client: every request has a deadline (grammY's default is 500 s), so a
 * hanging API frees the answer workers within requestTimeoutSec. getUpdates waits up to the
 * polling timeout by design, so it gets that plus a margin. A request that timed out is not
 * retried (it may have been delivered); 429 and 5xx answers are. All of it goes through the
 * pacer it shares with the reminder sender.
 */
function createBotClient(token: string, apiRoot: string | undefined, pacer: Pacer, options: TelegramBotOptions): Bot<Context> {
  const pollingTimeoutSec = options.pollingTimeoutSec ?? 30;
  const bot = new Bot<Context>(token, { client: { apiRoot, timeoutSeconds: pollingTimeoutSec + 15 }, botInfo: options.botInfo });
  bot.api.config.use(requestDeadline(options.requestTimeoutSec ?? 30));
  bot.api.config.use(pacedTransformer(pacer));
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, ...options.retry, rethrowHttpErrors: true }));
  return bot;
}

/** The reminder sender: no auto-retry (the dispatcher owns retries); it takes its slot from the bot's pacer before the send. */
function createReminderSender(token: string, apiRoot: string | undefined, pacer: Pacer): Sender {
  return createTelegramSender({ api: new Api(token, { apiRoot, timeoutSeconds: 20 }), pacer });
}

/**
 * The features, installed in order inside one error boundary behind de-duplication of
 * update ids (inbound_seen); a failed update gets an apology.
 */
function installFeatures(bot: Bot<Context>, features: FeatureDeps): void {
  const { db, log } = features;
  const dedupe: MiddlewareFn<Context> = async (ctx, next) => {
    if (!(await markSeen(db, `${ctx.me.id}:${ctx.update.update_id}`))) {
      log.info({ update: ctx.update.update_id }, 'duplicate update ignored');
      return;
    }
    await next();
  };
  const onError = async (err: BotError<Context>) => {
    const ctx = err.ctx;
    log.error({ error: errorSummary(err.error), update: ctx.update.update_id, chat: ctx.chat?.id }, 'update failed');
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t.apology, show_alert: true });
      else if (ctx.chat && ctx.msg) await ctx.reply(t.apology);
    } catch (e) {
      log.warn({ error: errorSummary(e), update: ctx.update.update_id }, 'apology not delivered');
    }
  };
  bot.errorBoundary(
    onError,
    dedupe,
    membershipFeature(features),
    helpFeature(features),
    bindFeature(features),
    remindersFeature(features),
    deadlinesFeature(features),
    checklistFeature(features),
    conversationFeature(features),
    moreFeature(features),
    feedbackFeature(features),
    askFeature(features),
    unsupportedFeature(),
    unknownCommandFeature(),
  );
  // Unclaimed buttons (old messages) still get their spinner stopped.
  bot.on('callback_query', (ctx) => ctx.answerCallbackQuery().catch(() => undefined));
  bot.catch(onError);
}

/** Identity, stale update ids pruned, the command menu set: before any update is taken. */
async function prepare(bot: Bot<Context>, db: Db, log: Logger): Promise<void> {
  await bot.init();
  await pruneSeen(db).catch((err: unknown) => log.warn({ error: errorSummary(err) }, 'could not prune inbound_seen'));
  await bot.api
    .setMyCommands(t.commands.map((c) => ({ command: c.command, description: c.description })))
    .catch((err: unknown) => log.warn({ error: errorSummary(err) }, 'setMyCommands failed'));
}

/** Waits for the work queue to drain, at most `ms`; true when it did not. */
async function drained(work: WorkQueue, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([work.idle().then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), ms)))]);
  clearTimeout(timer);
  return !timedOut;
}

/**
 * The Telegram adapter: a grammY bot whose features are installed as composers inside
 * one error boundary, behind de-duplication of update ids (inbound_seen).
 */
export function createTelegramBot(deps: TelegramBotDeps, options: TelegramBotOptions = {}): TelegramBot {
  const { token, apiRoot, webhookUrl, webhookSecret } = deps.config.telegram;
  if (!token) throw new Error('createTelegramBot needs TELEGRAM_BOT_TOKEN');
  if (webhookUrl && !webhookSecret) throw configInvalid([configProblems.webhookSecretMissing]);
  const log = deps.logger.child({ module: 'telegram' });
  const now = deps.now ?? (() => new Date());
  const pacer = options.pacer ?? telegramPacer({ db: deps.db, token, logger: log, limits: telegramPace(options.limits) });
  const bot = createBotClient(token, apiRoot, pacer, options);
  const work = createWorkQueue({
    concurrency: options.concurrency ?? 8,
    onError: (err, key) => log.error({ error: errorSummary(err), key }, 'background task failed'),
  });
  installFeatures(bot, {
    db: deps.db,
    answers: deps.answers,
    log,
    now,
    work,
    limiter: createUserRateLimiter({ limit: options.questionsPerMinute ?? 10, periodMs: 60_000, clock: () => now().getTime() }),
  });

  const mode = webhookUrl ? 'webhook' : 'polling';
  const webhookPath = webhookUrl ? new URL(webhookUrl).pathname || '/' : null;
  let accepting = false;
  let polling: Promise<void> | null = null;

  return {
    bot,
    sender: createReminderSender(token, apiRoot, pacer),
    mode,
    webhookPath,

    mountWebhook(server) {
      if (!webhookPath) throw new Error('mountWebhook needs TELEGRAM_WEBHOOK_URL');
      const callback = webhookCallback(bot, boundedHttpAdapter, { secretToken: webhookSecret, onTimeout: 'return', timeoutMilliseconds: 9_000 });
      server.route('POST', webhookPath, async (req, res) => {
        if (!accepting) {
          // Not ready or shutting down: Telegram keeps the update and delivers it again.
          res.writeHead(503, { 'retry-after': '5' }).end();
          return;
        }
        await callback(req, res);
      });
    },

    async start() {
      await prepare(bot, deps.db, log);
      if (webhookUrl) {
        await bot.api.setWebhook(webhookUrl, { secret_token: webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
        accepting = true;
        log.info({ username: bot.botInfo.username, mode, path: webhookPath }, 'telegram bot started');
        return;
      }
      await new Promise<void>((resolve, reject) => {
        polling = bot
          .start({
            allowed_updates: [...ALLOWED_UPDATES],
            timeout: options.pollingTimeoutSec ?? 30,
            onStart: () => {
              accepting = true;
              resolve();
            },
          })
          .catch((err: unknown) => {
            if (!accepting) return reject(err);
            log.error({ error: errorSummary(err) }, 'telegram polling stopped');
          });
      });
      log.info({ username: bot.botInfo.username, mode }, 'telegram bot started');
    },

    async stop() {
      const wasAccepting = accepting;
      accepting = false;
      if (mode === 'polling' && wasAccepting) {
        await bot.stop().catch((err: unknown) => log.warn({ error: errorSummary(err) }, 'telegram polling did not stop cleanly'));
        await polling;
      }
      if (!(await drained(work, options.stopTimeoutMs ?? 10_000))) log.warn({ pending: work.size }, 'telegram stopped with answers still in flight');
      log.info('telegram bot stopped');
    },

    idle: () => work.idle(),
  };
}
