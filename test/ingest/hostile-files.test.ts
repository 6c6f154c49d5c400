import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { GOOD_MD } from '../support/corpus.ts';
import { testDb } from '../support/db.ts';
import { runPandu, runPanduOnce, tempDir } from '../support/process.ts';
import { waitForStatus } from '../support/wait.ts';
import { makeDocxBomb } from '../support/zip-bomb.ts';

const logger = createLogger('silent', { pretty: false });
const embedder = createHashingEmbedder(256);

const QUICK_WIN_NOTE = `# Catatan Quick Win Kota Bitung

Kanal aduan warga Kota Bitung menjawab setiap laporan nelayan dalam dua hari kerja.
`;

let bombDir = '';

beforeAll(async () => {
  bombDir = tempDir('pandu-bomb-');
  // About 1 MB on disk, 300 MB of paragraphs once unzipped; the second one hides that in a forged header.
  const bomb = await makeDocxBomb({ inflatedMb: 300 });
  expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
  writeFileSync(join(bombDir, 'notulen-rapat.docx'), bomb);
  writeFileSync(join(bombDir, 'notulen-palsu.docx'), await makeDocxBomb({ inflatedMb: 300, forgeSize: true }));
  writeFileSync(join(bombDir, 'panduan-quick-win.md'), QUICK_WIN_NOTE);
}, 60_000);

async function deps() {
  const db = await testDb('pglite');
  await ensureEmbeddings(db, embedder);
  return { db, embedder, logger };
}

describe('hostile files', () => {
  it('refuses a DOCX bomb by name and reason, quickly, and still ingests the other files', async () => {
    const summary = await ingestPaths(await deps(), [bombDir]);
    const byName = (n: string) => summary.files.find((f) => f.path.endsWith(n));
    expect(byName('notulen-rapat.docx')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/DOCX terlalu besar.*word\/document\.xml: 300 MB > batas 50 MB/) });
    expect(byName('notulen-palsu.docx')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/DOCX terlalu besar.*word\/document\.xml/) });
    expect(byName('panduan-quick-win.md')).toMatchObject({ status: 'new' });
    expect(summary.seconds).toBeLessThan(60);
  });

  it('a file that exhausts the parse worker\'s memory fails alone, named, and the next file is still parsed', async () => {
    const dir = tempDir('pandu-heavy-');
    const row = '<tr><td>Dewan Smart City</td><td>rapat koordinasi</td><td>quick win</td></tr>';
    writeFileSync(join(dir, 'a-tabel-raksasa.html'), `<html><body><table>${row.repeat(120_000)}</table></body></html>`);
    writeFileSync(join(dir, 'b-panduan.md'), GOOD_MD);
    const summary = await ingestPaths(await deps(), [dir], { parser: { memoryMb: 64 } });
    expect(summary.files[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/melebihi batas memori.*64 MB/) });
    expect(summary.files[1]).toMatchObject({ status: 'new' });
  });

  it('pandu start stays up when a DOCX bomb is ingested through it, names the file and ingests the rest', async () => {
    const db = join(tempDir(), 'db');
    const server = runPandu(['start'], { DATABASE_URL: db });
    try {
      const [, base] = await server.waitFor(/berjalan di (http:\/\/\S+) /, 60_000);
      await waitForStatus(`${base}/readyz`, 200, { timeout: 200_000, interval: 500 });
      const r = await runPanduOnce(['ingest', bombDir], { DATABASE_URL: db });
      expect(r.stdout).toMatch(/GAGAL\s+\S*notulen-rapat\.docx: isi file DOCX terlalu besar/);
      expect(r.stdout).toMatch(/GAGAL\s+\S*notulen-palsu\.docx: isi file DOCX terlalu besar/);
      expect(r.stdout).toMatch(/BARU\s+\S*panduan-quick-win\.md/);
      expect(r.code).toBe(1);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
      const found = await runPanduOnce(['search', 'kanal aduan nelayan Bitung', '--json'], { DATABASE_URL: db });
      expect(JSON.parse(found.stdout)[0].document).toMatch(/panduan-quick-win\.md$/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 300_000);
});
