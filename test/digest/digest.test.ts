import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.ts';
import { buildDigest, gatherDigest, isoWeek, renderDigestBlocks, renderDigestText } from '../../src/digest/index.ts';
import { loadRegistry } from '../../src/regions/index.ts';
import { backends, testDb } from '../support/db.ts';
import { MONDAY, runCli, seedCalendar, seedProgramme } from './seed.ts';

const TZ = 'Asia/Jakarta';

describe('ISO week of the digest period', () => {
  it('follows ISO 8601 in the staff zone', () => {
    expect(isoWeek(MONDAY, TZ)).toBe('2026-W48');
    expect(isoWeek(new Date('2027-01-01T05:00:00Z'), TZ)).toBe('2026-W53'); // a Friday in 2026's last week
    expect(isoWeek(new Date('2024-12-30T05:00:00Z'), TZ)).toBe('2025-W01');
    // Sunday 17:30 UTC is already Monday 00:30 in Jakarta.
    expect(isoWeek(new Date('2026-11-22T17:30:00Z'), TZ)).toBe('2026-W48');
    expect(isoWeek(new Date('2026-11-22T17:30:00Z'), 'UTC')).toBe('2026-W47');
  });
});

describe.each(backends)('digest (%s)', (backend) => {
  let db: Db;

  beforeEach(async () => {
    db = await testDb(backend);
  });

  it('reports overdue regions, deadlines ahead, progress, unbound groups, delivery problems and the week’s questions', async () => {
    await seedProgramme(db);
    const d = await gatherDigest(db, { now: MONDAY, timezone: TZ });
    expect(d.period).toBe('2026-W48');

    expect(d.overdue.map((o) => `${o.code} ${o.stageId} ${o.daysOverdue}`)).toEqual(['33.14 bimtek-1 23', '91.71 bimtek-1 23']);
    expect(d.upcoming.map((u) => `${u.stageId} ${u.dueOn} H-${u.daysLeft}: ${u.regions.map((r) => r.code).join(',')}`)).toEqual([
      'bimtek-2 2026-11-30 H-7: 33.14,73.71,35.78', // Kabupaten Sragen, Kota Makassar, Kota Surabaya (by name)
      'bimtek-2 2026-12-04 H-11: 91.71', // Jayapura's own date
    ]);
    expect(d.progress.map((p) => `${p.stageId} ${p.completed}/${p.regions} ${p.itemsDone}/${p.itemsTotal}`)).toEqual([
      'bimtek-1 2/4 1/6', // checklist of the two regions still open: Sragen 1/3, Jayapura 0/3
      'bimtek-2 0/4 0/0',
    ]);
    expect(d.unbound.map((u) => u.code)).toEqual(['91.71', '73.71']); // Papua, Sulawesi Selatan
    expect(d.problems.map((p) => `${p.kind} ${p.chatId} ${p.regionName}`)).toEqual([
      'deactivated -1002 Kota Makassar',
      'failed -1001 Kabupaten Sragen',
    ]);
    expect(d.questions).toMatchObject({ total: 8, refused: 2, downvotedTotal: 1 });
    expect(d.questions.top[0]).toEqual({ question: 'Kapan tenggat Bimtek II?', count: 4 });
    expect(d.questions.topRefused).toHaveLength(1);
    expect(d.questions.topRefused[0]!.count).toBe(2);
    expect(d.questions.downvoted.map((q) => q.question)).toEqual(['Siapa mentor Bimtek II?']);
  });

  it('`pandu digest --dry-run --now` prints the same content the Slack blocks carry', async () => {
    await seedProgramme(db);
    const r = await runCli(db, ['digest', '--dry-run', '--now', '2026-11-23T08:00:00+07:00']);
    expect(r.code).toBe(0);
    const text = r.stdout;
    expect(text).toContain('Ringkasan mingguan Pandu — 2026-W48');
    expect(text).toContain('Keadaan per Senin, 23 November 2026 pukul 08.00 WIB');
    expect(text).toContain('• Kabupaten Sragen (33.14) — Bimtek I: Analisis Strategis, tenggat 31 Oktober 2026, terlambat 23 hari (angkatan 2026)');
    expect(text).toContain('• Kota Jayapura (91.71) — Bimtek I: Analisis Strategis, tenggat 31 Oktober 2026, terlambat 23 hari');
    expect(text).toContain('Bimtek I: Analisis Strategis (tenggat 31 Oktober 2026) — 2/4 wilayah selesai · checklist wilayah yang belum selesai ▓▓░░░░░░░░ 17% (1/6 butir)');
    expect(text).toContain('• "Kapan tenggat Bimtek II?" ×4');
    expect(text).toContain('Gagal terkirim: telegram "Tim Smart City Sragen" (Kabupaten Sragen)');
    expect(text).toContain('Grup dinonaktifkan: telegram -1002 (Kota Makassar) — Forbidden: bot was kicked');
    expect(text).toContain('"Siapa mentor Bimtek II?" → "Mentor ditetapkan oleh sekretariat."');

    // Every line of every Slack section appears, in order, in the printed text.
    const message = renderDigestBlocks(await buildDigest(db, { now: MONDAY, timezone: TZ }));
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const slackLines = message.blocks
      .filter((b) => b.type === 'section')
      .flatMap((b) => (b.text as { text: string }).text.split('\n'))
      .map((l) => unescape(l.replace(/^\*(.*)\*$/, '$1').replace(/^_(.*)_$/, '$1')));
    const printed = text.split('\n');
    let at = 0;
    for (const line of slackLines) {
      const found = printed.indexOf(line, at);
      expect(found, `missing in dry-run output: ${line}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('stays within Slack’s limits on a large cohort and puts the full tables in a CSV', async () => {
    // 120 regions of one cohort, none of them done with Bimtek I and none with a group.
    const codes = loadRegistry()
      .filter((r) => r.timezone === 'Asia/Jakarta')
      .slice(0, 120)
      .map((r) => r.code);
    await seedCalendar(db, {
      cohort: 2025,
      title: 'Angkatan besar',
      regions: codes,
      stages: [
        { id: 'bimtek-1', name: 'Bimtek I', due: '2026-11-01' },
        { id: 'bimtek-2', name: 'Bimtek II', due: '2026-11-30' },
      ],
    });
    const digest = await buildDigest(db, { now: MONDAY, timezone: TZ });
    const message = renderDigestBlocks(digest);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const b of message.blocks) {
      const texts = [b.text, ...((b.elements as unknown[]) ?? [])].map((t) => (t as { text?: unknown } | undefined)?.text).filter((t) => typeof t === 'string');
      for (const t of texts) expect((t as string).length).toBeLessThanOrEqual(3000);
    }
    const overdue = digest.sections.find((s) => s.id === 'overdue')!;
    expect(overdue.title).toContain('(120)');
    expect(overdue.lines.length + overdue.hidden).toBe(120);
    expect(overdue.hidden).toBeGreaterThan(0);
    expect(JSON.stringify(message.blocks)).toContain('lengkapnya di lampiran CSV');

    expect(digest.csv).not.toBeNull();
    const rows = digest.csv!.content.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('bagian,angkatan,kode_wilayah,wilayah,provinsi,tahap,tenggat,keterangan');
    expect(rows.filter((r) => r.startsWith('terlambat,'))).toHaveLength(120);
    expect(rows.filter((r) => r.startsWith('tanpa_grup,'))).toHaveLength(120);
    expect(rows.filter((r) => r.startsWith('tenggat_dekat,'))).toHaveLength(120);
    expect(digest.csv!.filename).toBe('pandu-digest-2026-W48.csv');
    expect(renderDigestText(digest)).toContain('Tabel lengkap (');
  });

  it('says plainly when there is nothing to report', async () => {
    const text = renderDigestText(await buildDigest(db, { now: MONDAY, timezone: TZ }));
    expect(text).toContain('Tidak ada wilayah yang melewati tenggat.');
    expect(text).toContain('Belum ada pertanyaan minggu ini.');
    expect(text).not.toContain('lampiran CSV');
  });

  it('`pandu digest` without Slack settings says what is missing', async () => {
    const noToken = await runCli(db, ['digest', '--now', MONDAY.toISOString()]);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('SLACK_BOT_TOKEN belum diatur');
    const noChannel = await runCli(db, ['digest'], { SLACK_BOT_TOKEN: 'xoxb-uji', SLACK_SIGNING_SECRET: 'rahasia' });
    expect(noChannel.code).toBe(2);
    expect(noChannel.stderr).toContain('SLACK_DIGEST_CHANNEL belum diatur');
    const badNow = await runCli(db, ['digest', '--dry-run', '--now', 'kemarin']);
    expect(badNow.code).toBe(2);
    expect(badNow.stderr).toContain('--now harus berupa waktu ISO 8601');
  });
});
