import type { AnswerService } from './answer/types.ts';
import type { App } from './app.ts';
import type { DigestPublisher } from './bots/slack/digest.ts';
import type { ConversationalAnswerService } from './conversation/index.ts';
import type { ReminderPlatform, Sender } from './reminders/index.ts';
import type { Embedder } from './retrieval/index.ts';

/** Reminder senders per platform; a platform without one keeps its rows pending. */
export type ReminderSenders = Partial<Record<ReminderPlatform, Sender>>;

/**
 * The composition root's services, built on an opened App: each at most once, on first
 * use, and only with the modules it needs (a command that never answers loads no answer
 * code; Slack's client and the model-server client load only when configured and used).
 * `pandu start`, the commands it runs on behalf of other processes and the one-shot
 * commands all take their services from here.
 */
export interface Services {
  /** The knowledge base's embedder (configured one, its stored vectors brought up to date). */
  embedder(): Promise<Embedder>;
  /** The answer core: one question, one answer, logged and counted in the metrics. */
  answers(): Promise<AnswerService>;
  /** The answer core with conversation memory: what every surface (bots, console, `pandu ask`) asks. */
  conversation(): Promise<ConversationalAnswerService>;
  /** Posts the staff digest to SLACK_DIGEST_CHANNEL; null without SLACK_BOT_TOKEN. */
  digestPublisher(): Promise<DigestPublisher | null>;
  /**
   * Senders for reminders: the running adapters' (they share the bots' pacing), and for a
   * configured platform without a running adapter a standalone one (`pandu reminders run`).
   */
  reminderSenders(): Promise<ReminderSenders>;
  /** The running adapters' senders (`pandu start`), used from now on by reminderSenders(). */
  provideSenders(running: ReminderSenders): void;
}

const built = new WeakMap<App, Services>();

/** The services of an App; the same instance for every caller of the same App. */
export function servicesOf(app: App): Services {
  let services = built.get(app);
  if (!services) {
    services = createServices(app);
    built.set(app, services);
  }
  return services;
}

/** Memoises an async factory: built once, shared by every caller; a failure is retried next time. */
function once<T>(build: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () => {
    value ??= build().catch((err: unknown) => {
      value = null;
      throw err;
    });
    return value;
  };
}

function createServices(app: App): Services {
  const { config, logger } = app;
  // Answer paths read through the pool whose statements time out (PostgreSQL).
  const answerDb = app.answerDb ?? app.db;

  const embedder = once(async () => {
    const { embedderFromConfig, ensureEmbeddings } = await import('./retrieval/index.ts');
    const e = await embedderFromConfig(config);
    await ensureEmbeddings(app.db, e);
    return e;
  });

  const answers = once(async () => {
    const { createAnswerService } = await import('./answer/service.ts');
    const { chatModel, baseUrl, apiKey } = config.openai;
    // The model-server client loads only when a chat model is configured.
    const generator = chatModel
      ? (await import('./answer/generate.ts')).createOpenAiGenerator({ model: chatModel, baseUrl, apiKey, logger })
      : null;
    return createAnswerService({
      db: answerDb,
      embedder: await embedder(),
      logger,
      generator,
      onAnswered: (a, ms, platform) => {
        app.metrics.questions.inc({ platform, intent: a.intent, refused: String(a.refused) });
        app.metrics.answerSeconds.observe(ms / 1000);
      },
    });
  });

  const conversation = once(async () => {
    const { createConversationalAnswerService } = await import('./conversation/index.ts');
    return createConversationalAnswerService(await answers(), { db: answerDb, logger, openai: config.openai });
  });

  const digestPublisher = once(async () => {
    const { slack, timezone } = config;
    if (!slack.botToken) return null;
    const { createSlackDigestPublisher } = await import('./bots/slack/digest.ts');
    return createSlackDigestPublisher({ db: app.db, slack: { ...slack, botToken: slack.botToken }, timezone, logger });
  });

  // Telegram when TELEGRAM_BOT_TOKEN is set (the sender carries the bot's pacer, shared with replicas on PostgreSQL).
  const standaloneSenders = once(async (): Promise<ReminderSenders> => {
    const { telegramReminderSender } = await import('./bots/telegram/sender.ts');
    const telegram = telegramReminderSender(config, app.db, logger);
    return telegram ? { telegram } : {};
  });
  let running: ReminderSenders = {};

  return {
    embedder,
    answers,
    conversation,
    digestPublisher,
    async reminderSenders() {
      // The standalone senders cover Telegram only; a running bot's sender replaces it.
      if (running.telegram) return { ...running };
      return { ...(await standaloneSenders()), ...running };
    },
    provideSenders(senders) {
      running = Object.fromEntries(Object.entries(senders).filter(([, s]) => s !== undefined));
    },
  };
}
