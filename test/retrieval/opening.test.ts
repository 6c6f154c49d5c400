import { describe, expect, it } from 'vitest';
import { createHashingEmbedder } from '../../src/retrieval/embedder.ts';
import { ensureEmbeddings, indexTextOf, writeDocuments } from '../../src/retrieval/index-store.ts';
import { analyzeQuery, emphasizeNames } from '../../src/retrieval/query.ts';
import { DEFAULT_WEIGHTS, search } from '../../src/retrieval/search.ts';
import type { Db } from '../../src/db/index.ts';
import { backends, testDb } from '../support/db.ts';

const embedder = createHashingEmbedder(64);

const passages: Record<string, string> = {
  // opens with the question's subject: the passage about it
  lead: 'Charles Babbage adalah seorang matematikawan, filsuf, penemu, dan insinyur mesin asal Inggris yang merancang mesin analitik, cikal bakal komputer digital yang dapat diprogram, dan menulis tentang ekonomi pabrik.',
  // names the subject more often, but in passing, in a passage about something else
  passing: 'Di Museum Sains London dipamerkan replika mesin hitung bersama surat Charles Babbage dan gambar mesin Babbage.',
  other1: 'Ada Lovelace menulis catatan tentang algoritme untuk mesin analitik pada tahun 1843.',
  other2: 'Komputer elektronik pertama dibangun pada pertengahan abad kedua puluh di Amerika Serikat.',
  other3: 'Universitas Cambridge memiliki koleksi naskah matematika yang luas dari berbagai abad.',
};

/** Each passage as a one-chunk document `<folder>/<id>`, indexed as ingest would. */
async function indexPassages(db: Db, folder: string, texts: Record<string, string>) {
  await ensureEmbeddings(db, embedder);
  const ids = Object.keys(texts);
  const vectors = await embedder.embed(ids.map((id) => texts[id]!));
  await writeDocuments(
    db,
    ids.map((id, i) => ({
      doc: { path: `${folder}/${id}`, title: '', kind: 'lainnya', regionCode: null, contentHash: `${folder}-${id}`, pageCount: null, bytes: texts[id]!.length },
      chunks: [{ ordinal: 0, heading: '', page: null, text: texts[id]!, indexText: indexTextOf('', '', texts[id]!), embedding: vectors[i]! }],
    })),
  );
}

describe.each(backends)('ranking signals on %s', (backend) => {
  it('ranks a passage that opens with the question subject above one that names it in passing', async () => {
    const db = await testDb(backend);
    await indexPassages(db, 'uji', passages);
    const question = 'Siapakah Charles Babbage?';
    const shipped = await search({ db, embedder }, question, { k: 3 });
    expect(shipped[0]!.document).toBe('uji/lead');
    // without the opening bonus the passage that repeats the name wins: the fixture tests the bonus
    const without = await search({ db, embedder }, question, { k: 3, weights: { ...DEFAULT_WEIGHTS, opening: 0 } });
    expect(without[0]!.document).toBe('uji/passing');
  });
});

describe('emphasizeNames', () => {
  it('weighs names capitalised inside the question and words with digits more, not the first word', () => {
    const q = emphasizeNames('Kapan Charles Babbage lahir pada 1791?', analyzeQuery('Kapan Charles Babbage lahir pada 1791?'), 0.5);
    const weight = Object.fromEntries(q.map((t) => [t.term, t.weight]));
    expect(weight).toEqual({ charles: 1.5, babbage: 1.5, lahir: 1, 1791: 1.5 });
  });

  it('leaves a question written in lower case as it is', () => {
    const query = analyzeQuery('kapan charles babbage lahir');
    expect(emphasizeNames('kapan charles babbage lahir', query, 0.5)).toEqual(query);
  });
});

const contextPassages: Record<string, string> = {
  visi: 'Visi smart city Kabupaten Contoh berbunyi: Contoh Cerdas 2036, daerah agraris yang tangguh dan melayani.',
  spanduk: 'Spanduk dan baliho kegiatan dipasang di lokasi acara; desain spanduk memakai logo program dan visi daerah.',
  other1: 'Tim Pelaksana menyusun rencana aksi per dimensi bersama OPD.',
  other2: 'Dewan Smart City bersidang paling sedikit dua kali setahun.',
  other3: 'Quick win dimulai paling lambat 12 bulan setelah F-03 ditandatangani.',
};

describe.each(backends)('question and context on %s', (backend) => {
  it('ranks by what is asked, not by the reason the officer adds after the question mark', async () => {
    const db = await testDb(backend);
    await indexPassages(db, 'konteks', contextPassages);
    const hits = await search({ db, embedder }, 'visi smart city kita apa bunyinya? mau dipasang di spanduk dan baliho', { k: 3 });
    expect(hits[0]!.document).toBe('konteks/visi');
    // Asked as one question, the same words make the banner passage the answer.
    const asked = await search({ db, embedder }, 'visi smart city kita apa bunyinya mau dipasang di spanduk dan baliho', { k: 3 });
    expect(asked[0]!.document).toBe('konteks/spanduk');
  });
});
