import { existsSync } from 'node:fs';
import { renderPlain } from '../answer/render.ts';
import type { App } from '../app.ts';
import { startConsole } from '../bots/console/index.ts';
import { createSlackApp, type SlackApp } from '../bots/slack/index.ts';
import { createTelegramBot, type TelegramBot } from '../bots/telegram/index.ts';
import { servicesOf, type Services } from '../composition.ts';
import { createConsole, CONSOLE_PATH } from '../console/index.ts';
import type { ConversationalAnswerService } from '../conversation/index.ts';
import { ingestPaths } from '../ingest/index.ts';
import { messages } from '../messages/index.ts';
import { startRetentionJob } from '../questions/index.ts';
import { findRegion } from '../regions/index.ts';
import { startReminderScheduler } from '../reminders/index.ts';
import type { Embedder } from '../retrieval/index.ts';
import type { HttpServer } from '../server/http.ts';
import type { Lifecycle } from './lifecycle.ts';

// What `pandu start` runs on its opened App: chat, web console, corpus, bots, reminders.
// Loaded by src/cli/start.ts once its HTTP server listens, so /healthz does not wait for
// the Slack, Telegram and ingest modules.

const CORPUS_DIR = 'corpus';

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

/**
 * The services on the opened App, in order: the terminal chat (no bot token), the web
 * console, the corpus into an empty knowledge base, then (ready) the bots and reminders.
 */
export async function runServices(app: App, server: HttpServer, life: Lifecycle, ready: { mark(): void; is(): boolean }): Promise<void> {
  const { config } = app;
  const services = servicesOf(app);
  const answers = await services.conversation();
  if (!config.telegram.token && !config.slack.botToken) startConsoleChat(app, answers, life, ready.is);
  const embedder = await services.embedder();
  if (!(await startWebConsole(app, server, embedder, life))) return;
  await fillEmptyKnowledgeBase(app, embedder);
  if (life.stopping) return;
  ready.mark();
  await startAdapters(app, server, services, life);
}
