import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completionChart, overdueChart, svgSize, toSvg } from '../../../src/charts/index.ts';
import type { Db } from '../../../src/db/index.ts';
import { programmeOverview } from '../../../src/programme/index.ts';
import { MONDAY, runCli, seedProgramme } from '../../digest/seed.ts';
import { testDb } from '../../support/db.ts';
import { ink } from '../../support/png.ts';
import { tempDir } from '../../support/process.ts';
import { DIGEST_CHANNEL, startHarness, type Harness } from './harness.ts';

describe('the digest’s chart', () => {
  let db: Db;
  let h: Harness;

  beforeEach(async () => {
    db = await testDb();
    await seedProgramme(db);
    h = await startHarness(db, { now: () => MONDAY });
  });
  afterEach(async () => {
    await h.close(true);
  });

  it('uploads a PNG of completion and overdue regions per stage in the digest’s thread; `--out` writes the same picture', async () => {
    const posted = await h.slack.postDigest();
    const pngs = h.fake.files.filter((f) => f.filename.endsWith('.png'));
    expect(pngs).toHaveLength(1);
    const file = pngs[0]!;
    expect(file).toMatchObject({ filename: 'pandu-ringkasan-2026-W48.png', channel: DIGEST_CHANNEL, threadTs: posted.ts });
    expect(posted.chartFileId).toBe(file.fileId);

    // A PNG twice the size of the console's two charts stacked (both drawn: regions are overdue).
    const png = file.bytes;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const overview = await programmeOverview(db, MONDAY);
    const rows = overview.stages.filter((s) => overview.activeCohorts.includes(s.cohort));
    expect(rows.some((r) => r.overdue > 0)).toBe(true);
    const [done, late] = [svgSize(await toSvg(completionChart(rows))), svgSize(await toSvg(overdueChart(rows)))];
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * Math.max(done.width, late.width), 2 * (done.height + late.height)]);
    // Not blank: coloured bars and dark text.
    const { inked, dark, coloured } = ink(png);
    expect(inked).toBeGreaterThan(0.05);
    expect(dark).toBeGreaterThan(0.005);
    expect(coloured).toBeGreaterThan(0.03);

    const dir = tempDir('pandu-grafik-');
    const dry = await runCli(db, ['digest', '--dry-run', '--now', MONDAY.toISOString(), '--out', dir]);
    expect(dry.code).toBe(0);
    const path = join(dir, 'pandu-ringkasan-2026-W48.png');
    expect(dry.stdout).toContain(`Grafik ringkasan ditulis ke ${path}`);
    expect(readFileSync(path).equals(png)).toBe(true);
  });

  it('still posts the digest when the chart cannot be uploaded', async () => {
    h.fake.failNext('files.getUploadURLExternal', 'not_allowed_token_type', 10);
    const posted = await h.slack.postDigest();
    expect(posted.ts).toBeTruthy();
    expect(posted.chartFileId).toBeNull();
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === DIGEST_CHANNEL)).toHaveLength(1);
  });

  it('refuses `--out` without `--dry-run`', async () => {
    const res = await runCli(db, ['digest', '--out', tempDir('pandu-grafik-')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--out hanya dipakai bersama --dry-run');
  });
});
