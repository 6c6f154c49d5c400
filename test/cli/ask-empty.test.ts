import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { runCli } from '../support/cli.ts';
import { testDb } from '../support/db.ts';
import { tempDir } from '../support/process.ts';

describe('pandu ask on a database without documents', () => {
  it('says the knowledge base is empty and how to fill it, and stops saying so once a document is loaded', async () => {
    const db = await testDb();
    const embedder = createHashingEmbedder();
    await ensureEmbeddings(db, embedder);
    const empty = await runCli(db, ['ask', 'apa itu quick win?']);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('basis pengetahuan masih kosong');
    expect(empty.stderr).toContain('pandu ingest corpus');

    const dir = tempDir('pandu-ask-kosong-');
    mkdirSync(join(dir, 'panduan'));
    writeFileSync(join(dir, 'panduan', 'istilah.md'), '# Istilah\n\n## Quick win\n\nQuick win adalah program daerah yang hasilnya terlihat dalam enam sampai dua belas bulan.\n');
    await ingestPaths({ db, embedder, logger: createLogger('silent', { pretty: false }) }, [dir]);
    const loaded = await runCli(db, ['ask', 'apa itu quick win?']);
    expect(loaded.stderr).not.toContain('basis pengetahuan masih kosong');
    expect(loaded.stdout).toContain('Quick win adalah program daerah');
  });
});
