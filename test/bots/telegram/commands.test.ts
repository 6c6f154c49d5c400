import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH } from '../../../src/answer/types.ts';
import type { Db } from '../../../src/db/index.ts';
import { telegramMessages as t } from '../../../src/messages/index.ts';
import { createInvite } from '../../../src/regions/index.ts';
import { testDb } from '../../support/db.ts';
import { bindDirect, group, otherGroup, privateChat, seedProgramme, startHarness, users, type Harness } from './harness.ts';

describe('Telegram commands and safeguards', () => {
  let db: Db;
  let h: Harness;
  const sari = privateChat(users.sari);

  beforeEach(async () => {
    db = await testDb();
    h = await startHarness(db);
  });
  afterEach(async () => {
    await h.stop();
  });

  /** Sends a message and returns what Pandu sent into that chat in response. */
  const say = async (chat: typeof sari, from: (typeof users)[keyof typeof users], text: string, o?: { replyTo?: number }) => {
    const before = h.tg.sent(chat.id).length;
    const { updateId } = h.tg.text(chat, from, text, o);
    await h.settle(updateId);
    return h.texts(chat.id).slice(before);
  };

  it('registers its commands at start and introduces itself on /start', async () => {
    expect(h.tg.commands.map((c) => c.command)).toEqual(['tanya', 'tenggat', 'checklist', 'status', 'daftar', 'pengingat', 'tunda', 'lepas', 'baru', 'bantuan', 'start']);
    const [intro] = await say(sari, users.sari, '/start');
    expect(intro).toContain('Saya Pandu, asisten program Gerakan Menuju 100 Smart City');
    expect(intro).toContain('Obrolan ini belum terhubung dengan wilayah');
    expect(await say(sari, users.sari, '/bantuan')).toEqual([expect.stringContaining('/daftar KODE')]);
  });

  it('answers unknown commands with the help text, but ignores commands meant for other bots in groups', async () => {
    expect(await say(sari, users.sari, '/apaini')).toEqual([expect.stringContaining('Cara memakai Pandu')]);
    expect(await say(group, users.rina, '/apaini@pandu_uji_bot')).toEqual([expect.stringContaining('sebut @pandu_uji_bot')]);
    expect(await say(group, users.rina, '/start@bot_lain')).toEqual([]);
    expect(await say(group, users.rina, '/apaini')).toEqual([]);
    expect(h.answers.asked).toHaveLength(0);
  });

  it('/tenggat lists the region\'s deadlines with dates, its own zone and H-n; says so without cohort or binding', async () => {
    await seedProgramme(db);
    await bindDirect(db, group.id, '33.14');
    await bindDirect(db, otherGroup.id, '91.71');
    await bindDirect(db, sari.id, '33.72');

    const [sragen] = await say(group, users.rina, '/tenggat');
    expect(sragen).toBe(
      'Tenggat Kabupaten Sragen (angkatan 2026):\n\n' +
        '• Bimtek I: Analisis <Strategis> & Kesiapan: Selasa, 31 Maret 2026 pukul 23.59 WIB (H-7)\n' +
        '• Bimtek II: Masterplan: Kamis, 30 April 2026 pukul 23.59 WIB (H-37)',
    );
    const [jayapura] = await say(otherGroup, users.joko, '/tenggat');
    expect(jayapura).toContain('Jumat, 3 April 2026 pukul 23.59 WIT (H-10) — tenggat khusus wilayah: akses terbatas');
    expect(await say(sari, users.sari, '/tenggat')).toEqual([expect.stringContaining('Kota Surakarta belum tercantum dalam kalender angkatan mana pun')]);

    h.clock.now = new Date('2026-04-01T03:00:00Z');
    expect((await say(group, users.rina, '/tenggat'))[0]).toContain('(terlambat 1 hari)');
    expect(await say(privateChat(users.joko), users.joko, '/tenggat')).toEqual([t.notBound(false)]);
  });

  it('/pengingat and /lepas: admins switch reminders and unbind, members are refused', async () => {
    await bindDirect(db, group.id, '33.14');
    h.tg.setMember(group.id, users.budi.id, 'creator');
    const reminders = async () => (await db.query<{ on: boolean }>('SELECT reminders_enabled AS on FROM chats WHERE chat_id = $1', [String(group.id)]))[0]!.on;

    expect(await say(group, users.rina, '/pengingat off')).toEqual([t.adminOnly]);
    expect(await reminders()).toBe(true);
    expect(await say(group, users.budi, '/pengingat off')).toEqual([t.reminders.off]);
    expect(await reminders()).toBe(false);
    expect(await say(group, users.rina, '/pengingat')).toEqual(['Pengingat tenggat saat ini mati. Gunakan /pengingat on atau /pengingat off.']);
    expect(await say(group, users.budi, '/pengingat on')).toEqual([t.reminders.on(true)]);
    expect(await reminders()).toBe(true);

    expect(await say(group, users.rina, '/lepas')).toEqual([t.adminOnly]);
    expect(await say(group, users.budi, '/lepas')).toEqual([expect.stringContaining('sudah dilepas dari Kabupaten Sragen')]);
    expect(await db.query('SELECT region_code FROM chats WHERE chat_id = $1', [String(group.id)])).toEqual([{ region_code: null }]);
    expect(await say(group, users.budi, '/tenggat')).toEqual([t.notBound(true)]);
    // In a private chat the user binds and unbinds without an admin check.
    expect(await say(sari, users.sari, '/lepas')).toEqual([t.notBound(false)]);
    const { code } = await createInvite(db, 'Surakarta', { now: h.clock.now });
    expect(await say(sari, users.sari, `/daftar ${code}`)).toEqual([expect.stringContaining('Obrolan ini sekarang terhubung dengan Kota Surakarta')]);
    expect(await say(sari, users.sari, '/lepas')).toEqual([expect.stringContaining('sudah dilepas dari Kota Surakarta')]);
    expect(h.tg.callsTo('getChatMember', sari.id)).toHaveLength(0);
  });

  it('asks bound chats\' questions with their region, a group question starting its own conversation', async () => {
    await bindDirect(db, group.id, '33.14');
    await say(group, users.rina, '@pandu_uji_bot kapan tenggat Bimtek I?');
    expect(h.answers.asked[0]).toMatchObject({ regionCode: '33.14', chatId: String(group.id), userId: '602', sessionId: expect.stringMatching(new RegExp(`^telegram:${group.id}:\\d+$`)) });
  });

  it('caps question length and limits each user to 10 questions a minute', async () => {
    expect(await say(sari, users.sari, 'x'.repeat(MAX_QUESTION_LENGTH + 1))).toEqual([t.ask.tooLong(MAX_QUESTION_LENGTH)]);
    expect(await say(sari, users.sari, '/tanya')).toEqual(['Tulis pertanyaan setelah /tanya, misalnya: /tanya Apa saja keluaran Bimtek I?']);
    for (let i = 1; i <= 10; i++) await say(sari, users.sari, `Pertanyaan ${i}`);
    expect(h.answers.asked).toHaveLength(10);
    expect(await say(sari, users.sari, 'Pertanyaan 11')).toEqual([t.ask.rateLimited(60)]);
    expect(await say(sari, users.sari, 'Pertanyaan 12')).toEqual([]); // told once, then quiet
    expect(h.answers.asked).toHaveLength(10);
    h.clock.now = new Date(h.clock.now.getTime() + 61_000);
    expect(await say(sari, users.sari, 'Pertanyaan 13')).toEqual([expect.stringContaining('Jawaban untuk: Pertanyaan 13')]);
  });

  it('apologises when answering fails or a handler throws, and keeps serving the next updates', async () => {
    h.answers.respond = (input) => {
      if (input.question.includes('meledak')) throw new Error('retrieval exploded');
      return {};
    };
    expect(await say(sari, users.sari, 'pertanyaan yang meledak')).toEqual([t.apology]);
    expect(await say(sari, users.sari, 'pertanyaan biasa')).toEqual([expect.stringContaining('Jawaban untuk: pertanyaan biasa')]);

    h.tg.fail({ method: 'getChatMember', error_code: 400, description: 'Bad Request: PARTICIPANT_ID_INVALID' });
    expect(await say(group, users.rina, '/daftar ABCD-2345')).toEqual([t.apology]);
    expect(await say(group, users.rina, '@pandu_uji_bot halo')).toEqual([expect.stringContaining('Jawaban untuk: halo')]);
  });

  it('splits a long answer into messages under 4096 characters on paragraph boundaries', async () => {
    const paragraphs = Array.from({ length: 14 }, (_, i) => `Paragraf ${i + 1} <${'isi & '.repeat(80)}>`);
    h.answers.respond = () => ({ answer: paragraphs.join('\n\n') });
    const parts = await say(sari, users.sari, 'Jelaskan semuanya');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    const received = parts.join('\n\n').split('\n\n');
    expect(received.slice(0, paragraphs.length)).toEqual(paragraphs);
    const sent = h.tg.sent(sari.id);
    expect(sent.slice(0, -1).every((m) => m.markup === undefined)).toBe(true);
    expect(sent.at(-1)!.markup).toBeDefined();
  });

  it('deactivates a chat when Pandu is removed, and reactivates and welcomes it when added back', async () => {
    await bindDirect(db, group.id, '33.14');
    const active = async () =>
      (await db.query<{ active: boolean; reason: string | null }>('SELECT active, deactivated_reason AS reason FROM chats WHERE chat_id = $1', [String(group.id)]))[0];
    await h.settle(h.tg.membership(group, users.budi, 'member', 'kicked'));
    expect(await active()).toEqual({ active: false, reason: 'bot kicked' });
    await h.settle(h.tg.membership(group, users.budi, 'left', 'member'));
    expect(await active()).toEqual({ active: true, reason: null });
    expect(h.texts(group.id)).toEqual([expect.stringContaining('Terima kasih telah menambahkan Pandu')]);
  });

  it('keeps the binding when a group becomes a supergroup', async () => {
    const old = { id: -4001, type: 'group' as const, title: 'Tim lama' };
    await bindDirect(db, old.id, '33.14');
    const u = h.tg.push({ message: { message_id: 9, date: 1, chat: old, from: users.budi, migrate_to_chat_id: -1004001 } });
    await h.settle(u);
    expect(await db.query('SELECT chat_id, region_code FROM chats')).toEqual([{ chat_id: '-1004001', region_code: '33.14' }]);
  });

  it('logs ids and outcomes, never the token or what people wrote, even when sending fails', async () => {
    await h.stop();
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    h = await startHarness(db, { logger });
    h.answers.respond = () => ({ answer: 'Isi jawaban RAHASIA-JAWABAN' });
    h.tg.fail({ method: 'sendMessage', chatId: sari.id, times: 2, error_code: 400, description: 'Bad Request: TOPIC_CLOSED' });
    const { updateId } = h.tg.text(sari, users.sari, 'Pertanyaan RAHASIA-PERTANYAAN');
    await h.settle(updateId);
    const log = lines.join('');
    expect(log).toContain('answering failed');
    expect(log).toContain('TOPIC_CLOSED');
    for (const secret of [h.tg.token, 'RAHASIA-PERTANYAAN', 'RAHASIA-JAWABAN']) expect(log).not.toContain(secret);
  });

  it('gives the reminder dispatcher a sender that tells blocked, gone, rate-limited and transient apart', async () => {
    const send = (chatId: number) => h.telegram.sender.send(String(chatId), { text: '<b>Pengingat</b> tenggat &amp; checklist', format: 'html' });
    h.tg.block(701);
    h.tg.gone(702);
    h.tg.fail({ method: 'sendMessage', chatId: 703, error_code: 429, description: 'Too Many Requests: retry after 7', retry_after: 7 });
    h.tg.fail({ method: 'sendMessage', chatId: 704, error_code: 502, description: 'Bad Gateway' });
    expect(await send(701)).toMatchObject({ ok: false, kind: 'blocked', error: '403 Forbidden: bot was blocked by the user' });
    expect(await send(702)).toMatchObject({ ok: false, kind: 'blocked', error: '400 Bad Request: chat not found' });
    expect(await send(703)).toMatchObject({ ok: false, kind: 'rate_limited', retryAfterSec: 7 });
    expect(await send(704)).toMatchObject({ ok: false, kind: 'transient' });
    expect(await send(705)).toEqual({ ok: true, messageId: '1' });
    expect(h.tg.message(705, 1)!.text).toBe('Pengingat tenggat & checklist');
    // No retries inside the sender: one request per send.
    expect(h.tg.callsTo('sendMessage').map((c) => Number(c.payload.chat_id))).toEqual([701, 702, 703, 704, 705]);
  });
});
