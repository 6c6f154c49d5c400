import { openApp, type App } from '../app.ts';
import { startConsole, type ConsoleChat } from '../bots/console/index.ts';
import { createTelegramBot } from '../bots/telegram/index.ts';
import { createSlackApp } from '../bots/slack/index.ts';
import type { Config } from '../config/index.ts';
import { migrationsCurrent } from '../db/index.ts';
import type { Logger } from '../log.ts';
import { messages } from '../messages/index.ts';
import { findRegion } from '../regions/index.ts';
import { startReminderScheduler } from '../reminders/index.ts';
import { createHttpServer, listenOrFail, type Readiness } from '../server/http.ts';
import { mountAdmin } from './admin.ts';
import { existsSync } from 'node:fs';
import { renderPlain } from '../answer/render.ts';
import { ingestPaths } from '../ingest/index.ts';
import { createCoreServices } from '../services.ts';
import { createConversationalAnswerService } from '../conversation/index.ts';
import type { Io } from './context.ts';
import { createConsole, CONSOLE_PATH } from '../console/index.ts';
import { startRetentionJob } from '../questions/index.ts';

const CORPUS_DIR = 'corpus';

/** A running service with an explicit lifecycle; stopped in reverse start order. */
interface Service {
  readonly name: string;
  stop(): Promise<void> | void;
}

/**
 * The HTTP server (health, readiness, admin, and /metrics unless METRICS_PORT moves it to a
 * server of its own on 127.0.0.1), listening. On failure (port in use…) the app is closed.
 */
async function openHttp(config: Config, app: App, logger: Logger, readiness: () => Promise<Readiness>) {
  const apart = config.metrics.port !== undefined;
  const metricsToken = config.metrics.token;
  const server = createHttpServer({ logger, readiness, metrics: apart ? undefined : app.metrics.registry, metricsToken });
  const metricsServer = apart ? createHttpServer({ logger, readiness, metrics: app.metrics.registry, metricsToken }) : null;
  if (app.owner) mountAdmin(server, app, app.owner.info.token);
  try {
    const { url, port } = await listenOrFail(server, config.port, config.host);
    if (metricsServer) await listenOrFail(metricsServer, config.metrics.port!, '127.0.0.1');
    return { server, url, port, metricsServer };
  } catch (err) {
    await server.close();
    await app.close();
    throw err;
  }
}

/**
 * `pandu start`: the composition root of the long-running process. Resolves with the
 * exit code once SIGINT/SIGTERM (or /keluar in the console) has stopped everything.
 */
