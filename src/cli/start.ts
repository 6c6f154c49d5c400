import { existsSync } from 'node:fs';
import { renderPlain } from '../answer/render.ts';
import { claimDataDir, openApp, type App, type HeldOwner } from '../app.ts';
import { startConsole } from '../bots/console/index.ts';
import { createSlackApp, type SlackApp } from '../bots/slack/index.ts';
import { createTelegramBot, type TelegramBot } from '../bots/telegram/index.ts';
import { servicesOf, type Services } from '../composition.ts';
import type { Config } from '../config/index.ts';
import { createConsole, CONSOLE_PATH } from '../console/index.ts';
import type { ConversationalAnswerService } from '../conversation/index.ts';
import { migrationsCurrent } from '../db/index.ts';
import { ingestPaths } from '../ingest/index.ts';
import type { Logger } from '../log.ts';
import { messages } from '../messages/index.ts';
import { startRetentionJob } from '../questions/index.ts';
import { findRegion } from '../regions/index.ts';
import { startReminderScheduler } from '../reminders/index.ts';
import type { Embedder } from '../retrieval/index.ts';
import { createHttpServer, listenOrFail, type HttpServer, type Readiness } from '../server/http.ts';
import { metricsRoute } from '../server/metrics-route.ts';
import { mountAdmin } from './admin.ts';
import type { Io } from './context.ts';

const CORPUS_DIR = 'corpus';

/** A running service with an explicit lifecycle; stopped in reverse start order. */
interface Service {
  readonly name: string;
  stop(): Promise<void> | void;
}

/** The running process: its services, and their shutdown on SIGINT/SIGTERM or /keluar. */
interface Lifecycle {
  add(name: string, stop: () => Promise<void> | void): void;
  /** True once shutdown began: start-up stops adding services. */
  readonly stopping: boolean;
  shutdown(reason: string): Promise<void>;
  /** Resolves with the exit code once everything has stopped; signal handlers removed. */
  stopped(): Promise<number>;
}

/** Stops the services in reverse order, then `close` (HTTP server, database). */
function createLifecycle(logger: Logger, close: () => Promise<void>): Lifecycle {
  const services: Service[] = [];
  let stopping = false;
  let resolveStopped!: (code: number) => void;
  const stopped = new Promise<number>((r) => (resolveStopped = r));
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    for (const s of [...services].reverse()) {
      try {
        await s.stop();
      } catch (err) {
        logger.warn({ err, service: s.name }, 'service did not stop cleanly');
      }
    }
    await close();
    resolveStopped(0);
  };
  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    add: (name, stop) => void services.push({ name, stop }),
    get stopping() {
      return stopping;
    },
    shutdown,
    async stopped() {
      const code = await stopped;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      return code;
    },
  };
}

/** Ready once the database is open and answers, its migrations are current and the knowledge base is loaded. */
function readinessOf(app: () => App | null, knowledgeBase: () => boolean): () => Promise<Readiness> {
  return async () => {
    const opened = app();
    if (!opened) return { ready: false, checks: { database: false, migrations: false, knowledgeBase: false } };
    await opened.db.query('SELECT 1');
    const migrated = await migrationsCurrent(opened.db);
    const loaded = knowledgeBase();
    return { ready: loaded && migrated, checks: { database: true, migrations: migrated, knowledgeBase: loaded } };
  };
}

/**
 * The HTTP server, listening before the database opens: /healthz answers as soon as the
 * process serves (liveness), /readyz says 503 until the App is open and the knowledge base
 * loaded, and a command forwarded to /admin waits for the App. On failure (port in use…)
 * the data folder is released.
 */
async function listenEarly(config: Config, logger: Logger, owner: HeldOwner | null, opening: Promise<App>, readiness: () => Promise<Readiness>) {
  const server = createHttpServer({ logger, readiness });
  if (owner) mountAdmin(server, opening, owner.info.token);
  try {
    const { url, port } = await listenOrFail(server, config.port, config.host);
    owner?.setAddress(port, url);
    logger.info({ url }, 'http server listening');
    return { server, url };
  } catch (err) {
    await server.close();
    owner?.release();
    throw err;
  }
}

