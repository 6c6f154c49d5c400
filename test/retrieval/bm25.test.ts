import { describe, expect, it } from 'vitest';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings, indexTextOf, writeDocuments } from '../../src/retrieval/index-store.ts';
import { analyzeQuery } from '../../src/retrieval/query.ts';
import { bm25Search } from '../../src/retrieval/search.ts';
import { backends, testDb } from '../support/db.ts';

const embedder = createHashingEmbedder(64);

describe.each(backends)('BM25 on %s', (backend) => {
  it('ranks the same with the two-step scoring of common terms as with exact scoring', async () => {
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
    const exact = await bm25Search(db, query, 5, undefined, Number.POSITIVE_INFINITY);
    const twoStep = await bm25Search(db, query, 5, undefined, 0);
    expect(twoStep.rows.map((r) => r.chunk_id)).toEqual(exact.rows.map((r) => r.chunk_id));
    twoStep.rows.forEach((r, i) => {
      expect(r.score).toBeCloseTo(exact.rows[i]!.score, 6);
      expect(r.matched).toBeCloseTo(exact.rows[i]!.matched, 6);
    });
    expect(twoStep.idfMass).toBeCloseTo(exact.idfMass, 6);
    // the rare words decide the top: a chunk naming one of them comes first
    const [top] = await db.query<{ text: string }>('SELECT text FROM chunks WHERE id = $1', [exact.rows[0]!.chunk_id]);
    expect(top!.text).toMatch(/pelabuhan|khatulistiwa/);
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
