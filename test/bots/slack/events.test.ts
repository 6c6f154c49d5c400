import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { backends, testDb } from '../../support/db.ts';
import { eventEnvelope, startHarness, STAFF, type Harness } from './harness.ts';

type Block = { type: string; text?: { text: string }; elements?: Array<{ text?: string | { text: string }; value?: string; action_id?: string }> };

const blocksOf = (args: Record<string, unknown>) => args.blocks as Block[];
const contextText = (blocks: Block[]) =>
  blocks
    .filter((b) => b.type === 'context')
    .flatMap((b) => b.elements ?? [])
    .map((e) => (typeof e.text === 'string' ? e.text : ''))
    .join('\n');

describe.each(backends)('Slack events over HTTP (%s)', (backend) => {
  let db: Db;
  let h: Harness;

  beforeEach(async () => {
    db = await testDb(backend);
    h = await startHarness(db);
  });
  afterEach(async () => {
    await h.close(true);
  });

  const mention = (ts = '1790000100.000200', extra: Record<string, unknown> = {}) =>
    eventEnvelope({ type: 'app_mention', user: STAFF, text: '<@UPANDU> Apa saja keluaran Bimtek I?', ts, channel: 'C0UMUM', ...extra }, `Ev-${ts}`);

  it('answers a mention with exactly one message in its thread, with its sources and feedback buttons', async () => {
    const res = await h.send({ json: mention() });
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1);
    await h.slack.idle();

    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    const args = posts[0]!.args;
    expect(args.channel).toBe('C0UMUM');
    expect(args.thread_ts).toBe('1790000100.000200');
    expect(posts[0]!.token).toBe('xoxb-uji');
    const blocks = blocksOf(args);
    // The answer, escaped for mrkdwn, then its sources.
    expect(blocks[0]!.text!.text).toContain('Buku 1: Analisis Strategis &lt;final&gt; &amp; SK Dewan Smart City');
    const sources = contextText(blocks);
    expect(sources).toContain('Sumber:');
    expect(sources).toContain('Panduan Bimtek I, Keluaran, hlm. 3');
    // A document without a public address shows its title and section, never a repository path.
    expect(sources).not.toContain('corpus/');
    expect(String(args.text)).not.toContain('corpus/');
    const buttons = blocks.find((b) => b.type === 'actions')!.elements!;
    expect(buttons.map((b) => b.value)).toEqual(['41', '41']);
    // The question reached the core without the mention, with the thread as session.
    expect(h.answers.asked).toHaveLength(1);
    expect(h.answers.asked[0]).toMatchObject({ question: 'Apa saja keluaran Bimtek I?', platform: 'slack', chatId: 'C0UMUM', userId: STAFF, sessionId: 'slack:C0UMUM:1790000100.000200' });
  });

  it('answers a mention inside a thread in that same thread', async () => {
    await h.send({ json: mention('1790000100.000300', { thread_ts: '1790000000.000100' }) });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1);
    expect(h.fake.callsTo('chat.postMessage')[0]!.args.thread_ts).toBe('1790000000.000100');
  });

  it('never answers twice when Slack retries the same event', async () => {
    const event = mention();
    await h.send({ json: event });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1);
    const retry1 = await h.send({ json: event }, { retryNum: 1 });
    const retry2 = await h.send({ json: event }, { retryNum: 2 });
    expect(retry1.status).toBe(200);
    expect(retry2.status).toBe(200);
    await h.slack.idle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.answers.asked).toHaveLength(1);
    const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM inbound_seen WHERE source = 'slack'`)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('answers a retry that arrives while the first delivery is still being answered only once', async () => {
    const event = mention('1790000100.000900');
    await Promise.all([h.send({ json: event }), h.send({ json: event }, { retryNum: 1 })]);
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1);
    await h.slack.idle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('rejects a bad signature with 401 and posts nothing', async () => {
    const res = await h.send({ json: mention() }, { signature: `v0=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    const wrongSecret = await h.send({ json: mention('1790000100.000400') }, { secret: 'bukan-rahasianya' });
    expect(wrongSecret.status).toBe(401);
    await h.slack.idle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.answers.asked).toHaveLength(0);
  });

  it('rejects a request signed more than 5 minutes ago with 401 and posts nothing', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.send({ json: mention() }, { timestamp: sixMinutesAgo });
    expect(res.status).toBe(401);
    await h.slack.idle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.answers.asked).toHaveLength(0);
    // The same event, freshly signed, is still answered: the rejected copy was not recorded as seen.
    await h.send({ json: mention() });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1);
  });

  it('rejects a request signed more than 5 minutes in the future with 401 (issue 18, finding 7)', async () => {
    const sixMinutesAhead = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await h.send({ json: mention() }, { timestamp: sixMinutesAhead });
    expect(res.status).toBe(401);
    await h.slack.idle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.answers.asked).toHaveLength(0);
    // A small clock difference is still fine.
    await h.send({ json: mention() }, { timestamp: Math.floor(Date.now() / 1000) + 60 });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1);
  });

  it('answers a direct message in its thread and ignores its own and other bots’ messages', async () => {
    await h.send({ json: eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0STAF', user: STAFF, text: 'Kapan tenggat Bimtek II?', ts: '1790000200.000100' }) });
    await h.send({ json: eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0STAF', user: 'UPANDU', text: 'jawaban saya sendiri', ts: '1790000200.000200' }) });
    await h.send({ json: eventEnvelope({ type: 'message', subtype: 'bot_message', channel_type: 'im', channel: 'D0STAF', bot_id: 'B0LAIN', text: 'bot lain', ts: '1790000200.000300' }) });
    await h.send({ json: eventEnvelope({ type: 'message', channel_type: 'channel', channel: 'C0UMUM', user: STAFF, text: 'obrolan biasa', ts: '1790000200.000400' }) });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1);
    await h.slack.idle();
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args).toMatchObject({ channel: 'D0STAF', thread_ts: '1790000200.000100' });
    expect(h.answers.asked.map((a) => a.question)).toEqual(['Kapan tenggat Bimtek II?']);
  });

  it('stores 👍/👎 on the question and thanks the voter privately', async () => {
    const payload = {
      type: 'block_actions',
      team: { id: 'T0UJI', domain: 'uji' },
      user: { id: STAFF, username: 'staf', team_id: 'T0UJI' },
      api_app_id: 'A0PANDU',
      token: 'usang',
      container: { type: 'message', message_ts: '1790000300.000100', channel_id: 'C0UMUM', is_ephemeral: false, thread_ts: '1790000100.000200' },
      trigger_id: '1.2.3',
      channel: { id: 'C0UMUM', name: 'umum' },
      message: { type: 'message', ts: '1790000300.000100', thread_ts: '1790000100.000200', text: 'jawaban' },
      response_url: h.fake.responseUrl('act1'),
      actions: [
        { type: 'button', action_id: 'pandu_feedback_down', block_id: 'pandu_feedback', value: '41', text: { type: 'plain_text', text: '👎' }, action_ts: '1790000301.000000' },
      ],
    };
    const res = await h.send({ form: { payload: JSON.stringify(payload) } });
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').length === 1);
    expect(h.answers.votes).toEqual([{ questionId: 41, vote: -1, by: `slack:${STAFF}` }]);
    expect(h.fake.callsTo('chat.postEphemeral')[0]!.args).toMatchObject({ channel: 'C0UMUM', user: STAFF, thread_ts: '1790000100.000200' });
    expect(String(h.fake.callsTo('chat.postEphemeral')[0]!.args.text)).toContain('👎');
  });
});
