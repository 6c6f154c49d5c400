import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { buildDigest } from '../../../src/digest/index.ts';
import { reminderMessage, telegramMessages as t } from '../../../src/messages/index.ts';
import { confirmStageComplete, setChecklistItem } from '../../../src/programme/index.ts';
import { runCli } from '../../support/cli.ts';
import { testDb } from '../../support/db.ts';
import { bindDirect, group, NOW, privateChat, seedProgramme, startHarness, users, type Harness } from './harness.ts';

const planFor = async (db: Db, now: Date): Promise<Array<{ chat_id: string; offset: number; send_at: string }>> =>
  JSON.parse((await runCli(db, ['reminders', 'plan', '--now', now.toISOString(), '--days', '14', '--json'])).stdout) as Array<{ chat_id: string; offset: number; send_at: string }>;

describe('A bound group: /status and /tenggat say how a stage is done; reminders people keep (/tunda, wording, optional items)', () => {
  let db: Db;
  let h: Harness;

  beforeEach(async () => {
    db = await testDb();
    await seedProgramme(db);
    await bindDirect(db, group.id, '33.14');
    h = await startHarness(db);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('a stage the secretariat confirmed with nothing ticked says so and by whom; never a bare ✅ beside 0/N', async () => {
    await confirmStageComplete(db, { regionCode: '33.14', stageId: 'bimtek-1', by: 'konsol:sari', note: 'laporan diterima lewat surel', now: NOW });
    await h.settle(h.tg.text(group, users.budi, '/status').updateId);
    const status = h.texts(group.id).at(-1)!;
    expect(status).toContain('✅ Bimtek I: Analisis <Strategis> & Kesiapan: selesai — dikonfirmasi Sekretariat (konsol:sari: laporan diterima lewat surel); checklist di Pandu 0/3 butir');
    expect(status).not.toMatch(/✅[^\n]*selesai \(0\/3 butir\)/);
    expect(status).toContain('Tahap saat ini: Bimtek II: Masterplan');

    await h.settle(h.tg.text(group, users.budi, '/tenggat').updateId);
    expect(h.texts(group.id).at(-1)).toContain('— sudah selesai (dikonfirmasi Sekretariat)');
  });

  it('a stage done by its checklist says the checklist is complete', async () => {
    for (const id of ['BT1-01', 'BT1-02', 'BT1-03']) await setChecklistItem(db, { regionCode: '33.14', itemId: id, done: true, by: '601', byName: 'Budi', now: NOW });
    await h.settle(h.tg.text(group, users.budi, '/status').updateId);
    expect(h.texts(group.id).at(-1)).toContain('✅ Bimtek I: Analisis <Strategis> & Kesiapan: selesai — semua butir wajib checklist dicentang');
  });

  it('/tunda 7 stops the group’s reminders for 7 days in `reminders plan --now`, shows in /pengingat and the digest', async () => {
    const groupId = String(group.id);
    expect((await planFor(db, NOW)).filter((p) => p.chat_id === groupId).map((p) => p.offset)).toEqual([3, 1, 0, -1]);

    await h.settle(h.tg.text(group, users.rina, '/tunda 7').updateId);
    expect(h.texts(group.id).at(-1)).toBe(t.adminOnly);
    h.tg.setMember(group.id, users.budi.id, 'administrator');
    await h.settle(h.tg.text(group, users.budi, '/tunda 31').updateId);
    expect(h.texts(group.id).at(-1)).toContain('1 sampai 30 hari');
    await h.settle(h.tg.text(group, users.budi, '/tunda 7').updateId);
    expect(h.texts(group.id).at(-1)).toContain('ditunda 7 hari, sampai Selasa, 31 Maret 2026 pukul 09.00 WIB');

    // Nothing until 31 March 09:00 WIB (H-3, H-1 and H-0 fall inside); H+1 as planned.
    expect((await planFor(db, NOW)).filter((p) => p.chat_id === groupId).map((p) => p.offset)).toEqual([-1]);
    const text = (await runCli(db, ['reminders', 'plan', '--now', NOW.toISOString(), '--days', '14'])).stdout;
    expect(text).toMatch(/Pengingat yang ditunda \(\/tunda\): 1\n\s+telegram -1001002003 — Kabupaten Sragen: Bimtek I: Analisis <Strategis> & Kesiapan ditunda sampai 2026-03-31T02:00:00.000Z/);

    await h.settle(h.tg.text(group, users.rina, '/pengingat').updateId);
    expect(h.texts(group.id).at(-1)).toContain('⏸ Pengingat Bimtek I: Analisis <Strategis> & Kesiapan ditunda sampai Selasa, 31 Maret 2026 pukul 09.00 WIB');

    const digest = await buildDigest(db, { now: NOW, timezone: 'Asia/Jakarta' });
    expect(digest.sections.find((s) => s.id === 'paused')?.lines).toEqual([
      '• -1001002003 (telegram, Kabupaten Sragen): Bimtek I: Analisis <Strategis> & Kesiapan, ditunda sampai 31 Maret 2026',
    ]);

    await h.settle(h.tg.text(group, users.budi, '/tunda batal').updateId);
    expect((await planFor(db, NOW)).filter((p) => p.chat_id === groupId).map((p) => p.offset)).toEqual([3, 1, 0, -1]);
  });

  it('a reminder in a private chat speaks to one person; open optional items are marked', async () => {
    const d = { regionName: 'Kabupaten Sragen', stageName: 'Bimtek I', dueOn: '2026-03-31', timezone: 'Asia/Jakarta', daysLeft: 7 };
    const checklist = { done: 1, total: 3, open: [{ id: 'BT1-02', title: 'Analisis SWOT', required: true }, { id: 'BT1-03', title: 'Studi banding', required: false }] };
    const inPrivate = reminderMessage({ ...d, checklist, chat: 'private' });
    expect(inPrivate).not.toContain('grup ini');
    expect(inPrivate).toContain('di obrolan ini: /pengingat off');
    expect(inPrivate).toContain('• Studi banding (BT1-03, anjuran)');
    expect(inPrivate).toContain('• Analisis SWOT (BT1-02)\n');
    expect(reminderMessage({ ...d, checklist, chat: 'group' })).toContain('mematikan pengingat di grup ini dengan /pengingat off');

    // The dispatcher picks the wording from the chat: a private chat bound to a region.
    const sari = privateChat(users.sari);
    await bindDirect(db, sari.id, '33.14');
    await db.query(`UPDATE chats SET bound_at = '2026-03-01T00:00:00Z'`); // bound before the H-7 slot
    await runCli(db, ['reminders', 'run', '--now', NOW.toISOString()], { TELEGRAM_BOT_TOKEN: h.tg.token, TELEGRAM_API_ROOT: h.tg.apiRoot });
    const sent = h.texts(sari.id);
    expect(sent.length).toBe(1);
    expect(sent[0]).toContain('di obrolan ini: /pengingat off');
    expect(h.texts(group.id)[0]).toContain('di grup ini dengan /pengingat off');
  });
});
