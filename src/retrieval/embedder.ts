import { STOP_WORDS, words } from '../language/index.ts';

/** Turns texts into vectors; one interface for the offline and the model-server embedders. */
export interface Embedder {
  /** Identifies model and dimension; a change re-embeds every chunk. */
  readonly id: string;
  readonly dim: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Set when another process can rebuild the same embedder from this alone (the offline one). */
  readonly portable?: { readonly kind: 'hashing'; readonly dim: number };
  /** The offline embedder also takes texts already split by `words` (the ingest splits each once for vectors and terms). */
  embedWords?(surface: readonly string[]): Float32Array;
}

/** FNV-1a hashes of a padded word's character 3-, 4- and 5-grams, all 3-grams first, then 4, then 5. */
function ngramHashes(s: string): Uint32Array {
  const out: number[] = [];
  for (let n = 3; n <= 5; n++) {
    for (let i = 0; i + n <= s.length; i++) {
      let h = 0x811c9dc5;
      for (let j = i; j < i + n; j++) {
        h ^= s.charCodeAt(j);
        h = Math.imul(h, 0x01000193);
      }
      out.push(h >>> 0);
    }
  }
  return Uint32Array.from(out);
}

/**
 * Counts of 32-bit hashes in first-seen order (what a Map gives, without its per-entry cost):
 * open addressing over typed arrays, reused from one text to the next.
 */
class HashCounter {
  keys = new Uint32Array(0);
  counts = new Uint32Array(0);
  size = 0;
  private slots = new Int32Array(0);
  private mask = 0;

  /** Empties the counter, with room for up to n distinct hashes. */
  reset(n: number): void {
    let cap = 16;
    while (cap < n * 2) cap *= 2;
    if (this.slots.length < cap) {
      this.slots = new Int32Array(cap);
      this.keys = new Uint32Array(cap);
      this.counts = new Uint32Array(cap);
    } else this.slots.fill(0, 0, cap);
    this.mask = cap - 1;
    this.size = 0;
  }

  add(h: number): void {
    for (let i = Math.imul(h, 0x9e3779b1) >>> 0; ; i++) {
      const slot = i & this.mask;
      const at = this.slots[slot]!;
      if (at === 0) {
        this.keys[this.size] = h;
        this.counts[this.size] = 1;
        this.slots[slot] = ++this.size;
        return;
      }
      if (this.keys[at - 1] === h) {
        this.counts[at - 1]!++;
        return;
      }
    }
  }
}

/** Words recur (Zipf): their n-gram hashes are computed once per process, up to this many words. */
const HASH_CACHE_WORDS = 100_000;

/**
 * Offline embedder: character 3- to 5-grams of the content words (stop words dropped), hashed with signs
 * into a fixed-size vector (feature hashing), log-scaled counts, L2-normalised. It is
 * not a semantic model: it captures spelling similarity (affixes, typos, shared word
 * pieces), which complements BM25; it knows no synonyms.
 */
export function createHashingEmbedder(dim = 512): Embedder {
  const cache = new Map<string, Uint32Array>();
  const hashesOf = (w: string) => {
    let hs = cache.get(w);
    if (!hs) {
      hs = ngramHashes(` ${w} `);
      if (cache.size >= HASH_CACHE_WORDS) cache.clear();
      cache.set(w, hs);
    }
    return hs;
  };
  const counts = new HashCounter();
  const embedWords = (surface: readonly string[]) => {
    const v = new Float32Array(dim);
    const grams: Uint32Array[] = [];
    let total = 0;
    // Content words only: function words would dominate the n-gram counts.
    for (const w of surface) {
      if (STOP_WORDS.has(w)) continue;
      const hs = hashesOf(w);
      grams.push(hs);
      total += hs.length;
    }
    counts.reset(total);
    for (const hs of grams) for (const h of hs) counts.add(h);
    for (let k = 0; k < counts.size; k++) {
      const h = counts.keys[k]!;
      const c = counts.counts[k]!;
      const idx = h % dim;
      const sign = (h >>> 16) & 1 ? 1 : -1;
      v[idx] = v[idx]! + sign * (1 + Math.log(c));
    }
    let norm = 0;
    for (let i = 0; i < dim; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < dim; i++) v[i] = v[i]! / norm;
    return v;
  };
  return {
    id: `hashing-char3-5-v2/${dim}`,
    dim,
    portable: { kind: 'hashing', dim },
    async embed(texts) {
      return texts.map((t) => embedWords(words(t)));
    },
    embedWords,
  };
}
