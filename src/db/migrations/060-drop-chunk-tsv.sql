-- Lexical search reads the BM25 postings; the tsvector column and its GIN index were
-- written on every ingest (a third of a chunk insert's cost) and never read.
DROP INDEX IF EXISTS chunks_tsv_idx;
ALTER TABLE chunks DROP COLUMN IF EXISTS tsv;
