import { describe, expect, it } from 'vitest';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings, indexTextOf, writeDocuments } from '../../src/retrieval/index-store.ts';
import { analyzeQuery } from '../../src/retrieval/query.ts';
import { bm25Search } from '../../src/retrieval/search.ts';
import { buildRowPostings, rowsScorer } from '../support/bm25-reference.ts';
import { backends, testDb } from '../support/db.ts';

const embedder = createHashingEmbedder(64);

describe.each(backends)('BM25 on %s', (backend) => {
  it('ranks common and rare terms exactly as the database summing every posting does', async () => {
    const db = await testDb(backend);
    await ensureEmbeddings(db, embedder);
    const rare = ['pelabuhan', 'khatulistiwa', 'embung', 'likuefaksi', 'sagu'];
    const items = Array.from({ length: 240 }, (_, i) => {
      // every chunk says 'kota' and 'program' (common) a varying number of times; one in
      // twelve also a rare word, one to three times
      const extra = i % 12 === 0 ? ` ${rare[(i / 12) % rare.length]}`.repeat(1 + ((i / 12) % 3)) : '';
      const text = `${'program kota '.repeat(1 + (i % 4))}nomor ${i} tentang layanan dan daerah${extra}.`;
      return {
        doc: { path: `uji/${i}`, title: `Dokumen ${i}`, kind: 'lainnya', regionCode: null, contentHash: String(i), pageCount: null, bytes: text.length },
        chunks: [{ ordinal: 0, heading: '', page: null, text, indexText: indexTextOf('', '', text), embedding: null }],
      };
    });
    await writeDocuments(db, items);
    const query = analyzeQuery('program kota pelabuhan khatulistiwa');
    await buildRowPostings(db);
    const exact = await bm25Search(db, query, 5, undefined, rowsScorer);
    const shipped = await bm25Search(db, query, 5);
    expect(shipped.rows.map((r) => r.chunk_id)).toEqual(exact.rows.map((r) => r.chunk_id));
    shipped.rows.forEach((r, i) => {
      expect(r.score).toBeCloseTo(exact.rows[i]!.score, 6);
      expect(r.matched).toBeCloseTo(exact.rows[i]!.matched, 6);
    });
    expect(shipped.idfMass).toBeCloseTo(exact.idfMass, 6);
    // the rare words decide the top: a chunk naming one of them comes first
    const [top] = await db.query<{ text: string }>('SELECT text FROM chunks WHERE id = $1', [exact.rows[0]!.chunk_id]);
    expect(top!.text).toMatch(/pelabuhan|khatulistiwa/);
  });

  it('finds the chunk holding every common word of a question even when a rarer word names other chunks', async () => {
    const db = await testDb(backend);
    await ensureEmbeddings(db, embedder);
    // 600 chunks: 'pelabuhan' (rarer, 8%) in long chunks without the common words; the common
    // words 'kota', 'layanan', 'daerah', 'program' in most chunks, all four together and often
    // in the short chunks 'nomor 7…': those are the best answers to the question.
    const items = Array.from({ length: 600 }, (_, i) => {
      const text = i % 12 === 0
        ? `pelabuhan ${'catatan panjang tentang gudang dermaga '.repeat(6)}${i}`
        : i % 50 === 7
          ? `kota layanan daerah program kota layanan daerah program nomor ${i}`
          : `${['kota', 'layanan', 'daerah', 'program'].filter((_, k) => (i + k) % 3 !== 0).join(' ')} urusan ${'umum '.repeat(i % 5)}${i}`;
      return {
        doc: { path: `uji/c-${i}`, title: '', kind: 'lainnya', regionCode: null, contentHash: `c${i}`, pageCount: null, bytes: text.length },
        chunks: [{ ordinal: 0, heading: '', page: null, text, indexText: text, embedding: null }],
      };
    });
    await writeDocuments(db, items);
    const query = analyzeQuery('pelabuhan kota layanan daerah program');
    await buildRowPostings(db);
    const exact = await bm25Search(db, query, 10, undefined, rowsScorer);
    const cut = await bm25Search(db, query, 10);
    expect(cut.rows.map((r) => r.chunk_id)).toEqual(exact.rows.map((r) => r.chunk_id));
    cut.rows.forEach((r, i) => expect(r.score).toBeCloseTo(exact.rows[i]!.score, 9));
    const top = await db.query<{ text: string }>('SELECT text FROM chunks WHERE id = ANY($1::int[])', [cut.rows.slice(0, 3).map((r) => r.chunk_id)]);
    for (const t of top) expect(t.text).toMatch(/^kota layanan daerah program/);
  });

  it('reads an abbreviation the documents hardly use as its expansion (QW → quick win)', async () => {
    const db = await testDb(backend);
    await ensureEmbeddings(db, embedder);
    const texts = [
      'Kota Palu terletak di teluk. Geografi Kota Palu dibahas di sini.',
      'Quick win Kota Palu: jalur evakuasi; quick win kedua: pasar.',
      'Quick win (sering disingkat QW) adalah program dengan hasil dalam 6–12 bulan.',
      ...Array.from({ length: 8 }, (_, i) => `Panduan quick win nomor ${i}: pilih quick win yang terukur di daerah.`),
      ...Array.from({ length: 60 }, (_, i) => `Layanan administrasi kependudukan daerah nomor ${i} di kecamatan.`),
    ];
    await writeDocuments(db, texts.map((text, i) => ({
      doc: { path: `uji/qw-${i}`, title: `Dokumen ${i}`, kind: 'lainnya', regionCode: null, contentHash: `qw${i}`, pageCount: null, bytes: text.length },
      chunks: [{ ordinal: 0, heading: '', page: null, text, indexText: indexTextOf('', '', text), embedding: null }],
    })));
    const { rows } = await bm25Search(db, analyzeQuery('QW kota palu apa saja'), 3);
    const [top] = await db.query<{ text: string }>('SELECT text FROM chunks WHERE id = $1', [rows[0]!.chunk_id]);
    expect(top!.text).toMatch(/^Quick win Kota Palu/);
  });
});
