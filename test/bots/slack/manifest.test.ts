import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../../src/bots/slack/index.ts';
import type { Db } from '../../../src/db/index.ts';
import { createHashingEmbedder } from '../../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../../src/retrieval/index-store.ts';
import { seedProgramme } from '../../digest/seed.ts';
import { testDb } from '../../support/db.ts';
import { eventEnvelope, startHarness, STAFF, type Harness } from './harness.ts';

interface Manifest {
  features: { slash_commands: Array<{ command: string; url: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string } };
}

/** The bot scope each Web API method Pandu calls needs (api.slack.com/methods); null: none. */
const METHOD_SCOPES: Record<string, string | null> = {
  'auth.test': null,
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'files.info': 'files:read',
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
};
/** The scope each subscribed event needs. */
const EVENT_SCOPES: Record<string, string> = {
  app_mention: 'app_mentions:read',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.im': 'im:history',
};

describe('the Slack app manifest', () => {
  let db: Db;
  let h: Harness;
  beforeEach(async () => {
    db = await testDb();
    await seedProgramme(db);
    const embedder = createHashingEmbedder(64);
    await ensureEmbeddings(db, embedder);
    h = await startHarness(db, { embedder });
  });
  afterEach(async () => {
    await h.close(true);
  });

  it('asks for exactly the scopes the Web API calls and events Pandu uses, all on /slack/events', async () => {
    const manifest = parse(readFileSync('slack/manifest.yaml', 'utf8')) as Manifest;
    const urls = [manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url, ...manifest.features.slash_commands.map((c) => c.url)];
    expect(urls.every((u) => new URL(u).pathname === SLACK_EVENTS_PATH)).toBe(true);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/pandu']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);

    // Everything Pandu does on Slack: a mention, a DM, a shared file, a thread follow-up, a 👍, the digest with its chart.
    await h.send({ json: eventEnvelope({ type: 'app_mention', channel: 'C0UMUM', user: STAFF, text: '<@UPANDU> apa saja keluaran bimtek I?', ts: '1790005000.000100' }) });
    await h.send({ json: eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D0STAF', user: STAFF, text: 'daerah mana saja yang terlambat bimtek I?', ts: '1790005000.000200' }) });
    const file = h.fake.shareFile({ name: 'catatan.md', bytes: Buffer.from('# Catatan Rapat\n\nRapat koordinasi membahas jadwal Bimtek.\n'), user: STAFF });
    await h.send({ json: eventEnvelope({ type: 'message', subtype: 'file_share', channel_type: 'im', channel: 'D0STAF', user: STAFF, text: '', ts: '1790005000.000300', files: [{ id: file.id }] }) });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 3, 30_000);
    await h.send({ json: eventEnvelope({ type: 'message', channel_type: 'channel', channel: 'C0UMUM', user: STAFF, text: 'kalau bimtek II?', ts: '1790005000.000400', thread_ts: '1790005000.000100' }) });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 4);
    const vote = { type: 'block_actions', user: { id: STAFF }, team: { id: 'T0UJI' }, api_app_id: 'A0PANDU', token: 'usang', trigger_id: '1.2', channel: { id: 'C0UMUM' }, container: { type: 'message', channel_id: 'C0UMUM' }, response_url: h.fake.responseUrl('v'), actions: [{ type: 'button', action_id: 'pandu_feedback_up', block_id: 'pandu_feedback', value: '41', action_ts: '1' }] };
    await h.send({ form: { payload: JSON.stringify(vote) } });
    await h.slack.postDigest(new Date('2026-11-23T01:00:00Z'));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').length === 1);
    await h.slack.idle();

    const used = new Set<string>();
    for (const c of h.fake.calls) {
      expect(Object.keys(METHOD_SCOPES), `a scope for ${c.method}`).toContain(c.method);
      const scope = METHOD_SCOPES[c.method];
      if (scope) used.add(scope);
    }
    if (h.fake.downloads.length > 0) used.add('files:read'); // url_private_download with the bot token
    const events = manifest.settings.event_subscriptions.bot_events;
    expect([...events].sort()).toEqual(Object.keys(EVENT_SCOPES).sort());
    for (const e of events) used.add(EVENT_SCOPES[e]!);
    used.add('commands');
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...used].sort());
  }, 60_000);
});
