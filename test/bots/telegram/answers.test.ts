import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { recordFeedback } from '../../../src/answer/question-log.ts';
import type { Db } from '../../../src/db/index.ts';
import { buildDigest } from '../../../src/digest/index.ts';
import { createMetrics } from '../../../src/server/metrics.ts';
import { telegramMessages as t } from '../../../src/messages/index.ts';
import { testDb } from '../../support/db.ts';
import type { FakeChat, FakeUser, Json } from '../../support/fake-telegram.ts';
import { group, NOW, privateChat, startHarness, users, type Harness } from './harness.ts';

const buttons = (markup: Json | undefined): Array<{ text: string; data: string }> =>
  ((markup?.inline_keyboard ?? []) as Json[][]).flat().map((b) => ({ text: String(b.text), data: String(b.callback_data) }));

const LONG_REST = Array.from({ length: 6 }, (_, i) => `${i + 1}. Butir lanjutan nomor ${i + 1} menjelaskan langkah berikutnya.`).join('\n');

/** A user sends a non-text message (photo, voice, document …) built from `fields`. */
function sendRaw(h: Harness, chat: FakeChat, from: FakeUser, fields: Json): number {
  return h.tg.push({ message: { message_id: 9000 + Math.floor(Math.random() * 1000), date: Math.floor(Date.now() / 1000), chat, from: { is_bot: false, ...from }, ...fields } });
}

