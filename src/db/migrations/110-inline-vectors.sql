-- Vector search scans small corpora exactly (issue 20: no HNSW graph below
-- VECTOR_INDEX_MIN_CHUNKS, so no ingest pays for building one). The scan is fast only when each
-- vector is in its chunk's row: out of line (pgvector's default storage) every vector is a
-- TOAST lookup. Vectors up to 1,536 values are stored inline from now on, and the stored ones
-- are rewritten so; the graph is dropped (a corpus large enough for one gets it again from
-- ensureVectorIndex at the next start or ingest, built over the rewritten rows).
DO $$
DECLARE
  dim int := (SELECT atttypmod FROM pg_attribute WHERE attrelid = 'chunks'::regclass AND attname = 'embedding');
BEGIN
  IF dim BETWEEN 1 AND 1536 OR (dim = -1 AND NOT EXISTS (SELECT 1 FROM chunks WHERE vector_dims(embedding) > 1536)) THEN
    DROP INDEX IF EXISTS chunks_embedding_idx;
    ALTER TABLE chunks ALTER COLUMN embedding SET STORAGE PLAIN;
    UPDATE chunks SET embedding = (embedding::real[])::vector WHERE embedding IS NOT NULL;
  END IF;
END $$;
