/**
 * The retrieval front door: hybrid search over the indexed chunks, the index store the
 * ingest pipeline writes through, and the embedders. Ranking internals (BM25, fusion
 * weights, query analysis) stay private to this folder; bench/ and test/ reach them directly.
 *
 * Nothing here loads the OpenAI client: `embedderFromConfig` imports it only when the
 * configuration asks for it, so commands that never embed stay light. The LangChain
 * retriever is imported from `./langchain.ts` by those who want it, for the same reason.
 */
export { definitionsIn, search, sectionsTitled, signatureIn, weightedConcepts } from './search.ts';
export type { SearchHit, SearchOptions, WeightedConcept } from './search.ts';
export { contextTerms, readingsOf } from './query.ts';
export { headingParts, joinHeadings, lastHeading } from './heading-path.ts';
export { deleteDocument, deferVectorIndex, ensureEmbeddings, ensureVectorIndex, VECTOR_INDEX_MIN_CHUNKS, writeDocument, writeDocuments, indexTextOf } from './index-store.ts';
export type { IndexChunk, IndexDocument } from './index-store.ts';
export { createHashingEmbedder } from './embedder.ts';
export type { Embedder } from './embedder.ts';
export { embedderFromConfig } from './embedders.ts';
