import { CopyRows, nextIds, type Queryable } from '../db/index.ts';

/**
 * BM25 postings in blocks (migration 080): a row per term and block holds up to
 * BLOCK_POSTINGS postings in ascending chunk id, each as three unsigned LEB128 varints: the
 * chunk id's gap from the previous one (from 0 for the first), tf and the chunk length.
 * A common term's posting then takes 3–4 bytes, which is what a search reads and transfers. A write adds one block per distinct term (not one row per posting);
 * a search reads a term's few blocks. Each chunk lists its term ids, so removing a document
 * rewrites exactly the blocks that hold its chunks. Callers hold the bm25_stats row lock.
 */

/** Postings per block: bounds what removing a document rewrites per term. */
export const BLOCK_POSTINGS = 4096;
/** Partial blocks a term may gather beyond its full ones before a write merges them. */
const SPARE_BLOCKS = 8;
/** The most bytes a posting takes (three varints of at most 5 bytes). */
const MAX_POSTING_BYTES = 15;

/** A term's postings, ascending chunk id: the term's frequency and the chunk's length. */
export interface Postings {
  readonly chunkIds: Int32Array;
  readonly tfs: Int32Array;
  readonly dls: Int32Array;
}

/** Where the last readVarint stopped (module state: decoding is synchronous). */
let pos = 0;

/** The varint at `at` (values below 2^31, as every stored one is); sets `pos` past it. */
function readVarint(block: Uint8Array, at: number): number {
  let b = block[at++]!;
  let v = b & 0x7f;
  for (let shift = 7; b >= 0x80; shift += 7) {
    b = block[at++]!;
    v |= (b & 0x7f) << shift;
  }
  pos = at;
  return v;
}

/** Decodes a block into `into` (room for the block's postings); returns how many there are. */
export function decodeBlock(block: Uint8Array, into: Postings): number {
  const { chunkIds, tfs, dls } = into;
  let n = 0;
  let id = 0;
  pos = 0;
  while (pos < block.byteLength) {
    id += readVarint(block, pos);
    chunkIds[n] = id;
    tfs[n] = readVarint(block, pos);
    dls[n++] = readVarint(block, pos);
  }
  return n;
}

export function unpackPostings(block: Uint8Array): Postings {
  // Each posting takes at least 3 bytes: the arrays are cut to the count found.
  const cap = Math.floor(block.byteLength / 3);
  const p = { chunkIds: new Int32Array(cap), tfs: new Int32Array(cap), dls: new Int32Array(cap) };
  const n = decodeBlock(block, p);
  return { chunkIds: p.chunkIds.subarray(0, n), tfs: p.tfs.subarray(0, n), dls: p.dls.subarray(0, n) };
}

/** Writes postings [from, to) into `out` at `at`; returns the offset after them. */
function packInto(out: Uint8Array, at: number, p: Postings, from: number, to: number): number {
  const put = (v: number) => {
    while (v >= 0x80) {
      out[at++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    out[at++] = v;
  };
  for (let i = from; i < to; i++) {
    put(p.chunkIds[i]! - (i === from ? 0 : p.chunkIds[i - 1]!));
    put(p.tfs[i]!);
    put(p.dls[i]!);
  }
  return at;
}

/** Blocks a term's postings of one write split into. */
const blockCount = (postings: number) => Math.ceil(postings / BLOCK_POSTINGS);

/** Inserts the terms' postings (each ascending by chunk id) as blocks; returns how many blocks each term got. */
async function insertBlocks(tx: Queryable, lists: ReadonlyArray<{ termId: number; p: Postings }>): Promise<Map<number, number>> {
  const total = lists.reduce((a, l) => a + l.p.chunkIds.length, 0);
  const buffer = new Uint8Array(total * MAX_POSTING_BYTES);
  const cols = { term: [] as number[], first: [] as number[], last: [] as number[], n: [] as number[], at: [] as number[], len: [] as number[] };
  const added = new Map<number, number>();
  let at = 0;
  for (const { termId, p } of lists) {
    for (let from = 0; from < p.chunkIds.length; from += BLOCK_POSTINGS) {
      const to = Math.min(p.chunkIds.length, from + BLOCK_POSTINGS);
      const end = packInto(buffer, at, p, from, to);
      cols.term.push(termId);
      cols.first.push(p.chunkIds[from]!);
      cols.last.push(p.chunkIds[to - 1]!);
      cols.n.push(to - from);
      cols.at.push(at);
      cols.len.push(end - at);
      at = end;
      added.set(termId, (added.get(termId) ?? 0) + 1);
    }
  }
  if (cols.term.length === 0) return added;
  const copy = new CopyRows(at + 40 * cols.term.length);
  cols.term.forEach((t, i) => copy.row(5).int(t).int(cols.first[i]!).int(cols.last[i]!).int(cols.n[i]!).bytea(buffer.subarray(cols.at[i]!, cols.at[i]! + cols.len[i]!)));
  await tx.copyFrom('COPY posting_blocks (term_id, first_chunk, last_chunk, n, postings) FROM STDIN WITH (FORMAT binary)', copy.finish());
  return added;
}

async function dropBlocks(tx: Queryable, keys: ReadonlyArray<readonly [number, number]>): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    'DELETE FROM posting_blocks b USING unnest($1::int[], $2::int[]) AS x(t, f) WHERE b.term_id = x.t AND b.first_chunk = x.f',
    [keys.map((k) => k[0]), keys.map((k) => k[1])],
  );
}

