import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { testDb } from '../../support/db.ts';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.ts';
import { eventEnvelope, startHarness, STAFF, type Harness } from './harness.ts';

/** Issue 18, finding 4: a hanging Slack Web API cannot hold an answer (and shutdown) forever. */
describe('Slack Web API requests have a deadline', () => {
  let db: Db;
  let fake: FakeSlack;
  let h: Harness;
  beforeEach(async () => {
    db = await testDb();
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('gives up on a hanging chat.postMessage, so stop() is not held by it', async () => {
    h = await startHarness(db, { fake, requestTimeoutMs: 300 });
    fake.delay('chat.postMessage', 120_000);
    const mention = eventEnvelope({ type: 'app_mention', user: STAFF, text: '<@UPANDU> Apa saja keluaran Bimtek I?', ts: '1790000300.000100', channel: 'C0UMUM' });
    expect((await h.send({ json: mention })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000)); // the answer is being posted, and hangs
    const stopping = performance.now();
    await h.close();
    // Four attempts of 0.3 s with back-off between them, not the client's default of no deadline.
    expect(performance.now() - stopping).toBeLessThan(20_000);
  }, 40_000);
});
