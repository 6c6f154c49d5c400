import { describe, expect, it } from 'vitest';
import { openApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { openDatabase } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createPostgresDatabase } from '../support/db.ts';

/** Issue 18, finding 4: answer paths have a statement timeout on PostgreSQL. */
describe.runIf(!!process.env.TEST_DATABASE_URL)('statement timeout on the answer paths (PostgreSQL)', () => {
  it('the answer pool cancels a statement that runs too long; the main pool (ingest, migrations) does not', async () => {
    const url = await createPostgresDatabase('timeouts');
    const app = await openApp(loadConfig({ DATABASE_URL: url }), createLogger('silent', { pretty: false }));
    try {
      expect(app.answerDb).toBeDefined();
      const [answerSide] = await app.answerDb!.query<{ statement_timeout: string }>('SHOW statement_timeout');
      const [mainSide] = await app.db.query<{ statement_timeout: string }>('SHOW statement_timeout');
      expect(answerSide!.statement_timeout).toBe('15s');
      expect(mainSide!.statement_timeout).toBe('0');
    } finally {
      await app.close();
    }
    const short = await openDatabase(url, { statementTimeoutMs: 200 });
    try {
      await expect(short.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
    } finally {
      await short.close();
    }
  }, 60_000);
});
