import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../../src/bots/slack/index.ts';
import type { Db } from '../../../src/db/index.ts';
import { backends, testDb } from '../../support/db.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { silent } from '../../digest/seed.ts';
import type { FakeAnswers } from '../../support/fake-answers.ts';
import { eventEnvelope, slackAnswers, slackConfig, STAFF } from './harness.ts';

describe.each(backends)('Slack in Socket Mode (%s)', (backend) => {
  let db: Db;
  let fake: FakeSlack;
  let answers: FakeAnswers;
  let slack: SlackApp;

  beforeEach(async () => {
    db = await testDb(backend);
    fake = await startFakeSlack();
    answers = slackAnswers();
    // No HTTP server and no signing secret: SLACK_APP_TOKEN alone selects Socket Mode.
    slack = createSlackApp({
      slack: slackConfig({ apiUrl: fake.apiUrl, appToken: 'xapp-uji', signingSecret: undefined }),
      timezone: 'Asia/Jakarta',
      db,
      answers,
      logger: silent,
      scheduleDigest: false,
    });
    await slack.start();
  });
  afterEach(async () => {
    await slack.stop();
    await fake.close();
  });

  it('answers a mention once in its thread, also when Slack redelivers the event', async () => {
    expect(fake.sockets()).toBe(1);
    expect(fake.callsTo('apps.connections.open')[0]!.token).toBe('xapp-uji');
    const event = eventEnvelope({ type: 'app_mention', user: STAFF, text: '<@UPANDU> Apa saja keluaran Bimtek I?', ts: '1790000500.000100', channel: 'C0UMUM' }, 'Ev-socket-1');
    const first = fake.pushEvent(event);
    await fake.waitFor(() => fake.acks.includes(first) && fake.callsTo('chat.postMessage').length === 1);
    const retry = fake.pushEvent(event, { retryAttempt: 1 });
    await fake.waitFor(() => fake.acks.includes(retry));
    await slack.idle();
    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args).toMatchObject({ channel: 'C0UMUM', thread_ts: '1790000500.000100' });
    expect(posts[0]!.token).toBe('xoxb-uji');
    expect(answers.asked).toHaveLength(1);
  });
});
