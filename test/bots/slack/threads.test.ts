import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { silent } from '../../digest/seed.ts';
import { conversationalCore } from '../../support/conversation.ts';
import { testDb } from '../../support/db.ts';
import { eventEnvelope, startHarness, STAFF, type Harness } from './harness.ts';

const T0 = new Date('2026-06-08T02:00:00Z');
type Block = { type: string; text?: { text: string } };

describe('Slack threads Pandu joined: follow-ups without a mention (real answering core)', () => {
  let db: Db;
  let h: Harness;
  let seq = 0;

  beforeEach(async () => {
    db = await testDb();
    h = await startHarness(db, { core: await conversationalCore(db, { logger: silent, now: () => T0 }), now: () => T0 });
  });
  afterEach(async () => {
    await h.close(true);
  });

  const nextTs = () => `1790001${String(++seq).padStart(3, '0')}.000100`;
  /** Delivers one event as Slack does and waits until Pandu has handled it. */
  async function deliver(event: Record<string, unknown>): Promise<void> {
    const res = await h.send({ json: eventEnvelope(event) });
    expect(res.status).toBe(200);
    await h.slack.idle();
  }
  const posts = () => h.fake.callsTo('chat.postMessage').map((c) => ({ thread: String(c.args.thread_ts), text: (c.args.blocks as Block[]).filter((b) => b.type === 'section').map((b) => b.text!.text).join('\n') }));
  const channelMessage = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'message', channel_type: 'channel', channel: 'C0UMUM', user: STAFF, text, ts: nextTs(), ...extra });

  it('answers a follow-up typed in its thread without a mention, once, with the conversation', async () => {
    const first = nextTs();
    await deliver({ type: 'app_mention', user: STAFF, channel: 'C0UMUM', text: '<@UPANDU> kapan tenggat bimtek 2 untuk kabupaten sragen?', ts: first });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.thread).toBe(first);
    expect(posts()[0]!.text).toContain('31 Juli 2026');

    await deliver(channelMessage('kalau kota jayapura?', { thread_ts: first }));
    expect(posts()).toHaveLength(2);
    expect(posts()[1]!.thread).toBe(first);
    // The stage came from the conversation; Jayapura's own (overridden) date.
    expect(posts()[1]!.text).toContain('7 Agustus 2026');
    expect(posts()[1]!.text).not.toContain('Sragen');
  });

  it('stays silent outside its threads, on bots, edits and deletions, and answers a mention in its thread once', async () => {
    const joined = nextTs();
    await deliver({ type: 'app_mention', user: STAFF, channel: 'C0UMUM', text: '<@UPANDU> kapan tenggat bimtek 1 untuk kabupaten sragen?', ts: joined });
    expect(posts()).toHaveLength(1);

    await deliver(channelMessage('kalau kota jayapura?', { thread_ts: '1780000000.000100' })); // a thread Pandu never joined
    await deliver(channelMessage('kalau kota jayapura?')); // a channel message without a mention
    await deliver(channelMessage('kalau kota jayapura?', { thread_ts: joined, subtype: 'bot_message', bot_id: 'B0LAIN', user: undefined }));
    await deliver(channelMessage('kalau kota jayapura?', { thread_ts: joined, bot_id: 'B0LAIN', user: 'U0BOTLAIN' }));
    await deliver(channelMessage('kalau kota jayapura?', { thread_ts: joined, user: 'UPANDU' })); // its own message
    await deliver({ type: 'message', subtype: 'message_changed', channel_type: 'channel', channel: 'C0UMUM', ts: nextTs(), message: { type: 'message', user: STAFF, text: 'kalau kota jayapura?', ts: joined, thread_ts: joined } });
    await deliver({ type: 'message', subtype: 'message_deleted', channel_type: 'channel', channel: 'C0UMUM', ts: nextTs(), deleted_ts: joined, previous_message: { type: 'message', user: STAFF, text: 'x', ts: joined } });
    expect(posts()).toHaveLength(1);

    // A mention inside the joined thread arrives as app_mention and as message: one answer.
    const ts = nextTs();
    const text = '<@UPANDU> kalau kota jayapura?';
    await Promise.all([
      deliver({ type: 'app_mention', user: STAFF, channel: 'C0UMUM', text, ts, thread_ts: joined }),
      deliver(channelMessage(text, { ts, thread_ts: joined })),
    ]);
    expect(posts()).toHaveLength(2);
    expect(posts()[1]!.thread).toBe(joined);
  });

  it('remembers joined threads across a restart of the app', async () => {
    const first = nextTs();
    await deliver({ type: 'app_mention', user: STAFF, channel: 'C0UMUM', text: '<@UPANDU> kapan tenggat bimtek 2 untuk kabupaten sragen?', ts: first });
    await h.close();
    h = await startHarness(db, { fake: h.fake, core: await conversationalCore(db, { logger: silent, now: () => T0 }), now: () => T0 });
    await deliver(channelMessage('kalau kota jayapura?', { thread_ts: first }));
    expect(posts()).toHaveLength(2);
  });
});
