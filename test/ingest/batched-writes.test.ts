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

  it('while one group is written the next is gathered: a bad document fails alone, every file is reported once and in order', async () => {
    const db = await testDb(backend);
    await ensureEmbeddings(db, embedder);
    const reported: string[] = [];
    const writer = createGroupWriter(db, logger, (o: string) => reported.push(o), { documents: 2, chunks: 1_000, waitMs: 60_000 });
    // The first group (1, 2) goes to the database; what follows is gathered while it is written.
    await writer.add(await ready(1));
    await writer.add(await ready(2));
    writer.note('unchanged a');
    await writer.add(await ready(3, new Float32Array(3).fill(0.5)));
    await writer.add(await ready(4));
    writer.note('unchanged b');
    await writer.add(await ready(5));
    await writer.flush();
    expect(reported.map((r) => r.split(':')[0])).toEqual(['ok 1', 'ok 2', 'unchanged a', 'failed 3', 'ok 4', 'unchanged b', 'ok 5']);
    const docs = await db.query<{ path: string }>('SELECT path FROM documents ORDER BY path');
    expect(docs.map((d) => d.path)).toEqual(['catatan/1.md', 'catatan/2.md', 'catatan/4.md', 'catatan/5.md']);
    await statsAreExact(db);
  });

  it('a run of many groups stores every file but the one the database refuses, reporting each file once in file order', async () => {
    const db = await testDb(backend);
    await ensureEmbeddings(db, embedder);
    const dir = tempDir();
    for (let i = 10; i < 30; i++) writeFileSync(join(dir, `catatan-${i}.md`), note(i));
    // The database itself refuses one document (as a constraint would), in the middle of a group.
    await db.exec(`CREATE FUNCTION refuse_damaged() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.path LIKE '%catatan-17.md' THEN RAISE EXCEPTION 'dokumen ditolak'; END IF; RETURN NEW; END $$`);
    await db.exec('CREATE TRIGGER refuse_damaged BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION refuse_damaged()');
    try {
      const seen: string[] = [];
      const summary = await ingestPaths({ db, embedder, logger }, [dir], { group: { documents: 3, chunks: 1_000, waitMs: 60_000 }, onFile: (o) => seen.push(o.path) });
      const names = summary.files.map((f) => `${f.path.split('/').pop()} ${f.status}`);
      expect(names).toEqual(Array.from({ length: 20 }, (_, k) => `catatan-${k + 10}.md ${k + 10 === 17 ? 'failed' : 'new'}`));
      expect(seen).toEqual(summary.files.map((f) => f.path));
      expect(summary.files.find((f) => f.status === 'failed')?.reason).toContain('dokumen ditolak');
      expect((await db.query('SELECT 1 FROM documents')).length).toBe(19);
      await statsAreExact(db);
    } finally {
      await db.exec('DROP TRIGGER refuse_damaged ON documents');
      await db.exec('DROP FUNCTION refuse_damaged()');
    }
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
    const dir = tempDir();
    mkdirSync(join(dir, 'besar'));
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, 'besar', `catatan-${i}.md`), note(i));
    // A corpus of 20 chunks counts as large enough for a graph here.
    const summary = await ingestPaths({ db, embedder, logger }, [dir], { largeRunBytes: 1, vectorIndexMinChunks: 10 });
    expect(summary.new).toBe(20);
    expect(await hasVectorIndex(db)).toBe(true);
    const inside = await deferVectorIndex(db, true, () => hasVectorIndex(db), 10);
    expect(inside).toBe(false);
    expect(await hasVectorIndex(db)).toBe(true);
    await expect(deferVectorIndex(db, true, () => Promise.reject(new Error('putus')), 10)).rejects.toThrow('putus');
    expect(await hasVectorIndex(db)).toBe(true);
    const hits = await search({ db, embedder }, 'sensor debit air', { k: 3 });
    expect(hits[0]?.text).toContain('sensor debit air');
  });

  it('a corpus below the bound has no vector graph and finds the same passages by scanning; it gets one on reaching the bound', async () => {
    const db = await testDb(backend);
    await ensureEmbeddings(db, embedder);
    const dir = tempDir();
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `catatan-${i}.md`), note(i));
    await ingestPaths({ db, embedder, logger }, [dir], { vectorIndexMinChunks: 20 });
    expect(await hasVectorIndex(db)).toBe(false);
    const question = 'rencana ruang terbuka hijau daerah nomor 8';
    const scanned = await search({ db, embedder }, question, { k: 5 });
    expect(scanned[0]?.text).toContain('nomor 8 menyusun rencana ruang terbuka hijau');
    for (let i = 12; i < 24; i++) writeFileSync(join(dir, `catatan-${i}.md`), note(i));
    await ingestPaths({ db, embedder, logger }, [dir], { vectorIndexMinChunks: 20 });
    expect(await hasVectorIndex(db)).toBe(true);
    const viaGraph = await search({ db, embedder }, question, { k: 5 });
    expect(viaGraph[0]?.text).toBe(scanned[0]?.text);
  });
});
