import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../src/db/index.ts';
import { seedRegions } from '../../../src/regions/index.ts';
import { createPostgresDatabase } from '../../support/db.ts';
import { startFakeTelegram, type FakeChat, type FakeTelegram } from '../../support/fake-telegram.ts';
import { startTelegramReplicas, type TelegramReplicas } from '../../support/replicas.ts';
import { createFakeAnswers } from '../../support/fake-answers.ts';

/**
 * Two replicas in webhook mode behind one address on one PostgreSQL database: each
 * question is answered once, also when Telegram delivers an update again and the front
 * hands it to the other replica.
 */
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('Telegram from two replicas (postgres)', () => {
  let tg: FakeTelegram | undefined;
  let replicas: TelegramReplicas | undefined;
  afterEach(async () => {
    await replicas?.stop();
    await tg?.close();
  });

  it('answers every question once, redeliveries included, with both replicas taking updates', async () => {
    const url = await createPostgresDatabase('telegram_replicas');
    const db = await openDatabase(url);
    await migrate(db);
    await seedRegions(db);
    await db.close();
    tg = await startFakeTelegram();
    const answers = createFakeAnswers();
    replicas = await startTelegramReplicas(url, { tg, answers });

    const chats: FakeChat[] = Array.from({ length: 10 }, (_, i) => ({ id: 40_000 + i, type: 'private', first_name: `Petugas ${i}` }));
    const updates: Array<{ updateId: number; chat: FakeChat; text: string }> = [];
    for (let n = 0; n < 40; n++) {
      const chat = chats[n % chats.length]!;
      const text = `Pertanyaan ${n + 1} tentang tahapan`;
      updates.push({ ...tg.text(chat, { id: chat.id, first_name: 'Petugas' }, text), chat, text });
    }
    const isAnswer = (c: { method: string; status?: number }) => c.method === 'sendMessage' && c.status === 200;
    await tg.waitForCalls(isAnswer, 40, 60_000);
    // Telegram delivers some updates again (it missed the 200): the front sends them on to a replica.
    for (const u of updates.slice(0, 10)) {
      const again = tg.calls.find((c) => c.method === 'sendMessage' && String(c.payload.text).includes(u.text));
      expect(again).toBeDefined();
      tg.push({ update_id: u.updateId, message: { message_id: 9_000 + u.updateId, date: 0, chat: u.chat, from: { id: u.chat.id, is_bot: false, first_name: 'Petugas' }, text: u.text } });
    }
    await tg.waitConfirmed(updates[9]!.updateId);
    await replicas.idle();

    const counts = new Map<string, number>();
    for (const c of tg.calls.filter(isAnswer)) {
      const m = /Jawaban untuk: (.+?)\n/.exec(String(c.payload.text));
      if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    }
    expect(updates.filter((u) => counts.get(u.text) !== 1).map((u) => u.text)).toEqual([]);
    expect(answers.asked).toHaveLength(40);
    expect(replicas.served.every((n) => n > 0)).toBe(true);
  });
});