export async function runStart(config: Config, logger: Logger, io: Io): Promise<number> {
  const app: App = await openApp(config, logger, { notice: (line) => io.err(`${line}\n`) });
  const services: Service[] = [];
  let ready = false;

  const readiness = async () => {
    await app.db.query('SELECT 1');
    const migrated = await migrationsCurrent(app.db);
    return { ready: ready && migrated, checks: { database: true, migrations: migrated, knowledgeBase: ready } };
  };
  const { server, url, port, metricsServer } = await openHttp(config, app, logger, readiness);
  if (metricsServer) services.push({ name: 'metrics', stop: () => metricsServer.close() });
  app.owner?.setAddress(port, url);

  let resolveStopped!: (code: number) => void;
  const stopped = new Promise<number>((r) => (resolveStopped = r));
  let stopping = false;
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
    await server.close();
    await app.close();
    resolveStopped(0);
  };
  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  io.out(`${messages.cli.serverListening(url)}\n`);
  logger.info({ url, database: app.db.kind }, 'http server listening');

  const core = await createCoreServices(app);
  // Conversation memory (issue 9): follow-ups in the console, Telegram and Slack.
  const answers = createConversationalAnswerService(core.answers, { db: app.answerDb ?? app.db, logger, openai: config.openai });
  let chat: ConsoleChat | null = null;
  const bots = [config.telegram.token, config.slack.botToken].filter(Boolean);
  if (bots.length === 0) {
    chat = startConsole({
      input: process.stdin,
      output: process.stdout,
      ask: async (question, state) => {
        if (!ready) return messages.console.loading;
        return renderPlain(await answers.ask({ question, platform: 'console', regionCode: state.regionCode, sessionId: state.sessionId }));
      },
      findRegion: (q) => findRegion(app.db, q),
      onQuit: () => void shutdown('console'),
    });
    const consoleChat = chat;
    services.push({ name: 'console', stop: () => consoleChat.stop() });
  }

  // The secretariat's web console (off until its first account exists) and the daily
  // deletion of question texts past their retention.
  const webConsole = await createConsole({
    db: app.db,
    logger,
    embedder: core.embedder,
    timezone: config.timezone,
    retentionDays: config.questionRetentionDays,
  }).catch((err: unknown) => {
    if (stopping) return null; // stopped while it was being built: the database is closed
    throw err;
  });
  if (!webConsole || stopping) return stopped;
  server.mount(CONSOLE_PATH, webConsole.handle);
  const retention = startRetentionJob({ db: app.db, logger, days: config.questionRetentionDays, timezone: config.timezone });
  services.push({ name: 'retention', stop: () => retention.stop() });

  // An empty knowledge base is filled from corpus/ before any bot takes updates.
  const [{ n } = { n: 0 }] = await app.db.query<{ n: number }>('SELECT count(*) AS n FROM documents');
  if (n === 0 && existsSync(CORPUS_DIR)) {
    logger.info('knowledge base empty: ingesting corpus/');
    const summary = await ingestPaths({ db: app.db, embedder: core.embedder, logger }, [CORPUS_DIR]);
    logger.info({ files: summary.new, failed: summary.failed, chunks: summary.chunks }, 'corpus ingested');
  }
  if (stopping) return stopped;
  ready = true;

  // [adapters] Telegram, Slack and the reminder scheduler are started here, each pushed
  // onto `services` so shutdown stops them in reverse order.

  // Telegram (issue 6): long polling, or a webhook on this server (TELEGRAM_WEBHOOK_URL,
  // secret-checked). Started in the background like Slack: a Telegram outage at start
  // delays only Telegram. Its `sender` (same throttle, no auto-retry) serves reminders.
  const telegramBot = config.telegram.token
    ? createTelegramBot({ config, logger, db: app.db, answers })
    : null;
  if (telegramBot) {
    if (telegramBot.mode === 'webhook') telegramBot.mountWebhook(server);
    services.push({ name: 'telegram', stop: () => telegramBot.stop() });
    void telegramBot.start().catch((err: unknown) =>
      logger.error({ err: (err as Error).message }, 'Telegram bot not started: check TELEGRAM_BOT_TOKEN (and TELEGRAM_API_ROOT)'),
    );
  }

  // Slack (issue 7): events, /pandu and 👍/👎 on POST /slack/events (Socket Mode with
  // SLACK_APP_TOKEN), weekly digest on SLACK_DIGEST_CRON; its `sender` serves reminders to
  // Slack chats. Started in the background: a Slack outage at start
  // delays only Slack (events get 404 and Slack retries), not the rest of Pandu.
  const slackApp = config.slack.botToken
    ? createSlackApp({ slack: config.slack, timezone: config.timezone, db: app.db, answers, logger, http: server, embedder: core.embedder })
    : null;
  if (slackApp) {
    services.push({ name: 'slack', stop: () => slackApp.stop() });
    void slackApp.start().catch((err: unknown) =>
      logger.error({ err: (err as Error).message }, 'Slack app not started: check SLACK_BOT_TOKEN (and SLACK_API_URL)'),
    );
  }

  // Reminders (issue 8): plan + enqueue + dispatch every minute, and once now to catch up.
  {
    // Each sender carries its bot's pacer: reminders and answers share one pace.
    const senders = { ...(telegramBot && { telegram: telegramBot.sender }), ...(slackApp && { slack: slackApp.sender }) };
    if (Object.keys(senders).length > 0) {
      const reminders = startReminderScheduler({
        db: app.db,
        senders,
        logger: logger.child({ module: 'reminders' }),
        metrics: app.metrics,
      });
      services.push({ name: 'reminders', stop: () => reminders.stop() });
    }
  }

  const code = await stopped;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return code;
}
