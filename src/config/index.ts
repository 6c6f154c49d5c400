import { z } from 'zod';

/** Typed, validated configuration, parsed once from the environment at start. */
export interface Config {
  readonly database: { readonly url: string; readonly kind: 'pglite' | 'postgres' };
  readonly telegram: {
    readonly token?: string;
    readonly apiRoot: string;
    readonly webhookUrl?: string;
    readonly webhookSecret?: string;
  };
  readonly slack: {
    readonly botToken?: string;
    readonly signingSecret?: string;
    readonly appToken?: string;
    readonly apiUrl?: string;
    readonly digestChannel?: string;
    readonly staffUsers: readonly string[];
    readonly staffChannels: readonly string[];
    readonly digestCron: string;
  };
  readonly openai: {
    readonly apiKey?: string;
    readonly baseUrl?: string;
    readonly chatModel?: string;
    readonly embeddingModel?: string;
  };
  readonly timezone: string;
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ConfigError';
  }
}

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const isValidZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const httpUrl = optional.refine(
  (v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v),
  'must be an http(s) URL',
);

const csv = optional.transform((v) =>
  v === undefined ? [] : v.split(',').map((s) => s.trim()).filter(Boolean),
);

const schema = z.object({
  DATABASE_URL: optional,
  TELEGRAM_BOT_TOKEN: optional.refine(
    (v) => v === undefined || /^\d+:[\w-]+$/.test(v),
    'must look like 123456:ABC-token (from @BotFather)',
  ),
  TELEGRAM_API_ROOT: httpUrl,
  TELEGRAM_WEBHOOK_URL: optional.refine(
    (v) => v === undefined || /^https:\/\/[^\s]+$/.test(v) || /^http:\/\/(127\.0\.0\.1|localhost)/.test(v),
    'must be an https URL',
  ),
  TELEGRAM_WEBHOOK_SECRET: optional.refine(
    (v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v),
    'may only contain A-Z, a-z, 0-9, _ and - (1-256 characters)',
  ),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), 'must start with xapp-'),
  SLACK_API_URL: httpUrl,
  SLACK_DIGEST_CHANNEL: optional,
  SLACK_STAFF_USERS: csv,
  SLACK_STAFF_CHANNELS: csv,
  SLACK_DIGEST_CRON: optional,
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: httpUrl,
  OPENAI_CHAT_MODEL: optional,
  OPENAI_EMBEDDING_MODEL: optional,
  PANDU_TIMEZONE: optional.refine((v) => v === undefined || isValidZone(v), 'must be an IANA time zone such as Asia/Jakarta'),
  PORT: optional.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) < 65536), 'must be a port number 0-65535'),
  HOST: optional,
  LOG_LEVEL: optional.refine(
    (v) => v === undefined || ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v),
    'must be one of fatal, error, warn, info, debug, trace, silent',
  ),
});

export const DEFAULT_DATABASE_URL = './.pandu/db';

/** Parses the environment; throws ConfigError naming every bad variable (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    problems.push('SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    problems.push('TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL');
  }
  if ((e.OPENAI_BASE_URL || e.OPENAI_API_KEY) && !e.OPENAI_CHAT_MODEL && !e.OPENAI_EMBEDDING_MODEL) {
    problems.push('OPENAI_CHAT_MODEL or OPENAI_EMBEDDING_MODEL is required when a model server is configured');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const url = e.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const kind = /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'pglite';
  return Object.freeze({
    database: { url, kind },
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT ?? 'https://api.telegram.org',
      webhookUrl: e.TELEGRAM_WEBHOOK_URL,
      webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
    },
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      digestChannel: e.SLACK_DIGEST_CHANNEL,
      staffUsers: e.SLACK_STAFF_USERS,
      staffChannels: e.SLACK_STAFF_CHANNELS,
      digestCron: e.SLACK_DIGEST_CRON ?? '0 8 * * 1',
    },
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      chatModel: e.OPENAI_CHAT_MODEL,
      embeddingModel: e.OPENAI_EMBEDDING_MODEL,
    },
    timezone: e.PANDU_TIMEZONE ?? 'Asia/Jakarta',
    port: e.PORT === undefined ? 3000 : Number(e.PORT),
    host: e.HOST ?? '0.0.0.0',
    logLevel: e.LOG_LEVEL ?? 'info',
  } satisfies Config);
}
