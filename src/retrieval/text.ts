/**
 * Moved to src/language (issue 19 item 4). This re-export keeps src/answer and src/ingest
 * compiling while they are being rewritten; their imports should switch to
 * '../language/index.ts', and then this file goes.
 */
export * from '../language/index.ts';
