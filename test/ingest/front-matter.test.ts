import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { search } from '../../src/retrieval/search.ts';
import { testDb } from '../support/db.ts';
import { tempDir } from '../support/process.ts';

const logger = createLogger('silent', { pretty: false });
const embedder = createHashingEmbedder(256);

const NOTE = (publishedAt: string) => `---
published_at: ${publishedAt}
place: Kota Bitung
url: https://diskominfo.contoh.go.id/klinik-quick-win
---
# Klinik Quick Win Kota Bitung

Bitung, 1 Juni 2024 – Diskominfo membuka klinik penyusunan lembar komitmen quick win bagi perangkat daerah.
`;

describe('Markdown front matter', () => {
  it('sets the date, place and address of a document, ahead of its dateline; a bad date refuses the file', async () => {
    const db = await testDb('pglite');
    await ensureEmbeddings(db, embedder);
    const dir = tempDir('pandu-fm-');
    writeFileSync(join(dir, 'klinik.md'), NOTE('2024-06-03'));
    writeFileSync(join(dir, 'salah.md'), NOTE('31 Juni 2024'));
    const summary = await ingestPaths({ db, embedder, logger }, [dir]);
    expect(summary.files.find((f) => f.path.endsWith('klinik.md'))).toMatchObject({ status: 'new', published_at: '2024-06-03', place: 'Kota Bitung' });
    expect(summary.files.find((f) => f.path.endsWith('salah.md'))).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/front matter .*tidak valid.*published_at: bukan tanggal yang valid \(31 Juni 2024\)/),
    });
    const rows = await db.query<{ published_at: string; place: string; url: string }>(
      `SELECT to_char(published_at, 'YYYY-MM-DD') AS published_at, place, url FROM documents`,
    );
    expect(rows).toEqual([{ published_at: '2024-06-03', place: 'Kota Bitung', url: 'https://diskominfo.contoh.go.id/klinik-quick-win' }]);
    const [hit] = await search({ db, embedder }, 'klinik lembar komitmen quick win Bitung', { k: 1 });
    expect(hit).toMatchObject({ title: 'Klinik Quick Win Kota Bitung', url: 'https://diskominfo.contoh.go.id/klinik-quick-win', place: 'Kota Bitung' });
  });
});
