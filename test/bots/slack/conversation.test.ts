import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp, SLACK_EVENTS_PATH, type SlackApp } from '../../../src/bots/slack/index.ts';
import type { Db } from '../../../src/db/index.ts';
import { createHttpServer, type HttpServer } from '../../../src/server/http.ts';
import { createMetrics } from '../../../src/server/metrics.ts';
import { conversationalCore } from '../../support/conversation.ts';
import { testDb } from '../../support/db.ts';
import { postToSlackApp, startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { silent } from '../../digest/seed.ts';
import { eventEnvelope, SECRET, slackConfig, STAFF } from './harness.ts';

const T0 = new Date('2026-06-08T02:00:00Z');
type Block = { type: string; text?: { text: string }; elements?: Array<{ text?: string }> };

describe('Slack conversations in threads (real answering core)', () => {
  let db: Db;
  let fake: FakeSlack;
  let http: HttpServer;
  let slack: SlackApp;
  let eventsUrl: string;
  const clock = { now: T0 };
  let seq = 0;

  beforeEach(async () => {
    db = await testDb();
    clock.now = T0;
    const answers = await conversationalCore(db, { logger: silent, now: () => clock.now });
    fake = await startFakeSlack();
    http = createHttpServer({ logger: silent, metrics: createMetrics().registry, readiness: async () => ({ ready: true, checks: {} }) });
    const { url } = await http.listen(0, '127.0.0.1');
    eventsUrl = `${url}${SLACK_EVENTS_PATH}`;
    slack = createSlackApp({ slack: slackConfig({ apiUrl: fake.apiUrl }), timezone: 'Asia/Jakarta', db, answers, logger: silent, http, now: () => clock.now, scheduleDigest: false });
    await slack.start();
  });
  afterEach(async () => {
    await slack.stop();
    await http.close();
    await fake.close();
  });

  /** Mentions Pandu (in a thread when threadTs is given) and returns its reply in that thread. */
  async function mention(text: string, threadTs?: string): Promise<{ thread: string; text: string; understood: string | null }> {
    const ts = `1790000${String(++seq).padStart(3, '0')}.000100`;
    const before = fake.callsTo('chat.postMessage').length;
    await postToSlackApp(eventsUrl, { json: eventEnvelope({ type: 'app_mention', user: STAFF, channel: 'C0UMUM', text: `<@UPANDU> ${text}`, ts, ...(threadTs ? { thread_ts: threadTs } : {}) }) }, { secret: SECRET });
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length > before);
    await slack.idle();
    const args = fake.callsTo('chat.postMessage')[before]!.args;
    const blocks = args.blocks as Block[];
    const context = blocks[0]?.type === 'context' ? (blocks[0].elements?.[0]?.text ?? null) : null;
    const body = blocks.filter((b) => b.type === 'section').map((b) => b.text!.text).join('\n');
    return { thread: String(args.thread_ts), text: body, understood: context };
  }

  it('follows a three-turn conversation in a thread; another thread and a new thread start afresh; silence ends it', async () => {
    const first = await mention('kapan tenggat bimtek 2 untuk kabupaten sragen?');
    expect(first.text).toContain('Bimbingan Teknis II: Jumat, 31 Juli 2026');
    const other = await mention('kapan tenggat bimtek 2 untuk kota jayapura?');

    clock.now = new Date(T0.getTime() + 60_000);
    const second = await mention('kalau bimtek 1?', first.thread);
    expect(second.thread).toBe(first.thread);
    expect(second.understood).toBe('Yang saya pahami: Bimtek I, Kabupaten Sragen');
    expect(second.text).toContain('Bimbingan Teknis I: Jumat, 12 Juni 2026 pukul 23.59 WIB');

    const inOther = await mention('kalau bimtek 1?', other.thread);
    expect(inOther.understood).toBe('Yang saya pahami: Bimtek I, Kota Jayapura');

    const third = await mention('checklistnya apa aja?', first.thread);
    expect(third.understood).toBe('Yang saya pahami: Bimtek I, Kabupaten Sragen');
    expect(third.text).toContain('Checklist Bimbingan Teknis I — Kabupaten Sragen: 0/2 selesai');

    // A new thread is a new conversation.
    expect((await mention('kalau bimtek 1?')).understood).toBeNull();

    // 31 quiet minutes later the thread's memory has expired.
    clock.now = new Date(clock.now.getTime() + 31 * 60_000);
    const stale = await mention('kalau bimtek 2?', first.thread);
    expect(stale.understood).toBeNull();
    expect(stale.text).not.toContain('Kabupaten Sragen');
  });
});
