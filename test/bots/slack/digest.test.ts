import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { backends, testDb } from '../../support/db.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { MONDAY, runCli, seedCalendar, seedProgramme } from '../../digest/seed.ts';
import { loadRegistry } from '../../../src/regions/index.ts';
import { createSlackSender, SLACK_PACE } from '../../../src/bots/slack/index.ts';
import { createPacer } from '../../../src/pacing/index.ts';
import { webApi } from '@slack/bolt';
import { DIGEST_CHANNEL, SECRET, startHarness, type Harness } from './harness.ts';

const HOUR = 3_600_000;
const after = (ms: number) => () => new Date(MONDAY.getTime() + ms);

describe.each(backends)('Slack digest (%s)', (backend) => {
  let db: Db;
  let fake: FakeSlack;
  const running: Harness[] = [];

  beforeEach(async () => {
    db = await testDb(backend);
    await seedProgramme(db);
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    for (const h of running.splice(0)) await h.close();
    await fake.close();
  });

  const start = async (options: Parameters<typeof startHarness>[1] = {}) => {
    const h = await startHarness(db, { fake, ...options });
    running.push(h);
    return h;
  };
  const digestPosts = () => fake.callsTo('chat.postMessage').filter((c) => c.args.channel === DIGEST_CHANNEL);

  it('posts the weekly digest once per period, across restarts, and records it', async () => {
    const first = await start({ now: after(0) });
    const result = await first.slack.postWeeklyDigest();
    expect(result.status).toBe('posted');
    expect(await first.slack.postWeeklyDigest(after(2 * HOUR)())).toEqual({ status: 'already-posted', period: '2026-W48' });
    await first.close();
    running.splice(0);

    // A restart three hours later, schedule on: the catch-up at start finds the week posted.
    const second = await start({ now: after(3 * HOUR), scheduleDigest: true });
    expect(await second.slack.postWeeklyDigest()).toEqual({ status: 'already-posted', period: '2026-W48' });
    expect(digestPosts()).toHaveLength(1);
    const rows = await db.query<{ period: string; channel: string; message_ts: string }>('SELECT period, channel, message_ts FROM digests');
    expect(rows).toEqual([{ period: '2026-W48', channel: DIGEST_CHANNEL, message_ts: result.status === 'posted' ? result.posted.ts : '' }]);

    // Next week is a new period.
    expect((await second.slack.postWeeklyDigest(after(7 * 24 * HOUR)())).status).toBe('posted');
    expect(digestPosts()).toHaveLength(2);
    expect((await db.query<{ period: string }>('SELECT period FROM digests ORDER BY period')).map((r) => r.period)).toEqual(['2026-W48', '2026-W49']);
  });

  it('catches up at start when the week’s slot passed while Pandu was down, but not before the slot', async () => {
    // Monday 07:00 WIB: this week's slot (08:00) has not come; last week's belongs to last week.
    const early = await start({ now: after(-HOUR), scheduleDigest: true });
    await early.close();
    running.splice(0);
    expect(digestPosts()).toHaveLength(0);

    // Tuesday: Monday's slot was missed; posted once at start.
    await start({ now: after(26 * HOUR), scheduleDigest: true });
    expect(digestPosts()).toHaveLength(1);
    expect(String(digestPosts()[0]!.args.text)).toContain('2026-W48');
  });

  it('never posts a week twice when the run that claimed it crashed while posting', async () => {
    // What a crash between the claim and Slack's answer leaves behind.
    await db.query(`INSERT INTO digests (period, channel, posted_at) VALUES ('2026-W48', $1, $2)`, [DIGEST_CHANNEL, MONDAY.toISOString()]);
    const h = await start({ now: after(2 * HOUR), scheduleDigest: true });
    expect(await h.slack.postWeeklyDigest()).toEqual({ status: 'already-posted', period: '2026-W48' });
    expect(digestPosts()).toHaveLength(0);
  });

  it('tries again when Slack refused the post (the claim is released)', async () => {
    const h = await start({ now: after(0) });
    fake.failNext('chat.postMessage', 'not_in_channel');
    await expect(h.slack.postWeeklyDigest()).rejects.toThrow(/not_in_channel/);
    expect(await db.query('SELECT period FROM digests')).toHaveLength(0);
    expect((await h.slack.postWeeklyDigest()).status).toBe('posted');
    expect(digestPosts()).toHaveLength(2); // the refused attempt and the posted one
  });

  it('posts the same content `pandu digest --dry-run` prints', async () => {
    const h = await start({ now: after(0) });
    await h.slack.postDigest();
    const posted = digestPosts()[0]!.args.blocks as Array<{ type: string; text?: { text: string } }>;
    const dry = await runCli(db, ['digest', '--dry-run', '--now', MONDAY.toISOString()]);
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const sectionLines = posted
      .filter((b) => b.type === 'section')
      .flatMap((b) => b.text!.text.split('\n'))
      .map((l) => unescape(l.replace(/^\*(.*)\*$/, '$1')));
    expect(sectionLines.length).toBeGreaterThan(10);
    for (const line of sectionLines) expect(dry.stdout).toContain(line);
    expect(dry.stdout.split('\n')[0]).toBe((posted[0] as { text: { text: string } }).text.text);
  });

  it('attaches the full tables as a CSV in the digest’s thread when the message cannot hold them', async () => {
    await testDb(backend); // empty again
    const codes = loadRegistry().filter((r) => r.timezone === 'Asia/Makassar').slice(0, 60).map((r) => r.code);
    await seedCalendar(db, { cohort: 2025, title: 'Besar', regions: codes, stages: [{ id: 'bimtek-1', name: 'Bimtek I', due: '2026-11-01' }] });
    const h = await start({ now: after(0) });
    const posted = await h.slack.postDigest();
    expect(posted.fileId).not.toBeNull();
    const csvs = fake.files.filter((f) => f.filename.endsWith('.csv'));
    expect(csvs).toHaveLength(1);
    const file = csvs[0]!;
    expect(file).toMatchObject({ filename: 'pandu-digest-2026-W48.csv', channel: DIGEST_CHANNEL, threadTs: posted.ts });
    expect(file.content.split('\r\n').filter((r) => r.startsWith('terlambat,'))).toHaveLength(60);
    const blocks = digestPosts()[0]!.args.blocks as unknown[];
    expect(blocks.length).toBeLessThanOrEqual(50);
  });

  it('`pandu digest` posts through the Web API, and `--weekly` only once per week', async () => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-uji', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, SLACK_DIGEST_CHANNEL: DIGEST_CHANNEL };
    const now = MONDAY.toISOString();
    const once = await runCli(db, ['digest', '--now', now], env);
    expect(once.code).toBe(0);
    expect(once.stdout).toContain(`Ringkasan 2026-W48 terkirim ke kanal ${DIGEST_CHANNEL}`);
    const weekly = await runCli(db, ['digest', '--weekly', '--now', now], env);
    const again = await runCli(db, ['digest', '--weekly', '--now', now], env);
    expect(weekly.stdout).toContain('terkirim');
    expect(again.stdout).toContain('sudah pernah dikirim');
    expect(digestPosts()).toHaveLength(2); // on demand, then the week's
    expect(digestPosts().every((c) => c.token === 'xoxb-uji')).toBe(true);
  });
});

describe('Slack reminder sender', () => {
  it('posts a reminder, and tells a channel it cannot reach from a transient failure', async () => {
    const fake = await startFakeSlack();
    try {
      const sender = createSlackSender(new webApi.WebClient('xoxb-uji', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }), createPacer(SLACK_PACE));
      const ok = await sender.send('C0SRAGEN', { text: '🔔 *Pengingat tenggat H-7*', format: 'plain' });
      expect(ok).toMatchObject({ ok: true });
      expect(fake.callsTo('chat.postMessage')[0]!.args).toMatchObject({ channel: 'C0SRAGEN', text: '🔔 *Pengingat tenggat H-7*' });
      fake.failNext('chat.postMessage', 'channel_not_found');
      expect(await sender.send('C0HILANG', { text: 'x', format: 'plain' })).toMatchObject({ ok: false, kind: 'blocked', error: 'channel_not_found' });
      fake.failNext('chat.postMessage', 'internal_error');
      expect(await sender.send('C0SRAGEN', { text: 'x', format: 'plain' })).toMatchObject({ ok: false, kind: 'transient' });
    } finally {
      await fake.close();
    }
  });
});
