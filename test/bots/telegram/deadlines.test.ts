import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { testDb } from '../../support/db.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram.ts';
import { waitFor } from '../../support/wait.ts';
import { privateChat, startHarness, users, type Harness } from './harness.ts';

/** Issue 18, finding 4: a hanging Bot API must not hold the answer workers for minutes. */
describe('Telegram requests have a deadline', () => {
  let db: Db;
  let tg: FakeTelegram;
  let h: Harness;
  beforeEach(async () => {
    db = await testDb();
    tg = await startFakeTelegram();
  });
  afterEach(async () => {
    await h.stop();
    await tg.close();
  });

  it('answers again within the timeout once a hanging API recovers', async () => {
    h = await startHarness(db, { tg, options: { concurrency: 2, requestTimeoutSec: 2, stopTimeoutMs: 100 } });
    tg.delay('sendMessage', 120_000); // the API hangs: every sendMessage waits two minutes
    const askers = [users.budi, users.rina, users.joko].map((u) => ({ ...u, id: u.id + 7000 }));
    for (const u of askers) tg.text(privateChat(u), u, `Pertanyaan dari ${u.first_name}`);
    // Both workers are stuck in a sendMessage that does not come back.
    await waitFor(() => tg.calls.filter((c) => c.method === 'sendMessage').length >= 2, { timeout: 10_000, what: 'two sendMessage calls in flight' });
    expect(tg.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(2);

    tg.delay('sendMessage', 0); // the API is back
    const recovered = performance.now();
    const sari = privateChat(users.sari);
    tg.text(sari, users.sari, 'Apa saja keluaran Bimtek I?');
    await tg.waitForCall((c) => c.method === 'sendMessage' && c.payload.chat_id === sari.id && c.status === 200, 15_000);
    // Both workers were stuck on the hanging API; each gave up after 2 s, not grammY's 500 s.
    expect(performance.now() - recovered).toBeLessThan(2_000 * 3);
    expect(h.texts(sari.id)[0]).toContain('Jawaban untuk: Apa saja keluaran Bimtek I?');
  }, 30_000);
});
