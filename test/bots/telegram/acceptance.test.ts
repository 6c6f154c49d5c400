import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { telegramMessages as t } from '../../../src/messages/index.ts';
import { createInvite } from '../../../src/regions/index.ts';
import { testDb } from '../../support/db.ts';
import type { Json } from '../../support/fake-telegram.ts';
import { bindDirect, group, modes, NOW, otherGroup, privateChat, seedProgramme, startHarness, users, type Harness } from './harness.ts';

const buttons = (markup: Json | undefined): Array<{ text: string; data: string }> =>
  ((markup?.inline_keyboard ?? []) as Json[][]).flat().map((b) => ({ text: String(b.text), data: String(b.callback_data) }));

describe.each(modes)('Telegram bot, %s mode', (mode) => {
  let db: Db;
  let h: Harness;

  beforeEach(async () => {
    db = await testDb();
    h = await startHarness(db, { mode });
  });
  afterEach(async () => {
    await h.stop();
  });

  it('answers a private question in HTML with its sources, shows "typing…" first, and stores a 👍', async () => {
    const sari = privateChat(users.sari);
    h.answers.respond = () => ({
      answer: 'Beri nama berkas <kode-daerah>_<tahun> & unggah ke portal.\n\nBatasnya pukul 23.59 waktu setempat.',
      citations: [
        { document: 'corpus/panduan/a.md', title: 'Panduan <Bimtek> I & II', heading: 'Bab 2 > Unggah Dokumen', page: 4, snippet: '…', score: 0.9 },
        { document: 'corpus/panduan/a.md', title: 'Panduan <Bimtek> I & II', heading: 'Bab 2 > Unggah Dokumen', page: 4, snippet: '…', score: 0.8 },
        { document: 'corpus/faq.md', title: 'Tanya Jawab', heading: 'Tanya Jawab', page: null, snippet: '…', score: 0.5 },
      ],
    });
    const { updateId } = h.tg.text(sari, users.sari, 'Bagaimana mengunggah dokumen?');
    await h.settle(updateId);

    const [reply, ...more] = h.tg.sent(sari.id);
    expect(more).toHaveLength(0);
    expect(reply!.text).toBe(
      'Beri nama berkas <kode-daerah>_<tahun> & unggah ke portal.\n\n' +
        'Batasnya pukul 23.59 waktu setempat.\n\n' +
        'Sumber:\n• Panduan <Bimtek> I & II — Unggah Dokumen, hlm. 4\n• Tanya Jawab',
    );
    const send = h.tg.callsTo('sendMessage', sari.id)[0]!;
    expect(send.payload.parse_mode).toBe('HTML');
    const typing = h.tg.callsTo('sendChatAction', sari.id)[0]!;
    expect(typing.payload.action).toBe('typing');
    expect(typing.seq).toBeLessThan(send.seq);
    expect(h.answers.asked[0]).toMatchObject({ question: 'Bagaimana mengunggah dokumen?', platform: 'telegram', chatId: '501', userId: '501', regionCode: null });

    expect(buttons(reply!.markup).map((b) => b.text)).toEqual(['👍', '👎']);
    const tap = h.tg.tap(sari, users.sari, reply!.messageId, buttons(reply!.markup)[0]!.data);
    await h.settle(tap.updateId);
    expect(h.answers.votes).toEqual([{ questionId: 1, vote: 1, by: '501' }]);
    const ack = h.tg.callsTo('answerCallbackQuery').find((c) => c.payload.callback_query_id === tap.queryId)!;
    expect(ack.payload.text).toBe(t.feedback.thanksUp);
    // The buttons lock: one button saying what was recorded.
    expect(buttons(h.tg.message(sari.id, reply!.messageId)!.markup).map((b) => b.text)).toEqual([t.feedback.recordedUp]);
  });

  it('stays silent on group chatter, and answers a mention as a reply to that message', async () => {
    const chatter = h.tg.text(group, users.rina, 'Rapat koordinasi jam berapa ya?');
    const mention = h.tg.text(group, users.rina, '@pandu_uji_bot apa saja keluaran Bimtek I?');
    await h.settle(chatter.updateId);
    await h.settle(mention.updateId);

    const sent = h.tg.sent(group.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.replyTo).toBe(mention.messageId);
    expect(sent[0]!.text).toContain('Jawaban untuk: apa saja keluaran Bimtek I?');
    expect(h.answers.asked.map((a) => a.question)).toEqual(['apa saja keluaran Bimtek I?']);

    // A reply to Pandu's answer and /tanya are questions too (both reach a bot in privacy mode).
    const followUp = h.tg.text(group, users.joko, 'Kalau Bimtek II?', { replyTo: sent[0]!.messageId });
    const command = h.tg.text(group, users.budi, '/tanya@pandu_uji_bot kapan tenggat Bimtek I?');
    const replyToMember = h.tg.text(group, users.budi, 'setuju', { replyTo: chatter.messageId });
    for (const u of [followUp, command, replyToMember]) await h.settle(u.updateId);
    expect(h.answers.asked.map((a) => a.question)).toEqual(['apa saja keluaran Bimtek I?', 'Kalau Bimtek II?', 'kapan tenggat Bimtek I?']);
    expect(h.tg.sent(group.id).map((m) => m.replyTo)).toEqual([mention.messageId, followUp.messageId, command.messageId]);
  });

  it('/daftar binds the group for an admin, refuses a member, and refuses used and expired codes clearly', async () => {
    h.tg.setMember(group.id, users.budi.id, 'administrator');
    h.tg.setMember(otherGroup.id, users.joko.id, 'creator');
    const { code } = await createInvite(db, '33.14', { now: NOW });

    const byMember = h.tg.text(group, users.rina, `/daftar ${code}`);
    await h.settle(byMember.updateId);
    expect(h.texts(group.id)).toEqual([t.adminOnly]);
    expect(await db.query('SELECT 1 FROM chats')).toHaveLength(0);

    const byAdmin = h.tg.text(group, users.budi, `/daftar ${code.toLowerCase()}`);
    await h.settle(byAdmin.updateId);
    expect(h.texts(group.id)[1]).toContain('Grup ini sekarang terhubung dengan Kabupaten Sragen');
    expect(await db.query('SELECT region_code, bound_by, reminders_enabled FROM chats WHERE chat_id = $1', [String(group.id)])).toEqual([
      { region_code: '33.14', bound_by: '601', reminders_enabled: true },
    ]);

    const reused = h.tg.text(otherGroup, users.joko, `/daftar ${code}`);
    await h.settle(reused.updateId);
    expect(h.texts(otherGroup.id)).toEqual([t.bind.used]);

    const old = await createInvite(db, '73.71', { now: new Date(NOW.getTime() - 80 * 3_600_000) });
    const expired = h.tg.text(otherGroup, users.joko, `/daftar ${old.code}`);
    await h.settle(expired.updateId);
    expect(h.texts(otherGroup.id)[1]).toBe(t.bind.expired);
    expect(await db.query('SELECT 1 FROM chats WHERE chat_id = $1', [String(otherGroup.id)])).toHaveLength(0);
  });

  it('ticks and unticks checklist items with buttons, ignores double taps, and /status shows the saved progress', async () => {
    await seedProgramme(db);
    await bindDirect(db, group.id, '33.14');
    const show = h.tg.text(group, users.rina, '/checklist');
    await h.settle(show.updateId);
    const [list] = h.tg.sent(group.id);
    expect(list!.text).toContain('Checklist Bimtek I: Analisis <Strategis> & Kesiapan\nKabupaten Sragen: 0/3 butir selesai');
    expect(buttons(list!.markup).map((b) => b.data)).toEqual(['ck:BT1-01:1', 'ck:BT1-02:1', 'ck:BT1-03:1']);

    const tap = async (data: string, who = users.rina) => {
      const { updateId, queryId } = h.tg.tap(group, who, list!.messageId, data);
      await h.settle(updateId);
      return h.tg.callsTo('answerCallbackQuery').find((c) => c.payload.callback_query_id === queryId)!.payload.text as string;
    };
    expect(await tap('ck:BT1-01:1')).toBe(t.checklist.ticked('BT1-01'));
    expect(h.tg.message(group.id, list!.messageId)!.text).toContain('1/3 butir selesai');
    expect(h.tg.message(group.id, list!.messageId)!.text).toContain('✅ BT1-01 SK Dewan Smart City — oleh Rina');
    expect(buttons(h.tg.message(group.id, list!.messageId)!.markup)[0]!.data).toBe('ck:BT1-01:0');

    // The same (stale) button again, and two taps at once: nothing changes, nobody gets an error.
    expect(await tap('ck:BT1-01:1', users.joko)).toBe(t.checklist.unchanged('BT1-01', true));
    const a = h.tg.tap(group, users.rina, list!.messageId, 'ck:BT1-02:1');
    const b = h.tg.tap(group, users.rina, list!.messageId, 'ck:BT1-02:1');
    await h.settle(a.updateId);
    await h.settle(b.updateId);
    expect(h.tg.message(group.id, list!.messageId)!.text).toContain('2/3 butir selesai');
    expect(await tap('ck:BT1-01:0')).toBe(t.checklist.unticked('BT1-01'));
    expect(await tap('ck:BT1-03:1', users.joko)).toBe(t.checklist.ticked('BT1-03'));
    expect(h.tg.message(group.id, list!.messageId)!.text).toContain('2/3 butir selesai');
    expect(h.tg.sent(group.id)).toHaveLength(1); // edits only: no apology, no second list

    expect(await db.query('SELECT item_id, done, updated_by, updated_by_name FROM checklist_progress ORDER BY item_id')).toEqual([
      { item_id: 'BT1-01', done: false, updated_by: '602', updated_by_name: 'Rina' },
      { item_id: 'BT1-02', done: true, updated_by: '602', updated_by_name: 'Rina' },
      { item_id: 'BT1-03', done: true, updated_by: '603', updated_by_name: 'Joko' },
    ]);
    const status = h.tg.text(group, users.budi, '/status');
    await h.settle(status.updateId);
    const text = h.texts(group.id)[1]!;
    expect(text).toContain('Tahap saat ini: Bimtek I: Analisis <Strategis> & Kesiapan, tenggat Selasa, 31 Maret 2026 WIB (H-7)');
    expect(text).toContain('▶️ Bimtek I: Analisis <Strategis> & Kesiapan: 2/3 butir');
    expect(text).toContain('⬜ Bimtek II: Masterplan: belum ada checklist');
  });

  it('waits out a 429 retry_after and then delivers the answer exactly once', async () => {
    const sari = privateChat(users.sari);
    h.tg.fail({ method: 'sendMessage', chatId: sari.id, error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    const { updateId } = h.tg.text(sari, users.sari, 'Apa itu Quick Win?');
    await h.settle(updateId);
    const [limited, delivered, ...rest] = h.tg.callsTo('sendMessage', sari.id);
    expect(rest).toHaveLength(0);
    expect(limited!.status).toBe(429);
    expect(delivered!.status).toBe(200);
    expect(delivered!.at - limited!.doneAt!).toBeGreaterThanOrEqual(990);
    expect(h.texts(sari.id)).toHaveLength(1);
  });
});
