import { modelServerClient, type ModelServerOptions } from '../model-server.ts';
import { STOP_WORDS, words } from '../language/index.ts';

/** Turns texts into vectors; one interface for the offline and the model-server embedders. */
export interface Embedder {
  /** Identifies model and dimension; a change re-embeds every chunk. */
  readonly id: string;
  readonly dim: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Offline embedder: character 3- to 5-grams of the content words (stop words dropped), hashed with signs
 * into a fixed-size vector (feature hashing), log-scaled counts, L2-normalised. It is
 * not a semantic model: it captures spelling similarity (affixes, typos, shared word
 * pieces), which complements BM25; it knows no synonyms.
 */
export function createHashingEmbedder(dim = 512): Embedder {
  return {
    id: `hashing-char3-5-v2/${dim}`,
    dim,
    async embed(texts) {
      return texts.map((text) => {
        const v = new Float32Array(dim);
        const counts = new Map<number, number>();
        // Content words only: function words would dominate the n-gram counts.
        for (const w of words(text)) {
          if (STOP_WORDS.has(w)) continue;
          const s = ` ${w} `;
          for (let n = 3; n <= 5; n++) {
            for (let i = 0; i + n <= s.length; i++) {
              const h = fnv1a(s.slice(i, i + n));
              counts.set(h, (counts.get(h) ?? 0) + 1);
            }
          }
        }
        for (const [h, c] of counts) {
          const idx = h % dim;
          const sign = (h >>> 16) & 1 ? 1 : -1;
          v[idx] = v[idx]! + sign * (1 + Math.log(c));
        }
        let norm = 0;
        for (let i = 0; i < dim; i++) norm += v[i]! * v[i]!;
        norm = Math.sqrt(norm) || 1;
        for (let i = 0; i < dim; i++) v[i] = v[i]! / norm;
        return v;
      });
    },
  };
}

/** Embeddings from any OpenAI-compatible server (OpenAI, vLLM, Ollama, TEI …). */
export async function createOpenAiEmbedder(options: ModelServerOptions & { model: string }): Promise<Embedder> {
  const client = modelServerClient(options, { timeoutMs: 30_000, maxRetries: 2 });
  const call = async (texts: readonly string[]) => {
    const res = await client.embeddings.create({ model: options.model, input: [...texts] });
    return res.data.sort((a, b) => a.index - b.index).map((d) => Float32Array.from(d.embedding));
  };
  const [probe] = await call(['dimensi']);
  const dim = probe!.length;
  return {
    id: `openai:${options.model}/${dim}`,
    dim,
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += 64) out.push(...(await call(texts.slice(i, i + 64))));
      return out;
    },
  };
}