describe('Telegram answers: selengkapnya, sources, feedback, non-text messages', () => {
  let db: Db;
  let h: Harness;

  beforeEach(async () => {
    db = await testDb();
    h = await startHarness(db);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('asks for a short answer in groups, offers "Selengkapnya", and shows the rest from the database after a restart', async () => {
    h.answers.respond = () => ({ answer: 'Ringkasnya: unggah Buku 1.', more: LONG_REST });
    const ask = h.tg.text(group, users.rina, '@pandu_uji_bot apa saja langkah Bimtek I?');
    await h.settle(ask.updateId);
    expect(h.answers.asked[0]!.budget).toBe(700);
    const [answer] = h.tg.sent(group.id);
    expect(answer!.text).not.toContain('Butir lanjutan');
    expect(buttons(answer!.markup).map((b) => b.text)).toEqual([t.ask.more, '👍', '👎']);

    // Pandu restarts: nothing of the answer is left in memory.
    const tg = h.tg;
    await h.telegram.stop();
    onTestFinished(() => tg.close());
    h = await startHarness(db, { tg });
    const tap = tg.tap(group, users.joko, answer!.messageId, buttons(answer!.markup)[0]!.data);
    await h.settle(tap.updateId);
    const edited = tg.message(group.id, answer!.messageId)!;
    expect(edited.text).toContain('Ringkasnya: unggah Buku 1.');
    expect(edited.text).toContain('6. Butir lanjutan nomor 6');
    expect(edited.text.indexOf('Butir lanjutan')).toBeLessThan(edited.text.indexOf('Sumber:'));
    expect(edited.text.length).toBeLessThan(4096);
    expect(buttons(edited.markup).map((b) => b.text)).toEqual(['👍', '👎']);
    expect(tg.sent(group.id)).toHaveLength(1);

    // A private chat has the larger budget.
    const sari = privateChat(users.sari);
    await h.settle(tg.text(sari, users.sari, 'apa saja langkah Bimtek I?').updateId);
    expect(h.answers.asked.at(-1)!.budget).toBe(1200);
  });

  it('sends the rest as a reply when the whole would not fit one message, and says politely when it expired', async () => {
    const huge = Array.from({ length: 60 }, (_, i) => `Paragraf ${i + 1}: ${'isi panduan yang panjang '.repeat(3)}`).join('\n\n');
    h.answers.respond = () => ({ answer: 'Ringkasan.', more: huge });
    const sari = privateChat(users.sari);
    await h.settle(h.tg.text(sari, users.sari, 'jelaskan semuanya').updateId);
    const [answer] = h.tg.sent(sari.id);
    const tap = h.tg.tap(sari, users.sari, answer!.messageId, buttons(answer!.markup)[0]!.data);
    await h.settle(tap.updateId);
    const rest = h.tg.sent(sari.id).slice(1);
    expect(rest.length).toBeGreaterThanOrEqual(2);
    expect(rest.map((m) => m.text).join('\n\n')).toContain('Paragraf 60:');
    expect(rest.every((m) => m.text.length <= 4096)).toBe(true);
    expect(buttons(h.tg.message(sari.id, answer!.messageId)!.markup).map((b) => b.text)).toEqual(['👍', '👎']);

    await h.settle(h.tg.text(sari, users.sari, 'jelaskan lagi').updateId);
    const second = h.tg.sent(sari.id).at(-1)!;
    h.clock.now = new Date(NOW.getTime() + 15 * 86_400_000);
    const late = h.tg.tap(sari, users.sari, second.messageId, buttons(second.markup)[0]!.data);
    await h.settle(late.updateId);
    const ack = h.tg.callsTo('answerCallbackQuery').find((c) => c.payload.callback_query_id === late.queryId)!;
    expect(ack.payload.text).toBe(t.ask.moreExpired);
    expect(buttons(h.tg.message(sari.id, second.messageId)!.markup).map((b) => b.text)).toEqual(['👍', '👎']);
  });

  it('links a source with a public address at its PDF page, with link previews off', async () => {
    h.answers.respond = () => ({
      citations: [
        { document: 'unggahan/se-01.pdf', title: 'Surat Edaran 01', heading: 'Surat Edaran 01 > Jadwal', page: 4, snippet: '…', score: 0.9, url: 'https://contoh.go.id/se-01.pdf' },
        { document: 'corpus/faq.md', title: 'Tanya Jawab', heading: 'Tanya Jawab', page: null, snippet: '…', score: 0.5 },
      ],
    });
    const sari = privateChat(users.sari);
    await h.settle(h.tg.text(sari, users.sari, 'kapan jadwalnya?').updateId);
    const [answer] = h.tg.sent(sari.id);
    expect(answer!.html).toContain('<a href="https://contoh.go.id/se-01.pdf#page=4">Surat Edaran 01</a> — Jadwal, hlm. 4');
    expect(answer!.text).toContain('• Tanya Jawab');
    expect(answer!.text).not.toContain('corpus/');
    expect(h.tg.callsTo('sendMessage', sari.id)[0]!.payload.link_preview_options).toEqual({ is_disabled: true });
  });

  it('👎 asks why, stores the reason and a one-line comment with the question, and shows what was recorded', async () => {
    const [q] = await db.query<{ id: number }>(
      `INSERT INTO questions (platform, chat_id, question, intent, refused, answer, citations)
       VALUES ('telegram', '-1001002003', 'berapa anggaran Bimtek I?', 'rule', false, 'Jawaban.', $1) RETURNING id`,
      [JSON.stringify([{ document: 'corpus/panduan/06.md', title: 'Panduan Bimtek I', heading: 'Anggaran', page: null }])],
    );
    h.answers.respond = () => ({ questionId: q!.id });
    h.answers.feedback = (id, vote, by, detail) => recordFeedback(db, id, vote, by, detail);
    await h.settle(h.tg.text(group, users.rina, '@pandu_uji_bot berapa anggaran Bimtek I?').updateId);
    const [answer] = h.tg.sent(group.id);

    const down = h.tg.tap(group, users.rina, answer!.messageId, buttons(answer!.markup).find((b) => b.text === '👎')!.data);
    await h.settle(down.updateId);
    const reasons = buttons(h.tg.message(group.id, answer!.messageId)!.markup);
    expect(reasons.map((b) => b.text)).toEqual(['Salah', 'Kurang lengkap', 'Tidak relevan']);

    const pick = h.tg.tap(group, users.rina, answer!.messageId, reasons[1]!.data);
    await h.settle(pick.updateId);
    expect(buttons(h.tg.message(group.id, answer!.messageId)!.markup).map((b) => b.text)).toEqual([t.feedback.recordedDown('Kurang lengkap')]);
    const prompt = h.tg.sent(group.id).at(-1)!;
    expect(prompt.replyTo).toBe(answer!.messageId);

    // Someone else's reply to the prompt is not a comment.
    h.tg.text(group, users.joko, 'saya juga bingung', { replyTo: prompt.messageId });
    const reply = h.tg.text(group, users.rina, 'Nilai anggaran per wilayah tidak disebut.\nbaris kedua', { replyTo: prompt.messageId });
    await h.settle(reply.updateId);
    const [row] = await db.query<{ feedback: number; feedback_reason: string; feedback_comment: string }>('SELECT feedback, feedback_reason, feedback_comment FROM questions WHERE id = $1', [q!.id]);
    expect(row).toEqual({ feedback: -1, feedback_reason: 'kurang_lengkap', feedback_comment: 'Nilai anggaran per wilayah tidak disebut.' });
    expect(h.tg.message(group.id, prompt.messageId)!.text).toContain('Komentar: Nilai anggaran per wilayah tidak disebut.');
    expect(h.answers.asked.map((a) => a.question)).toEqual(['berapa anggaran Bimtek I?', 'saya juga bingung']);

    // Counted in /metrics, and listed in the staff digest with the question and the cited document.
    expect(await createMetrics({ db }).registry.metrics()).toContain('pandu_feedback_answers{vote="down",reason="kurang_lengkap"} 1');
    const digest = await buildDigest(db, { now: new Date(Date.now() + 60_000), timezone: 'Asia/Jakarta' });
    const lines = digest.sections.find((x) => x.id === 'feedback')!.lines.join('\n');
    expect(lines).toContain('"berapa anggaran Bimtek I?"');
    expect(lines).toContain('Alasan: kurang lengkap — "Nilai anggaran per wilayah tidak disebut."');
    expect(lines).toContain('Sumber yang dikutip: Panduan Bimtek I');
  });

  it('answers a photo, a voice note, a document and a sticker in a private chat; in groups only when addressed; ignores edits', async () => {
    const sari = privateChat(users.sari);
    const updates = [
      sendRaw(h, sari, users.sari, { photo: [{ file_id: 'p1', file_unique_id: 'p1', width: 90, height: 90 }] }),
      sendRaw(h, sari, users.sari, { voice: { file_id: 'v1', file_unique_id: 'v1', duration: 4 } }),
      sendRaw(h, sari, users.sari, { document: { file_id: 'd1', file_unique_id: 'd1', file_name: 'laporan.pdf' }, caption: 'mohon dicek' }),
      sendRaw(h, sari, users.sari, { sticker: { file_id: 's1', file_unique_id: 's1', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } }),
    ];
    for (const u of updates) await h.settle(u);
    expect(h.texts(sari.id)).toEqual([t.unsupported('media'), t.unsupported('voice'), t.unsupported('document'), t.unsupported('other')].map((s) => s.replace(/<[^>]+>/g, '')));
    expect(h.texts(sari.id)[2]).toContain('Sekretariat');

    const chatter = sendRaw(h, group, users.rina, { photo: [{ file_id: 'p2', file_unique_id: 'p2', width: 9, height: 9 }] });
    const caption = '@pandu_uji_bot ini dokumennya';
    const addressed = sendRaw(h, group, users.rina, {
      document: { file_id: 'd2', file_unique_id: 'd2', file_name: 'sk.pdf' },
      caption,
      caption_entities: [{ type: 'mention', offset: 0, length: 14 }],
    });
    await h.settle(chatter);
    await h.settle(addressed);
    expect(h.texts(group.id)).toEqual([t.unsupported('document').replace(/<[^>]+>/g, '')]);

    const edit = h.tg.push({ edited_message: { message_id: 1, date: 1, edit_date: 2, chat: sari, from: { is_bot: false, ...users.sari }, text: 'pertanyaan diubah' } });
    await h.settle(edit);
    expect(h.texts(sari.id)).toHaveLength(4);
    expect(h.answers.asked).toHaveLength(0);
  });
});
