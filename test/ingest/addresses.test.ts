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

const logger = createLogger('silent', { pretty: false });
const embedder = createHashingEmbedder(64);
const doc = (title: string) => `# ${title}\n\nSekretariat menetapkan ketentuan ${title.toLowerCase()} bagi daerah peserta program.\n`;

describe('public addresses of documents: sources.yaml and --base-url', () => {
  it('takes front matter first, then the folder’s sources.yaml, then the base address; a bad sources.yaml is reported', async () => {
    const db = await testDb('pglite');
    await ensureEmbeddings(db, embedder);
    const root = tempDir('pandu-alamat-');
    for (const sub of ['edaran', 'panduan', 'rusak']) mkdirSync(join(root, sub));
    writeFileSync(join(root, 'edaran', 'se-tenggat.md'), doc('Surat Edaran Tenggat'));
    writeFileSync(join(root, 'edaran', 'se lama.md'), doc('Surat Edaran Lama'));
    writeFileSync(join(root, 'edaran', 'sources.yaml'), 'se-tenggat.md: https://jdih.example.go.id/se/2026-07.pdf\n');
    writeFileSync(join(root, 'panduan', 'bimtek.md'), `---\nurl: https://g100sc.example.id/bimtek\n---\n${doc('Panduan Bimtek')}`);
    writeFileSync(join(root, 'rusak', 'sources.yaml'), 'catatan.md: ftp://server/catatan\n');
    writeFileSync(join(root, 'rusak', 'catatan.md'), doc('Catatan Rapat'));

    const summary = await ingestPaths({ db, embedder, logger }, [root], { baseUrl: 'https://arsip.example.go.id/korpus/' });
    const outcome = (name: string) => summary.files.find((f) => f.path.endsWith(name));
    expect(outcome('edaran/sources.yaml')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('peta alamat') });
    expect(outcome('rusak/sources.yaml')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/sources\.yaml tidak valid: alamat untuk "catatan\.md" bukan alamat http\(s\)/) });
    const urls = Object.fromEntries(
      (await db.query<{ title: string; url: string | null }>('SELECT title, url FROM documents')).map((r) => [r.title, r.url]),
    );
    expect(urls).toEqual({
      'Surat Edaran Tenggat': 'https://jdih.example.go.id/se/2026-07.pdf',
      'Surat Edaran Lama': 'https://arsip.example.go.id/korpus/edaran/se%20lama.md',
      'Panduan Bimtek': 'https://g100sc.example.id/bimtek',
      // The bad map is not used; the base address still applies.
      'Catatan Rapat': 'https://arsip.example.go.id/korpus/rusak/catatan.md',
    });
  });

  it('gives an unchanged document the address added since, and refuses a base address that is not http(s)', async () => {
    const db = await testDb('pglite');
    await ensureEmbeddings(db, embedder);
    const root = tempDir('pandu-alamat-');
    writeFileSync(join(root, 'faq.md'), doc('Tanya Jawab'));
    await ingestPaths({ db, embedder, logger }, [root]);
    expect((await db.query<{ url: string | null }>('SELECT url FROM documents'))[0]!.url).toBeNull();
    writeFileSync(join(root, 'sources.yaml'), 'faq.md: https://g100sc.example.id/faq\n');
    const again = await ingestPaths({ db, embedder, logger }, [root]);
    expect(again.files.find((f) => f.path.endsWith('faq.md'))?.status).toBe('unchanged');
    expect((await db.query<{ url: string | null }>('SELECT url FROM documents'))[0]!.url).toBe('https://g100sc.example.id/faq');

    const bad = await runCli(db, ['ingest', root, '--base-url', 'ftp://arsip/korpus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--base-url harus berupa alamat http(s)');
  });
});
