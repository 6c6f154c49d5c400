import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { backends, testDb } from '../../support/db.ts';
import { MONDAY, seedProgramme } from '../../digest/seed.ts';
import { DIGEST_CHANNEL, OUTSIDER, STAFF, startHarness, type Harness } from './harness.ts';

type Section = { type: string; text?: { text: string } };

describe.each(backends)('/pandu slash command (%s)', (backend) => {
  let db: Db;
  let h: Harness;

  beforeEach(async () => {
    db = await testDb(backend);
    await seedProgramme(db);
    h = await startHarness(db, { now: () => MONDAY, slack: { staffChannels: ['C0SEKRE'] } });
  });
  afterEach(async () => {
    await h.close(true);
  });

  const ackText = (res: { text: string }) => (res.text ? String((JSON.parse(res.text) as { text?: string }).text) : '');
  const responseTo = async (id: string) => {
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.id === id));
    return h.fake.responses.filter((r) => r.id === id).at(-1)!.body;
  };

  it('refuses `undang` from a user who is not staff, in a channel that is not a staff channel', async () => {
    const res = await h.command('undang 33.14', { user: OUTSIDER, channel: 'C0UMUM', responseId: 'u1' });
    expect(res.status).toBe(200);
    expect(ackText(res)).toContain('hanya dapat dipakai oleh staf sekretariat');
    await h.slack.idle();
    const invites = await db.query('SELECT code FROM invites');
    expect(invites).toHaveLength(0);
    expect(h.fake.responses).toHaveLength(0);
  });

  it('gives staff a one-time invite code for the region, stored in the database', async () => {
    const res = await h.command('undang 33.14', { user: STAFF, responseId: 'u2' });
    expect(res.status).toBe(200);
    const body = await responseTo('u2');
    const [invite] = await db.query<{ code: string; region_code: string; created_by: string }>('SELECT code, region_code, created_by FROM invites');
    expect(invite).toMatchObject({ region_code: '33.14', created_by: `slack:${STAFF}` });
    expect(body.response_type).toBe('ephemeral');
    expect(String(body.text)).toContain(invite!.code);
    expect(String(body.text)).toContain('Kabupaten Sragen');
    expect(String(body.text)).toContain(`/daftar ${invite!.code}`);
  });

  it('gives the same invite when the same signed command is replayed (issue 18, finding 7)', async () => {
    for (const id of ['r1', 'r2', 'r3']) {
      expect((await h.command('undang 33.14', { user: STAFF, responseId: id, triggerId: '4242.99.abc' })).status).toBe(200);
    }
    const replies = await Promise.all(['r1', 'r2', 'r3'].map(async (id) => String((await responseTo(id)).text)));
    const invites = await db.query<{ code: string }>('SELECT code FROM invites');
    expect(invites).toHaveLength(1);
    for (const text of replies) expect(text).toContain(invites[0]!.code);
    // A new command (another trigger) is a new invite.
    await h.command('undang 33.14', { user: STAFF, responseId: 'r4', triggerId: '4243.99.abc' });
    await responseTo('r4');
    expect(await db.query('SELECT code FROM invites')).toHaveLength(2);
  });

  it('lets anyone in a staff channel use staff commands, and explains an unknown region', async () => {
    await h.command('undang Atlantis', { user: OUTSIDER, channel: 'C0SEKRE', responseId: 'u3' });
    const body = await responseTo('u3');
    expect(String(body.text)).toContain('Wilayah "Atlantis" tidak dikenal');
  });

  it('refuses `digest` from a user who is not staff and posts nothing', async () => {
    const res = await h.command('digest', { user: OUTSIDER });
    expect(ackText(res)).toContain('hanya dapat dipakai oleh staf');
    await h.slack.idle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('`digest` posts blocks to the digest channel naming exactly the overdue regions', async () => {
    const res = await h.command('digest', { user: STAFF, responseId: 'd1' });
    expect(ackText(res)).toContain('Menyusun ringkasan');
    const confirmation = await responseTo('d1');
    expect(String(confirmation.text)).toContain(`<#${DIGEST_CHANNEL}>`);

    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.channel).toBe(DIGEST_CHANNEL);
    const blocks = posts[0]!.args.blocks as Section[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    const sections = blocks.filter((b) => b.type === 'section').map((b) => b.text!.text);
    for (const s of sections) expect(s.length).toBeLessThanOrEqual(3000);
    const overdue = sections.find((s) => s.includes('Tenggat terlewat'))!;
    expect(overdue).toContain('Kabupaten Sragen (33.14)');
    expect(overdue).toContain('Kota Jayapura (91.71)');
    expect(overdue).not.toContain('Kota Makassar'); // completed Bimtek I (calendar)
    expect(overdue).not.toContain('Kota Surabaya'); // completed Bimtek I (checklist)
    expect(overdue).toContain('terlambat 23 hari');
    // Not the weekly digest: nothing recorded for the period.
    expect(await db.query('SELECT period FROM digests')).toHaveLength(0);
  });

  it('`tenggat` lists each region’s next deadline, and a province narrows it', async () => {
    await h.command('tenggat', { user: OUTSIDER, responseId: 't1' });
    const all = String((await responseTo('t1')).text);
    expect(all).toContain('Tenggat berikutnya semua wilayah angkatan');
    expect(all).toContain('Bimtek I: Analisis Strategis — Sabtu, 31 Oktober 2026 (terlambat 23 hari), angkatan 2026: Kabupaten Sragen');
    expect(all).toContain('Bimtek II: Penyusunan Masterplan — Senin, 30 November 2026 (H-7), angkatan 2026: Kota Makassar, Kota Surabaya');

    await h.command('tenggat Jawa Timur', { user: OUTSIDER, responseId: 't2' });
    const province = String((await responseTo('t2')).text);
    expect(province).toContain('wilayah di Jawa Timur');
    expect(province).toContain('Kota Surabaya');
    expect(province).not.toContain('Sragen');

    await h.command('tenggat 91.71', { user: OUTSIDER, responseId: 't3' });
    const region = String((await responseTo('t3')).text);
    expect(region).toContain('*Tenggat Kota Jayapura* (angkatan 2026):');
    expect(region).toContain('Bimtek II: Penyusunan Masterplan: Jumat, 4 Desember 2026 pukul 23.59 WIT (H-11)');
    expect(region).toContain('tenggat khusus wilayah: akses terbatas');
  });

  it('`status` shows a region’s stage, checklist and groups', async () => {
    await h.command('status Sragen', { user: OUTSIDER, responseId: 's1' });
    const text = String((await responseTo('s1')).text);
    expect(text).toContain('*Kabupaten Sragen* (33.14) · Jawa Tengah · WIB');
    expect(text).toContain('tahap saat ini: *Bimtek I: Analisis Strategis*');
    expect(text).toContain('1/3 butir selesai');
    expect(text).toContain('Grup Telegram: 1 aktif');

    await h.command('status 91.71', { user: OUTSIDER, responseId: 's2' });
    expect(String((await responseTo('s2')).text)).toContain('/pandu undang 91.71');
  });

  it('`tanya` acknowledges at once and answers privately with sources', async () => {
    const res = await h.command('tanya Apa saja keluaran Bimtek I?', { user: OUTSIDER, responseId: 'q1' });
    expect(ackText(res)).toContain('Pandu sedang mencari');
    const body = await responseTo('q1');
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const blocks = body.blocks as Array<{ type: string; elements?: Array<{ text?: string }> }>;
    expect(JSON.stringify(blocks.filter((b) => b.type === 'context'))).toContain('Panduan Bimtek I');
    expect(h.answers.asked[0]).toMatchObject({ question: 'Apa saja keluaran Bimtek I?', platform: 'slack', userId: OUTSIDER });
  });

  it('answers anything else with the help text', async () => {
    const res = await h.command('halo', { user: OUTSIDER });
    expect(ackText(res)).toContain('/pandu tenggat');
    const empty = await h.command('', { user: OUTSIDER });
    expect(ackText(empty)).toContain('/pandu undang');
  });
});
