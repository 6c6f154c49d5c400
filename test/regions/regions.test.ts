import { describe, expect, it } from 'vitest';
import { createInvite, findRegion, listRegions, loadRegistry, redeemInvite, seedRegions } from '../../src/regions/index.ts';
import { backends, testDb } from '../support/db.ts';

describe('region registry', () => {
  it('covers every kabupaten/kota with a valid Indonesian time zone', () => {
    const regions = loadRegistry();
    expect(regions.length).toBeGreaterThanOrEqual(500);
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    for (const r of regions) {
      expect(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']).toContain(r.timezone);
      expect(r.name.startsWith(r.kind === 'kota' ? 'Kota ' : 'Kabupaten ')).toBe(true);
    }
    const zone = (name: string) => regions.find((r) => r.name === name)?.timezone;
    expect(zone('Kota Jayapura')).toBe('Asia/Jayapura');
    expect(zone('Kota Makassar')).toBe('Asia/Makassar');
    expect(zone('Kabupaten Sragen')).toBe('Asia/Jakarta');
    expect(zone('Kota Denpasar')).toBe('Asia/Makassar');
    expect(zone('Kota Pontianak')).toBe('Asia/Jakarta'); // Kalimantan Barat is WIB
    expect(zone('Kota Balikpapan')).toBe('Asia/Makassar'); // Kalimantan Timur is WITA
    expect(zone('Kota Ambon')).toBe('Asia/Jayapura');
  });
});

describe.each(backends)('regions and invites on %s', (backend) => {
  it('lists regions by province and finds one by code or plain name', async () => {
    const db = await testDb(backend);
    const papua = await listRegions(db, { province: 'papua' });
    expect(papua.length).toBeGreaterThan(30);
    expect(papua.every((r) => r.timezone === 'Asia/Jayapura')).toBe(true);
    expect((await findRegion(db, '3314'))?.name).toBe('Kabupaten Sragen');
    expect((await findRegion(db, 'sragen'))?.code).toBe('33.14');
    expect((await findRegion(db, 'Kab. Sragen'))?.code).toBe('33.14');
    expect(await findRegion(db, '99.99')).toBeNull();
  });

  it('binds a chat once with a valid code and refuses used, expired and unknown codes', async () => {
    const db = await testDb(backend);
    const now = new Date('2026-11-23T03:00:00Z');
    const invite = await createInvite(db, '33.14', { now, ttlHours: 72 });
    expect(invite.region).toBe('33.14');
    expect(invite.expires_at).toBe('2026-11-26T03:00:00.000Z');

    const chat = { platform: 'telegram', chatId: '-1001', title: 'Tim SC Sragen', by: 'u1' };
    const ok = await redeemInvite(db, { ...chat, code: invite.code.toLowerCase(), now });
    expect(ok.ok && ok.region.name).toBe('Kabupaten Sragen');
    const bound = await db.query<{ region_code: string; reminders_enabled: boolean; bound_by: string }>(
      `SELECT region_code, reminders_enabled, bound_by FROM chats WHERE chat_id = '-1001'`,
    );
    expect(bound).toEqual([{ region_code: '33.14', reminders_enabled: true, bound_by: 'u1' }]);

    expect(await redeemInvite(db, { ...chat, chatId: '-1002', code: invite.code, now })).toEqual({ ok: false, reason: 'used' });
    const late = await createInvite(db, 'Kota Makassar', { now, ttlHours: 1 });
    const later = new Date(now.getTime() + 2 * 3_600_000);
    expect(await redeemInvite(db, { ...chat, code: late.code, now: later })).toEqual({ ok: false, reason: 'expired' });
    expect(await redeemInvite(db, { ...chat, code: 'AAAA-BBBB', now })).toEqual({ ok: false, reason: 'unknown' });
  });

  it('rejects an invite for an unknown region', async () => {
    const db = await testDb(backend);
    await expect(createInvite(db, '99.99')).rejects.toMatchObject({ code: 'REGION_UNKNOWN' });
  });
});

describe.each(backends)('seeding the registry on %s', (backend) => {
  it('rewrites only rows that differ from the registry, and restores a changed one', async () => {
    const db = await testDb(backend);
    const version = async (code: string) => (await db.query<{ v: string }>(`SELECT xmin::text AS v FROM regions WHERE code = $1`, [code]))[0]!.v;
    await db.query(`UPDATE regions SET name = 'Nama Lama' WHERE code = '33.14'`);
    const untouched = await version('33.15');
    await seedRegions(db);
    expect((await findRegion(db, '33.14'))?.name).toBe('Kabupaten Sragen');
    // Every start and one-shot command seeds: an unchanged row is not written again.
    expect(await version('33.15')).toBe(untouched);
  });
});