/** Adds `delta` blocks to each term's count. */
async function countBlocks(tx: Queryable, delta: ReadonlyMap<number, number>): Promise<void> {
  const changed = [...delta].filter(([, d]) => d !== 0);
  if (changed.length === 0) return;
  await tx.query('UPDATE terms t SET blocks = t.blocks + x.d FROM unnest($1::int[], $2::int[]) AS x(id, d) WHERE t.id = x.id', [
    changed.map((c) => c[0]),
    changed.map((c) => c[1]),
  ]);
}

/** Postings of several lists (no chunk in two of them) as one list in chunk order. */
function mergeLists(lists: readonly Postings[]): Postings {
  const all = lists.flatMap((l) => Array.from(l.chunkIds, (id, i) => [id, l.tfs[i]!, l.dls[i]!] as const));
  all.sort((a, b) => a[0] - b[0]);
  return { chunkIds: Int32Array.from(all, (x) => x[0]), tfs: Int32Array.from(all, (x) => x[1]), dls: Int32Array.from(all, (x) => x[2]) };
}

/** Merges each term's partial blocks (fewer than BLOCK_POSTINGS postings) into as few blocks as they fill. */
export async function mergeBlocks(tx: Queryable, termIds: readonly number[]): Promise<void> {
  if (termIds.length === 0) return;
  const rows = await tx.query<{ term_id: number; first_chunk: number; postings: Uint8Array }>(
    'SELECT term_id, first_chunk, postings FROM posting_blocks WHERE term_id = ANY($1::int[]) AND n < $2',
    [termIds, BLOCK_POSTINGS],
  );
  const byTerm = new Map<number, typeof rows>();
  for (const r of rows) {
    const blocks = byTerm.get(r.term_id);
    if (blocks) blocks.push(r);
    else byTerm.set(r.term_id, [r]);
  }
  const merged = [...byTerm].filter(([, blocks]) => blocks.length > 1);
  await dropBlocks(tx, merged.flatMap(([t, blocks]) => blocks.map((b) => [t, b.first_chunk] as const)));
  const added = await insertBlocks(tx, merged.map(([termId, blocks]) => ({ termId, p: mergeLists(blocks.map((b) => unpackPostings(b.postings))) })));
  await countBlocks(tx, new Map(merged.map(([t, blocks]) => [t, (added.get(t) ?? 0) - blocks.length])));
}

/** One new chunk: its term frequencies and length (the sum of them). */
export interface NewChunk {
  readonly counts: ReadonlyMap<string, number>;
  readonly length: number;
}

export interface TermIds {
  /** Term id by term. */
  readonly id: ReadonlyMap<string, number>;
  /** Terms whose partial blocks are to be merged after this write. */
  readonly due: readonly number[];
}

/**
 * Gives every term of the chunks an id, raising its df by the chunks holding it and its block
 * count by the blocks about to be written. Known terms are read, new ones inserted and the
 * known ones updated by id: a third of what one INSERT … ON CONFLICT DO UPDATE costs the
 * server (a speculative insertion per term, then the update). Callers hold the bm25_stats row
 * lock, so no other writer adds a term in between.
 */
