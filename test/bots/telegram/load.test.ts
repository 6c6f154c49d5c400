import { describe, expect, it } from 'vitest';
import { testDb } from '../../support/db.ts';
import { modes } from './harness.ts';
import { runLoad } from './load-scenario.ts';

describe.each(modes)('Telegram load, %s mode', (mode) => {
  it('answers 200 questions from 50 chats exactly once, within Telegram\'s rate limits', async () => {
    const db = await testDb();
    const r = await runLoad(db, { mode });
    expect({ once: r.answeredOnce, missing: r.missing, duplicates: r.duplicates }).toEqual({ once: 200, missing: 0, duplicates: 0 });
    expect(r.peakPerSecond).toBeLessThanOrEqual(30);
    expect(r.peakPerGroupMinute).toBeLessThanOrEqual(20);
  });
});
