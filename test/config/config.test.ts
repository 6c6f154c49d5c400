import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.ts';

describe('configuration', () => {
  it('has working defaults: embedded database, Jakarta time, port 3000, offline', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({ url: './.pandu/db', kind: 'pglite' });
    expect(c.timezone).toBe('Asia/Jakarta');
    expect(c.port).toBe(3000);
    expect(c.openai.baseUrl).toBeUndefined();
    expect(c.telegram.apiRoot).toBe('https://api.telegram.org');
  });

  it('recognises PostgreSQL URLs', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/pandu' }).database.kind).toBe('postgres');
    expect(loadConfig({ DATABASE_URL: 'memory://' }).database.kind).toBe('pglite');
  });

  it('names every bad variable with its reason, never its secret value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', PANDU_TIMEZONE: 'Mars/Olympus', TELEGRAM_BOT_TOKEN: 'super-secret-value' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).message;
    expect(text).toMatch(/PORT must be a port number/);
    expect(text).toMatch(/PANDU_TIMEZONE must be an IANA time zone/);
    expect(text).toMatch(/TELEGRAM_BOT_TOKEN/);
    expect(text).not.toContain('super-secret-value');
  });

  it('requires the secret that goes with a Slack token or a webhook', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: 'https://x.example/tg' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });
});
