import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { confirmStageComplete, setChecklistItem } from '../../../src/programme/index.ts';
import { testDb } from '../../support/db.ts';
import { bindDirect, group, NOW, seedProgramme, startHarness, users, type Harness } from './harness.ts';

describe('Telegram /status and /tenggat say how a stage counts as done', () => {
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
});
