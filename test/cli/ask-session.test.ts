import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { buildProgram, runProgram } from '../../src/cli/program.ts';
import type { CliContext } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config/index.ts';
import { ingestPaths } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';
import { embedderFromConfig } from '../../src/retrieval/embedders.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { CALENDAR } from '../support/corpus.ts';
import { testDb } from '../support/db.ts';
import { tempDir } from '../support/process.ts';

describe('pandu ask --session', () => {
  it('answers a follow-up within the same session, and says what it understood', async () => {
    const db = await testDb();
    const logger = createLogger('silent', { pretty: false });
    const config = loadConfig({ DATABASE_URL: 'memory://' });
    const embedder = await embedderFromConfig(config);
    await ensureEmbeddings(db, embedder);
    const dir = tempDir('pandu-ask-');
    mkdirSync(join(dir, 'kalender'));
    writeFileSync(join(dir, 'kalender', 'angkatan-2026.yaml'), CALENDAR('2026-06-12'));
    await ingestPaths({ db, embedder, logger }, [dir]);
    const app: App = { config, logger, db, metrics: createMetrics(), owner: null, close: async () => {} };

    const ask = async (...args: string[]) => {
      let out = '';
      const ctx: CliContext = { io: { out: (s) => (out += s), err: (s) => (out += s), isTTY: false }, app: async () => app, exitCode: 0, viaServer: false };
      expect(await runProgram(buildProgram(ctx), ctx, ['ask', ...args, '--json'])).toBe(0);
      return JSON.parse(out) as { question: string; answer: string; understood: string | null };
    };
    await ask('kapan tenggat bimtek 2 untuk kabupaten sragen?', '--session', 'uji-1');
    const followUp = await ask('kalau bimtek 1?', '--session', 'uji-1');
    expect(followUp).toMatchObject({ question: 'kalau bimtek 1?', understood: 'Bimtek I, Kabupaten Sragen' });
    expect(followUp.answer).toContain('Bimbingan Teknis I: Jumat, 12 Juni 2026');
    expect((await ask('kalau bimtek 1?', '--session', 'uji-2')).understood).toBeNull();
    expect((await ask('kalau bimtek 1?')).understood).toBeNull();
  });
});
