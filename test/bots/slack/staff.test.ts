import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { testDb } from '../../support/db.ts';
import { byName, NOW, seedCohort, type SeededCohort } from '../../staff/seed.ts';
import { eventEnvelope, startHarness, STAFF, type Harness } from './harness.ts';

type Block = { type: string; text?: { text: string } };

describe('Slack: staff questions about the programme answered from the data', () => {
  let db: Db;
  let h: Harness;
  let cohort: SeededCohort;

  beforeEach(async () => {
    db = await testDb();
    cohort = await seedCohort(db);
    h = await startHarness(db, { now: () => NOW });
  });
  afterEach(async () => {
    await h.close(true);
  });

  it('answers a staff DM with exactly the overdue regions, the full list as a CSV in the thread', async () => {
    const ts = '1790002000.000100';
    await h.send({ json: eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0STAF', user: STAFF, text: 'daerah mana saja yang terlambat bimtek IV?', ts }) });
    await h.fake.waitFor(() => h.fake.files.length === 1);
    await h.slack.idle();

    const expected = cohort.regions.filter((r) => !cohort.finished.includes(r.code) && r.code !== cohort.extended).map((r) => r.name).sort(byName);
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args).toMatchObject({ channel: 'D0STAF', thread_ts: ts });
    const text = (posts[0]!.args.blocks as Block[]).map((b) => b.text?.text ?? '').join('\n');
    expect(text.split('\n')[0]).toBe('*19 wilayah terlambat Bimbingan Teknis IV* per Senin, 23 November 2026 — tenggat sudah lewat, tahap belum selesai:');
    for (const name of expected.slice(0, 15)) expect(text).toContain(`• ${name} (`);
    for (const name of expected.slice(15)) expect(text).not.toContain(`• ${name} (`);
    expect(text).toContain('…dan 4 lainnya');
    expect(text).not.toMatch(/\/daftar|ikat grup/);
    // The documents were not asked: the answer came from the data.
    expect(h.answers.asked).toHaveLength(0);

    const file = h.fake.files[0]!;
    expect(file).toMatchObject({ channel: 'D0STAF', threadTs: ts, filename: 'pandu-overdue-2026-11-23.csv' });
    for (const name of expected) expect(file.content).toContain(name);
    expect(file.content.trim().split('\r\n')).toHaveLength(20);
  });

  it('answers a short list without a file, and other questions from the documents as before', async () => {
    await h.send({ json: eventEnvelope({ type: 'app_mention', channel: 'C0UMUM', user: STAFF, text: '<@UPANDU> berapa daerah yang sudah menyelesaikan bimtek IV?', ts: '1790002000.000200' }) });
    await h.send({ json: eventEnvelope({ type: 'app_mention', channel: 'C0UMUM', user: STAFF, text: '<@UPANDU> apa saja keluaran bimtek IV?', ts: '1790002000.000300' }) });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 2);
    await h.slack.idle();
    const byThread = new Map(h.fake.callsTo('chat.postMessage').map((c) => [c.args.thread_ts, (c.args.blocks as Block[]).map((b) => b.text?.text ?? '').join('\n')]));
    expect(byThread.get('1790002000.000200')).toContain('*4 dari 24 wilayah sudah menyelesaikan Bimbingan Teknis IV*');
    expect(h.fake.files).toHaveLength(0);
    expect(h.answers.asked.map((a) => a.question)).toEqual(['apa saja keluaran bimtek IV?']);
  });
});