export async function upsertTerms(tx: Queryable, chunks: readonly NewChunk[]): Promise<TermIds> {
  const df = new Map<string, number>();
  for (const c of chunks) for (const term of c.counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  // Sorted: rows are locked, and index pages visited, in one order.
  const terms = [...df.keys()].sort();
  // One row of arrays (the terms' positions in `terms`), not a row per known term.
  const [found] = await tx.query<{ n: number[] | null; id: number[] | null; df: number[] | null; blocks: number[] | null }>(
    `SELECT array_agg(x.n::int) AS n, array_agg(t.id) AS id, array_agg(t.df) AS df, array_agg(t.blocks) AS blocks
       FROM unnest($1::text[]) WITH ORDINALITY AS x(term, n) JOIN terms t ON t.term = x.term`,
    [terms],
  );
  const known = (found?.n ?? []).map((n, i) => ({ term: terms[n - 1]!, id: found!.id![i]!, df: found!.df![i]!, blocks: found!.blocks![i]! }));
  const id = new Map(known.map((r) => [r.term, r.id]));
  const fresh = terms.filter((t) => !id.has(t));
  if (fresh.length > 0) {
    // New terms take ids from the sequence and go in by binary COPY: no array parameters to parse, no rows sent back.
    const ids = await nextIds(tx, 'terms', fresh.length);
    const copy = new CopyRows(fresh.reduce((a, t) => a + 40 + 3 * t.length, 0));
    fresh.forEach((t, i) => {
      id.set(t, ids[i]!);
      copy.row(4).int(ids[i]!).text(t).int(df.get(t)!).int(blockCount(df.get(t)!));
    });
    await tx.copyFrom('COPY terms (id, term, df, blocks) FROM STDIN WITH (FORMAT binary)', copy.finish());
  }
  if (known.length > 0) {
    await tx.query('UPDATE terms t SET df = t.df + x.d, blocks = t.blocks + x.b FROM unnest($1::int[], $2::int[], $3::int[]) AS x(id, d, b) WHERE t.id = x.id', [
      known.map((r) => r.id),
      known.map((r) => df.get(r.term)!),
      known.map((r) => blockCount(df.get(r.term)!)),
    ]);
  }
  // A new term's blocks are exactly its postings' blocks: only known terms can be due.
  const due = known.filter((r) => r.blocks + blockCount(df.get(r.term)!) > blockCount(r.df + df.get(r.term)!) + SPARE_BLOCKS).map((r) => r.id);
  return { id, due };
}

/** The sorted term ids of a chunk, as stored on it. */
export const chunkTermIds = (c: NewChunk, terms: TermIds): number[] => [...c.counts.keys()].map((t) => terms.id.get(t)!).sort((a, b) => a - b);

/** Writes the new chunks' postings: one block per term (more past BLOCK_POSTINGS), then merges due terms. */
export async function insertPostings(tx: Queryable, chunks: readonly NewChunk[], chunkIds: readonly number[], terms: TermIds): Promise<void> {
  const lists = new Map<number, { ids: number[]; tfs: number[]; dls: number[] }>();
  const order = chunks.map((_, i) => i).sort((a, b) => chunkIds[a]! - chunkIds[b]!);
  for (const i of order) {
    const c = chunks[i]!;
    for (const [term, tf] of c.counts) {
      const termId = terms.id.get(term)!;
      let l = lists.get(termId);
      if (!l) lists.set(termId, (l = { ids: [], tfs: [], dls: [] }));
      l.ids.push(chunkIds[i]!);
      l.tfs.push(tf);
      l.dls.push(c.length);
    }
  }
  await insertBlocks(tx, [...lists].map(([termId, l]) => ({ termId, p: { chunkIds: Int32Array.from(l.ids), tfs: Int32Array.from(l.tfs), dls: Int32Array.from(l.dls) } })));
  await mergeBlocks(tx, terms.due);
}

/** Removes a document's postings before its chunks go: lowers df and rewrites the blocks holding them. */
export async function deletePostings(tx: Queryable, documentId: number): Promise<void> {
  const chunks = await tx.query<{ id: number; term_ids: number[] }>('SELECT id, term_ids FROM chunks WHERE document_id = $1', [documentId]);
  if (chunks.length === 0) return;
  const gone = new Set(chunks.map((c) => c.id));
  const df = new Map<number, number>();
  for (const c of chunks) for (const t of c.term_ids) df.set(t, (df.get(t) ?? 0) + 1);
  const termIds = [...df.keys()];
  await tx.query('UPDATE terms t SET df = t.df - x.c FROM unnest($1::int[], $2::int[]) AS x(id, c) WHERE t.id = x.id', [termIds, termIds.map((t) => df.get(t)!)]);
  const blocks = await tx.query<{ term_id: number; first_chunk: number; postings: Uint8Array }>(
    'SELECT term_id, first_chunk, postings FROM posting_blocks WHERE term_id = ANY($1::int[]) AND first_chunk <= $2 AND last_chunk >= $3',
    [termIds, chunks.reduce((a, c) => Math.max(a, c.id), 0), chunks.reduce((a, c) => Math.min(a, c.id), Infinity)],
  );
  const dropped: Array<readonly [number, number]> = [];
  const kept: Array<{ termId: number; p: Postings }> = [];
  for (const b of blocks) {
    const p = unpackPostings(b.postings);
    const keep = p.chunkIds.reduce<number[]>((a, id, i) => (gone.has(id) ? a : (a.push(i), a)), []);
    if (keep.length === p.chunkIds.length) continue;
    dropped.push([b.term_id, b.first_chunk]);
    if (keep.length > 0) kept.push({ termId: b.term_id, p: { chunkIds: Int32Array.from(keep, (i) => p.chunkIds[i]!), tfs: Int32Array.from(keep, (i) => p.tfs[i]!), dls: Int32Array.from(keep, (i) => p.dls[i]!) } });
  }
  await dropBlocks(tx, dropped);
  const added = await insertBlocks(tx, kept);
  const delta = new Map(added);
  for (const [t] of dropped) delta.set(t, (delta.get(t) ?? 0) - 1);
  await countBlocks(tx, delta);
}
