import { describe, expect, it } from 'vitest';
import { PanduError } from '../../src/errors.ts';
import { loadConfig } from '../../src/config/index.ts';

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
    expect(PanduError.isInstance(error, 'CONFIG_INVALID')).toBe(true);
    const text = (error as PanduError<'CONFIG_INVALID'>).details.problems.join('\n');
    expect(text).toMatch(/PORT harus nomor port 0–65535/);
    expect(text).toMatch(/PANDU_TIMEZONE harus zona waktu IANA/);
    expect(text).toMatch(/TELEGRAM_BOT_TOKEN/);
    expect(text).not.toContain('super-secret-value');
  });

  it('accepts postgres://, postgresql://, memory:// and paths; refuses any other scheme without echoing the URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@db/pandu' }).database.kind).toBe('postgres');
    expect(loadConfig({ DATABASE_URL: '/var/lib/pandu/db' }).database).toEqual({ url: '/var/lib/pandu/db', kind: 'pglite' });
    expect(loadConfig({ DATABASE_URL: 'data/db' }).database.kind).toBe('pglite');
    for (const url of ['postgress://u:rahasia@db/pandu', 'mysql://root:rahasia@db/x', 'file:///tmp/db']) {
      expect(() => loadConfig({ DATABASE_URL: url })).toThrow(/DATABASE_URL memakai skema/);
      expect(() => loadConfig({ DATABASE_URL: url })).not.toThrow(/rahasia/);
    }
  });

  it('checks HOST, METRICS_* and SLACK_DIGEST_CRON, in Indonesian (issue 16 item 7)', () => {
    expect(loadConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
    expect(loadConfig({ HOST: 'pandu.internal' }).host).toBe('pandu.internal');
    expect(() => loadConfig({ HOST: '256.1.1.1' })).toThrow(/^HOST harus alamat IP/);
    expect(() => loadConfig({ HOST: 'bad host' })).toThrow(/^HOST harus/);
    expect(() => loadConfig({ SLACK_DIGEST_CRON: 'tiap senin' })).toThrow(/^SLACK_DIGEST_CRON bukan pola cron yang valid/);
    expect(() => loadConfig({ METRICS_TOKEN: 'pendek' })).toThrow(/METRICS_TOKEN harus minimal 16 karakter/);
    expect(() => loadConfig({ METRICS_PORT: '3000' })).toThrow(/METRICS_PORT harus berbeda dari PORT/);
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_TOKEN: 'a'.repeat(32) }).metrics).toEqual({ port: 9464, token: 'a'.repeat(32) });
  });

  it('requires the secret that goes with a Slack token or a webhook', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_URL: 'https://x.example/tg' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });
});
