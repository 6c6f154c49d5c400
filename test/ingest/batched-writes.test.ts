import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.ts';
import { createGroupWriter, type ReadyDoc } from '../../src/ingest/group-writer.ts';
import { indexChunks } from '../../src/ingest/index-chunks.ts';
import { ingestPaths } from '../../src/ingest/index.ts';
import { createLogger } from '../../src/log.ts';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { deferVectorIndex, ensureEmbeddings } from '../../src/retrieval/index-store.ts';
import { search } from '../../src/retrieval/search.ts';
import { indexProblems } from '../support/bm25-reference.ts';
import { backends, testDb } from '../support/db.ts';
import { tempDir } from '../support/process.ts';

const logger = createLogger('silent', { pretty: false });
const embedder = createHashingEmbedder(256);

const TOPICS = ['drainase kota', 'layanan perizinan daring', 'sensor debit air', 'ruang terbuka hijau', 'transportasi umum terpadu'];

/** A small Markdown file about one topic, written for these tests. */
const note = (i: number) =>
  `# Catatan ${i}\n\n## ${TOPICS[i % TOPICS.length]}\n\nDaerah nomor ${i} menyusun rencana ${TOPICS[i % TOPICS.length]} untuk tahun depan.\n`;

async function ready(i: number, embedding?: Float32Array): Promise<ReadyDoc<string>> {
  const title = `Catatan ${i}`;
  const chunks = await indexChunks(title, [{ kind: 'para', headings: [TOPICS[i % TOPICS.length]!], page: null, text: note(i) }], embedder);
  return {
    doc: { path: `catatan/${i}.md`, title, kind: 'panduan', regionCode: null, contentHash: `h${i}`, pageCount: null, bytes: 100 },
    chunks: embedding ? chunks.map((c) => ({ ...c, embedding })) : chunks,
    outcome: `ok ${i}`,
    failed: (reason) => `failed ${i}: ${reason.slice(0, 20)}`,
  };
}

/** df of every term equals its postings, N equals the chunks, total length equals the sum of lengths. */
async function statsAreExact(db: Db): Promise<void> {
  expect(await indexProblems(db)).toEqual([]);
}

const hasVectorIndex = async (db: Db) =>
  (await db.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'chunks_embedding_idx'`)).length === 1;

describe.each(backends)('batched ingest writes on %s', (backend) => {
  it('a document that cannot be written fails alone: the others of its group are stored and reported in order', async () => {
    const db = await testDb(backend);
    await ensureEmbeddings(db, embedder);
    const reported: string[] = [];
    const writer = createGroupWriter(db, logger, (o: string) => reported.push(o));
    await writer.add(await ready(1));
    await writer.note('unchanged x');
    // A vector of the wrong dimension: PostgreSQL refuses the whole statement.
    await writer.add(await ready(2, new Float32Array(3).fill(0.5)));
    await writer.add(await ready(3));
    await writer.flush();
    expect(reported.map((r) => r.split(':')[0])).toEqual(['ok 1', 'unchanged x', 'failed 2', 'ok 3']);
    const docs = await db.query<{ path: string }>('SELECT path FROM documents ORDER BY path');
    expect(docs.map((d) => d.path)).toEqual(['catatan/1.md', 'catatan/3.md']);
    await statsAreExact(db);
  });

  it('a folder of small files is stored with exact BM25 statistics and replaces changed files in place', async () => {
    const db = await testDb(backend);
    await ensureEmbeddings(db, embedder);
    const dir = tempDir();
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `catatan-${i}.md`), note(i));
    const first = await ingestPaths({ db, embedder, logger }, [dir]);
    expect(first.new).toBe(40);
    expect(first.files.map((f) => f.path.split('/').pop())).toEqual(first.files.map((f) => f.path.split('/').pop()).sort());
    writeFileSync(join(dir, 'catatan-7.md'), `${note(7)}\nTambahan: pompa banjir cadangan disiapkan.\n`);
    const second = await ingestPaths({ db, embedder, logger }, [dir]);
    expect([second.changed, second.unchanged]).toEqual([1, 39]);
    expect((await db.query('SELECT 1 FROM documents')).length).toBe(40);
    await statsAreExact(db);
    const hits = await search({ db, embedder }, 'pompa banjir cadangan', { k: 1 });
    expect(hits[0]?.document).toMatch(/catatan-7\.md$/);
  });

  it('a large run drops the vector index while it writes and builds it again after, also when the run fails', async () => {
    const db = await testDb(backend);
    await ensureEmbeddings(db, embedder);
    expect(await hasVectorIndex(db)).toBe(true);
    const inside = await deferVectorIndex(db, true, () => hasVectorIndex(db));
    expect(inside).toBe(false);
    expect(await hasVectorIndex(db)).toBe(true);
    await expect(deferVectorIndex(db, true, () => Promise.reject(new Error('putus')))).rejects.toThrow('putus');
    expect(await hasVectorIndex(db)).toBe(true);

    const dir = tempDir();
    mkdirSync(join(dir, 'besar'));
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, 'besar', `catatan-${i}.md`), note(i));
    const summary = await ingestPaths({ db, embedder, logger }, [dir], { largeRunBytes: 1 });
    expect(summary.new).toBe(20);
    expect(await hasVectorIndex(db)).toBe(true);
    const hits = await search({ db, embedder }, 'sensor debit air', { k: 3 });
    expect(hits[0]?.text).toContain('sensor debit air');
  });
});
