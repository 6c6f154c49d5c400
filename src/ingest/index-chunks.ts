import { termCounts, words } from '../language/index.ts';
import { indexTextOf, type Embedder, type IndexChunk } from '../retrieval/index.ts';
import type { Block } from './blocks.ts';
import { chunkBlocks } from './chunker.ts';

/**
 * A document's chunks as the index takes them: the text they are indexed by, its term
 * counts and, when an embedder is given, their vectors. Runs in the parse worker for
 * parsed files (off the main thread), in the calling process for the rest.
 */
export async function indexChunks(title: string, blocks: readonly Block[], embedder: Embedder | null): Promise<IndexChunk[]> {
  const chunks = chunkBlocks(blocks);
  const texts = chunks.map((c) => indexTextOf(title, c.heading, c.text));
  if (embedder?.embedWords) {
    // The offline embedder and the term counts read the same words: the text is split once.
    const embedWords = embedder.embedWords;
    return chunks.map((c, i) => {
      const surface = words(texts[i]!);
      return { ...c, indexText: texts[i]!, counts: termCounts(texts[i]!, surface), embedding: embedWords(surface) };
    });
  }
  const vectors = embedder ? await embedder.embed(texts) : [];
  return chunks.map((c, i) => ({ ...c, indexText: texts[i]!, counts: termCounts(texts[i]!), embedding: vectors[i] ?? null }));
}
