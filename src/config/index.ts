import { isIP } from 'node:net';
import { Cron } from 'croner';
import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '../db/index.ts';
import { PanduError } from '../errors.ts';
import { configProblems as m } from '../messages/operator.ts';

// Zod's own messages (a wrong type, say) in Indonesian, like every other operator message.
z.config(z.locales.id());

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
  readonly metrics: {
    /** Bearer token required on /metrics (METRICS_TOKEN); unset: open. */
    readonly token?: string;
    /** Serve /metrics on this loopback port instead of the main one (METRICS_PORT). */
    readonly port?: number;
  };
  readonly timezone: string;
  /** Days question texts are kept before the daily job deletes them (counts stay). */
  readonly questionRetentionDays: number;
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
}

/** A configuration the process cannot start with: every problem, one Indonesian sentence each. */
export function configInvalid(problems: readonly string[]): PanduError<'CONFIG_INVALID'> {
  return new PanduError('CONFIG_INVALID', { problems }, { message: problems.join('; ') });
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

const httpUrl = (name: string) => optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), m.httpUrl(name));

const csv = optional.transform((v) =>
  v === undefined ? [] : v.split(',').map((s) => s.trim()).filter(Boolean),
);

const port = (name: string) => optional.refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) < 65536), m.port(name));

/** An IP address, or a host name made of letters, digits and hyphens (not a mistyped IP). */
export function isValidHost(v: string): boolean {
  if (isIP(v) !== 0) return true;
  if (/^[\d.]+$/.test(v)) return false; // 256.1.1.1 and the like
  return v.length <= 253 && v.split('.').every((l) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l));
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

/** postgres://, postgresql://, memory:// or a path; the problem names the scheme, never the rest. */
export function databaseUrlProblem(url: string): string | null {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || url === 'memory://') return null;
  if (scheme !== 'postgres' && scheme !== 'postgresql') return m.databaseScheme(`${scheme}://`);
  try {
    return new URL(url).hostname ? null : m.databaseUrl;
  } catch {
    return m.databaseUrl;
  }
}

function cronProblem(pattern: string, timezone: string): string | null {
  try {
    new Cron(pattern, { timezone, paused: true }).stop();
    return null;
  } catch (err) {
    return m.cron((err as Error).message);
  }
}

const schema = z.object({
  DATABASE_URL: optional.superRefine((v, ctx) => {
    const problem = v === undefined ? null : databaseUrlProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  TELEGRAM_BOT_TOKEN: optional.refine((v) => v === undefined || /^\d+:[\w-]+$/.test(v), m.telegramToken),
  TELEGRAM_API_ROOT: httpUrl('TELEGRAM_API_ROOT'),
  TELEGRAM_WEBHOOK_URL: optional.refine(
    (v) => v === undefined || /^https:\/\/[^\s]+$/.test(v) || /^http:\/\/(127\.0\.0\.1|localhost)/.test(v),
    m.webhookUrl,
  ),
  TELEGRAM_WEBHOOK_SECRET: optional.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), m.webhookSecret),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), m.appToken),
  SLACK_API_URL: httpUrl('SLACK_API_URL'),
  SLACK_DIGEST_CHANNEL: optional,
  SLACK_STAFF_USERS: csv,
  SLACK_STAFF_CHANNELS: csv,
  SLACK_DIGEST_CRON: optional,
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: httpUrl('OPENAI_BASE_URL'),
  OPENAI_CHAT_MODEL: optional,
  OPENAI_EMBEDDING_MODEL: optional,
  METRICS_TOKEN: optional.refine((v) => v === undefined || /^\S{16,}$/.test(v), m.metricsToken),
  METRICS_PORT: port('METRICS_PORT'),
  PANDU_TIMEZONE: optional.refine((v) => v === undefined || isValidZone(v), m.timezone),
  PANDU_QUESTION_RETENTION_DAYS: optional.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 3650), m.retentionDays),
  PORT: port('PORT'),
  HOST: optional.refine((v) => v === undefined || isValidHost(v), m.host),
  LOG_LEVEL: optional.refine(
    (v) => v === undefined || ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v),
    m.logLevel,
  ),
});

export { DEFAULT_DATABASE_URL };

/** Parses the environment; throws CONFIG_INVALID naming every bad variable in Indonesian (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    // Our own messages name their variable; zod's generic ones get the name in front.
    const problems = parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      return i.message.includes(name) ? i.message : m.other(name, i.message);
    });
    throw configInvalid(problems);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) problems.push(m.slackSecretMissing);
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) problems.push(m.webhookSecretMissing);
  if ((e.OPENAI_BASE_URL || e.OPENAI_API_KEY) && !e.OPENAI_CHAT_MODEL && !e.OPENAI_EMBEDDING_MODEL) problems.push(m.modelMissing);
  const timezone = e.PANDU_TIMEZONE ?? 'Asia/Jakarta';
  const digestCron = e.SLACK_DIGEST_CRON ?? '0 8 * * 1';
  const cron = cronProblem(digestCron, timezone);
  if (cron) problems.push(cron);
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT === (e.PORT ?? '3000')) problems.push(m.metricsPortClash);
  if (problems.length > 0) throw configInvalid(problems);

  const url = e.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const kind = /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'pglite';
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
      digestCron,
    },
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      chatModel: e.OPENAI_CHAT_MODEL,
      embeddingModel: e.OPENAI_EMBEDDING_MODEL,
    },
    metrics: {
      token: e.METRICS_TOKEN,
      port: e.METRICS_PORT === undefined ? undefined : Number(e.METRICS_PORT),
    },
    timezone,
    questionRetentionDays: e.PANDU_QUESTION_RETENTION_DAYS === undefined ? 180 : Number(e.PANDU_QUESTION_RETENTION_DAYS),
    port: e.PORT === undefined ? 3000 : Number(e.PORT),
    host: e.HOST ?? '0.0.0.0',
    logLevel: e.LOG_LEVEL ?? 'info',
  } satisfies Config);
}
