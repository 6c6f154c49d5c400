export { ingestPaths, PIPELINE_VERSION, type IngestSummary, type FileOutcome, type IngestOptions, type IngestDeps } from './pipeline.ts';
export { chunkBlocks, DEFAULT_CHUNKING, type Chunk } from './chunker.ts';
export type { Block, LoadedDoc } from './blocks.ts';
export { ingestFile, type FileInput } from './pipeline.ts';
export { MAX_FILE_BYTES } from './limits.ts';
export { isHttpAddress, SOURCES_FILE } from './addresses.ts';
export {
  listDocuments,
  documentById,
  ingestUpload,
  reingestDocument,
  safeFileName,
  UPLOAD_KINDS,
  SUPPORTED_UPLOADS,
  type DocumentRow,
  type UploadKind,
} from './documents.ts';
export { lastIngestRun, removeDocument, recordIngestRun, type IngestRun, type RunCounts } from './runs.ts';