/**
 * /metrics once the App is open: on the main server, or on a server of its own on
 * 127.0.0.1:METRICS_PORT. On failure the server and the app are closed.
 */
async function serveMetrics(config: Config, app: App, server: HttpServer, readiness: () => Promise<Readiness>): Promise<HttpServer | null> {
  const metricsToken = config.metrics.token;
  if (config.metrics.port === undefined) {
    server.route('GET', '/metrics', metricsRoute(app.metrics.registry, metricsToken));
    return null;
  }
  const metricsServer = createHttpServer({ logger: app.logger, readiness, metrics: app.metrics.registry, metricsToken });
  try {
    await listenOrFail(metricsServer, config.metrics.port, '127.0.0.1');
    return metricsServer;
  } catch (err) {
    await server.close();
    await app.close();
    throw err;
  }
}

/** The terminal chat when no bot token is set: the same answers, once the knowledge base is ready. */
function startConsoleChat(app: App, answers: ConversationalAnswerService, life: Lifecycle, ready: () => boolean): void {
  const chat = startConsole({
    input: process.stdin,
    output: process.stdout,
    ask: async (question, state) => {
      if (!ready()) return messages.console.loading;
      return renderPlain(await answers.ask({ question, platform: 'console', regionCode: state.regionCode, sessionId: state.sessionId }));
    },
    findRegion: (q) => findRegion(app.db, q),
    onQuit: () => void life.shutdown('console'),
  });
  life.add('console', () => chat.stop());
}

/**
 * The secretariat's web console (off until its first account exists) and the daily deletion
 * of question texts past their retention. False when Pandu was stopped while it was built.
 */
async function startWebConsole(app: App, server: HttpServer, embedder: Embedder, life: Lifecycle): Promise<boolean> {
  const { config, logger } = app;
  const webConsole = await createConsole({
    db: app.db,
    logger,
    embedder,
    timezone: config.timezone,
    retentionDays: config.questionRetentionDays,
  }).catch((err: unknown) => {
    if (life.stopping) return null; // stopped while it was being built: the database is closed
    throw err;
  });
  if (!webConsole || life.stopping) return false;
  server.mount(CONSOLE_PATH, webConsole.handle);
  const retention = startRetentionJob({ db: app.db, logger, days: config.questionRetentionDays, timezone: config.timezone });
  life.add('retention', () => retention.stop());
  return true;
}

/** An empty knowledge base is filled from corpus/ before any bot takes updates. */
async function fillEmptyKnowledgeBase(app: App, embedder: Embedder): Promise<void> {
  const { logger } = app;
  const [{ n } = { n: 0 }] = await app.db.query<{ n: number }>('SELECT count(*) AS n FROM documents');
  if (n > 0 || !existsSync(CORPUS_DIR)) return;
  logger.info('knowledge base empty: ingesting corpus/');
  const summary = await ingestPaths({ db: app.db, embedder, logger }, [CORPUS_DIR]);
  logger.info({ files: summary.new, failed: summary.failed, chunks: summary.chunks }, 'corpus ingested');
}

/**
 * Telegram: long polling, or a webhook on this server (TELEGRAM_WEBHOOK_URL, secret-checked).
 * Started in the background: a Telegram outage at start delays only Telegram.
 */
function startTelegram(app: App, server: HttpServer, answers: ConversationalAnswerService, life: Lifecycle): TelegramBot | null {
  const { config, logger } = app;
  if (!config.telegram.token) return null;
  const bot = createTelegramBot({ config, logger, db: app.db, answers });
  if (bot.mode === 'webhook') bot.mountWebhook(server);
  life.add('telegram', () => bot.stop());
  void bot.start().catch((err: unknown) =>
    logger.error({ err }, 'Telegram bot not started: check TELEGRAM_BOT_TOKEN (and TELEGRAM_API_ROOT)'),
  );
  return bot;
}

