import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramBot, type TelegramBot } from '../../../src/bots/telegram/index.ts';
import type { Db } from '../../../src/db/index.ts';
import { telegramMessages as t } from '../../../src/messages/index.ts';
import { conversationalCore } from '../../support/conversation.ts';
import { testDb } from '../../support/db.ts';
import { startFakeTelegram, type FakeChat, type FakeTelegram } from '../../support/fake-telegram.ts';
import { group, otherGroup, privateChat, silent, users } from './harness.ts';

const T0 = new Date('2026-06-08T02:00:00Z'); // Monday 8 June 2026, 09:00 WIB

describe('Telegram conversations (real answering core)', () => {
  let db: Db;
  let tg: FakeTelegram;
  let bot: TelegramBot;
  const clock = { now: T0 };
  const later = (minutes: number) => (clock.now = new Date(clock.now.getTime() + minutes * 60_000));

  beforeEach(async () => {
    db = await testDb();
    clock.now = T0;
    const answers = await conversationalCore(db, { logger: silent, now: () => clock.now });
    tg = await startFakeTelegram();
    bot = createTelegramBot(
      { config: { telegram: { token: tg.token, apiRoot: tg.apiRoot } }, logger: silent, db, answers, now: () => clock.now },
      { pollingTimeoutSec: 5 },
    );
    await bot.start();
  });
  afterEach(async () => {
    await bot.stop();
    await tg.close();
  });

  /** Users write (all at once); resolves with Pandu's answer to each, in order. */
  async function say(...messages: Array<[FakeChat, string, number?]>) {
    const pushed = messages.map(([chat, text, replyTo], i) => ({ chat, ...tg.text(chat, [users.rina, users.budi, users.joko][i % 3]!, text, { replyTo }) }));
    for (const p of pushed) await tg.waitConfirmed(p.updateId);
    await bot.idle();
    return pushed.map((p) => {
      const reply = tg.sent(p.chat.id).find((m) => m.replyTo === p.messageId);
      if (!reply) throw new Error(`no answer to message ${p.messageId}`);
      return reply;
    });
  }

  it('holds a three-turn conversation in a group reply chain while another group talks, and forgets it after 30 quiet minutes', async () => {
    const [a1, b1] = await say([group, '@pandu_uji_bot kapan tenggat bimtek 2 untuk kabupaten sragen?'], [otherGroup, '@pandu_uji_bot kapan tenggat bimtek 2 untuk kota jayapura?']);
    expect(a1!.text).toContain('Bimbingan Teknis II: Jumat, 31 Juli 2026 pukul 23.59 WIB');
    expect(b1!.text).toContain('Bimbingan Teknis II: Jumat, 7 Agustus 2026 pukul 23.59 WIT');

    // Both groups reply "kalau bimtek 1?" to Pandu at the same time: each gets its own region.
    later(2);
    const [a2, b2] = await say([group, 'kalau bimtek 1?', a1!.messageId], [otherGroup, 'kalau bimtek 1?', b1!.messageId]);
    expect(a2!.text).toMatch(/^Yang saya pahami: Bimtek I, Kabupaten Sragen\n/);
    expect(a2!.text).toContain('Bimbingan Teknis I: Jumat, 12 Juni 2026 pukul 23.59 WIB (H-4)');
    expect(b2!.text).toMatch(/^Yang saya pahami: Bimtek I, Kota Jayapura\n/);
    expect(b2!.text).toContain('Bimbingan Teknis I: Jumat, 12 Juni 2026 pukul 23.59 WIT');

    later(3);
    const [a3] = await say([group, 'checklistnya apa aja?', a2!.messageId]);
    expect(a3!.text).toMatch(/^Yang saya pahami: Bimtek I, Kabupaten Sragen\n/);
    expect(a3!.text).toContain('Checklist Bimbingan Teknis I — Kabupaten Sragen: 0/2 selesai');
    expect(a3!.text).toContain('BT1-01 Analisis kesiapan daerah');

    // A fresh mention is a new conversation, not the chain's.
    const [fresh] = await say([group, '@pandu_uji_bot kalau bimtek 1?']);
    expect(fresh!.text).not.toContain('Yang saya pahami');

    // 31 minutes of silence: the chain is forgotten.
    later(31);
    const [stale] = await say([group, 'kalau bimtek 2?', a3!.messageId]);
    expect(stale!.text).not.toContain('Yang saya pahami');
    expect(stale!.text).not.toContain('Kabupaten Sragen');
  });

  it('keeps one conversation per private chat, and /baru starts a new one', async () => {
    const sari = privateChat(users.sari);
    const ask = async (text: string) => {
      const { updateId, messageId } = tg.text(sari, users.sari, text);
      await tg.waitConfirmed(updateId);
      await bot.idle();
      return tg.sent(sari.id).filter((m) => m.messageId > messageId)[0]!.text;
    };
    await ask('kapan tenggat bimtek 1 untuk kota jayapura?');
    expect(await ask('kalau bimtek 2?')).toMatch(/^Yang saya pahami: Bimtek II, Kota Jayapura\n[^]*7 Agustus 2026/);
    expect(await ask('/baru')).toBe(t.conversation.cleared(false));
    expect(await ask('kalau bimtek 1?')).not.toContain('Yang saya pahami');
  });
});
