export { ingestPaths, PIPELINE_VERSION, type IngestSummary, type FileOutcome, type IngestOptions, type IngestDeps } from './pipeline.ts';
export { chunkBlocks, DEFAULT_CHUNKING, type Chunk } from './chunker.ts';
export type { Block, LoadedDoc } from './blocks.ts';
