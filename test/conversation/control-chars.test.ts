import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { conversationalCore } from '../support/conversation.ts';
import { backends, testDb } from '../support/db.ts';

/** Issue 18, finding 6: a NUL byte in a question no longer drops it from the question log. */
describe.each(backends)('control characters in a question (%s)', (backend) => {
  it('are stripped before the question is answered and stored', async () => {
    const db = await testDb(backend);
    const logger = createLogger('silent', { pretty: false });
    const answers = await conversationalCore(db, { logger, now: () => new Date('2026-06-01T02:00:00Z') });
    for (const sessionId of [undefined, 'telegram:555']) {
      const a = await answers.ask({ question: 'Apa saja\u0000 keluaran\u001b[31m Bimtek I?\u0007', platform: 'telegram', chatId: '555', userId: '777', sessionId });
      expect(a.question).toBe('Apa saja keluaran[31m Bimtek I?');
    }
    const rows = await db.query<{ question: string }>('SELECT question FROM questions ORDER BY id');
    expect(rows.map((r) => r.question)).toEqual(['Apa saja keluaran[31m Bimtek I?', 'Apa saja keluaran[31m Bimtek I?']);
  }, 60_000);
});