/**
 * Slack: events, /pandu and 👍/👎 on POST /slack/events (Socket Mode with SLACK_APP_TOKEN),
 * the weekly digest on SLACK_DIGEST_CRON. Started in the background: a Slack outage at start
 * delays only Slack (events get 404 and Slack retries), not the rest of Pandu.
 */
async function startSlack(app: App, server: HttpServer, services: Services, life: Lifecycle): Promise<SlackApp | null> {
  const { config, logger } = app;
  if (!config.slack.botToken) return null;
  const [answers, embedder, digest] = await Promise.all([services.conversation(), services.embedder(), services.digestPublisher()]);
  const slack = createSlackApp({ slack: config.slack, timezone: config.timezone, db: app.db, answers, logger, http: server, embedder, digest: digest ?? undefined });
  life.add('slack', () => slack.stop());
  void slack.start().catch((err: unknown) =>
    logger.error({ err }, 'Slack app not started: check SLACK_BOT_TOKEN (and SLACK_API_URL)'),
  );
  return slack;
}

/** The bots, then the reminder scheduler on their senders (plan, enqueue, dispatch every minute, and once now). */
async function startAdapters(app: App, server: HttpServer, services: Services, life: Lifecycle): Promise<void> {
  const telegram = startTelegram(app, server, await services.conversation(), life);
  const slack = await startSlack(app, server, services, life);
  services.provideSenders({ telegram: telegram?.sender, slack: slack?.sender });
  const senders = await services.reminderSenders();
  if (Object.keys(senders).length === 0) return;
  const reminders = startReminderScheduler({ db: app.db, senders, logger: app.logger.child({ module: 'reminders' }), metrics: app.metrics });
  life.add('reminders', () => reminders.stop());
}

/** The App, opened after the server listens; commands forwarded meanwhile wait for it. */
async function openAfterListening(config: Config, logger: Logger, io: Io, owner: HeldOwner | null) {
  let app: App | null = null;
  let ready = false;
  const readiness = readinessOf(() => app, () => ready);
  let settle!: { resolve: (app: App) => void; reject: (err: unknown) => void };
  const opening = new Promise<App>((resolve, reject) => (settle = { resolve, reject }));
  opening.catch(() => undefined); // a failed open is thrown below, not reported as unhandled
  const { server, url } = await listenEarly(config, logger, owner, opening, readiness);
  try {
    app = await openApp(config, logger, { notice: (line) => io.err(`${line}\n`), owner });
  } catch (err) {
    settle.reject(err);
    await server.close();
    throw err;
  }
  settle.resolve(app);
  const metricsServer = await serveMetrics(config, app, server, readiness);
  return { app, server, url, metricsServer, markReady: () => void (ready = true), isReady: () => ready };
}

/**
 * `pandu start`: the long-running process. Claims the data folder, serves HTTP, opens the
 * App, takes its services from the composition root (src/composition.ts) and hands them to
 * the adapters. Resolves with the exit code once SIGINT/SIGTERM (or /keluar in the console)
 * has stopped everything.
 */
export async function runStart(config: Config, logger: Logger, io: Io): Promise<number> {
  const owner = claimDataDir(config, (line) => io.err(`${line}\n`));
  const { app, server, url, metricsServer, markReady, isReady } = await openAfterListening(config, logger, io, owner);
  const life = createLifecycle(logger, async () => {
    await server.close();
    await app.close();
  });
  if (metricsServer) life.add('metrics', () => metricsServer.close());
  io.out(`${messages.cli.serverListening(url)}\n`);
  logger.info({ url, database: app.db.kind }, 'database open');

  const services = servicesOf(app);
  const answers = await services.conversation();
  if (!config.telegram.token && !config.slack.botToken) startConsoleChat(app, answers, life, isReady);
  const embedder = await services.embedder();
  if (!(await startWebConsole(app, server, embedder, life))) return life.stopped();
  await fillEmptyKnowledgeBase(app, embedder);
  if (life.stopping) return life.stopped();
  markReady();
  await startAdapters(app, server, services, life);
  return life.stopped();
}
