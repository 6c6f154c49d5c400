import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { testDb } from '../../support/db.ts';
import { privateChat, startHarness, users, WEBHOOK_SECRET, type Harness } from './harness.ts';

describe('Telegram webhook mode', () => {
  let db: Db;
  let h: Harness;
  const sari = privateChat(users.sari);
  const update = (id: number, text: string) => ({
    update_id: id,
    message: { message_id: id, date: 1, chat: sari, from: { ...users.sari, is_bot: false }, text },
  });
  const post = (body: unknown, secret?: string) =>
    fetch(h.webhookUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(body),
    });

  beforeEach(async () => {
    db = await testDb();
    h = await startHarness(db, { mode: 'webhook' });
  });
  afterEach(async () => {
    await h.stop();
  });

  it('registers the webhook with its secret token instead of polling', async () => {
    expect(h.tg.webhook).toEqual({ url: h.webhookUrl, secret: WEBHOOK_SECRET });
    expect(h.tg.callsTo('setWebhook')[0]!.payload).toMatchObject({ url: h.webhookUrl, secret_token: WEBHOOK_SECRET });
    expect(h.tg.callsTo('getUpdates')).toHaveLength(0);
  });

  it('rejects requests without the right secret token with 401 and acts on none of them', async () => {
    expect((await post(update(9001, 'tanpa token'))).status).toBe(401);
    expect((await post(update(9002, 'token salah'), 'bukan-rahasia')).status).toBe(401);
    expect((await post(update(9003, 'token benar'), WEBHOOK_SECRET)).status).toBe(200);
    await h.telegram.idle();
    expect(h.answers.asked.map((a) => a.question)).toEqual(['token benar']);
    expect(h.texts(sari.id)).toHaveLength(1);
  });

  it('answers malformed JSON with the right secret with 400, so Telegram does not retry it (issue 18, finding 6)', async () => {
    const res = await fetch(h.webhookUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      body: '{"update_id": 9300, "message": ',
    });
    expect(res.status).toBe(400);
    expect((await post(update(9301, 'setelah JSON rusak'), WEBHOOK_SECRET)).status).toBe(200);
    await h.telegram.idle();
    expect(h.answers.asked.map((a) => a.question)).toEqual(['setelah JSON rusak']);
  });

  it('refuses a body over 1 MB with 413 before parsing it', async () => {
    const big = update(9400, 'x'.repeat(1_100_000));
    const res = await post(big, WEBHOOK_SECRET);
    expect(res.status).toBe(413);
    await h.telegram.idle();
    expect(h.answers.asked).toHaveLength(0);
  });

  it('answers a redelivered update (same update_id) only once', async () => {
    const first = post(update(9100, 'Kapan Bimtek I?'), WEBHOOK_SECRET);
    const again = post(update(9100, 'Kapan Bimtek I?'), WEBHOOK_SECRET);
    expect((await first).status).toBe(200);
    expect((await again).status).toBe(200);
    expect((await post(update(9100, 'Kapan Bimtek I?'), WEBHOOK_SECRET)).status).toBe(200);
    await h.telegram.idle();
    expect(h.answers.asked).toHaveLength(1);
    expect(h.texts(sari.id)).toHaveLength(1);
  });

  it('answers 503 once stopped, so Telegram keeps the update for later', async () => {
    await h.telegram.stop();
    expect((await post(update(9200, 'setelah berhenti'), WEBHOOK_SECRET)).status).toBe(503);
    expect(h.answers.asked).toHaveLength(0);
  });
});
