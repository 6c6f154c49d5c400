-- Postings looked up by (chunk, term): re-scoring candidates with very common query
-- terms reads a few index entries instead of whole posting lists. Also serves the
-- cascade delete that the single-column index served.
DROP INDEX IF EXISTS postings_chunk_idx;
CREATE INDEX postings_chunk_term_idx ON postings (chunk_id, term_id) INCLUDE (tf, dl);
