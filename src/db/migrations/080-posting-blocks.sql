-- BM25 postings as blocks: one row per term and block of up to 4,096 postings in ascending
-- chunk id, each packed as three unsigned LEB128 varints (the chunk id's gap from the
-- previous posting, from 0 for the first; tf; the chunk length: src/retrieval/postings.ts),
-- instead of one row per (term, chunk). An ingest writes one row per distinct term rather
-- than one per posting, and a search reads a term's postings as a few values that Pandu
-- sums in memory. Blocks of a term never share a chunk; their first chunk identifies them.
-- Stored uncompressed (EXTERNAL): reading a common term's list does not decompress it.
CREATE TABLE posting_blocks (
  term_id integer NOT NULL REFERENCES terms (id),
  first_chunk integer NOT NULL,
  last_chunk integer NOT NULL,
  n integer NOT NULL,
  postings bytea NOT NULL,
  PRIMARY KEY (term_id, first_chunk)
);
ALTER TABLE posting_blocks ALTER COLUMN postings SET STORAGE EXTERNAL;

-- The terms each chunk holds: removing a document finds the blocks to rewrite (and the df
-- to lower) from its chunks alone.
ALTER TABLE chunks ADD COLUMN term_ids integer[] NOT NULL DEFAULT '{}';
-- Blocks per term, so a write sees at once which terms' small blocks are due to be merged.
ALTER TABLE terms ADD COLUMN blocks integer NOT NULL DEFAULT 0;

-- An upgraded database keeps its index: the posting rows are packed into blocks.
CREATE FUNCTION pg_temp.varint(v bigint) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN v < 128 THEN set_byte('\x00'::bytea, 0, v::int)
    WHEN v < 16384 THEN set_byte(set_byte('\x0000'::bytea, 0, (v & 127 | 128)::int), 1, (v >> 7)::int)
    WHEN v < 2097152 THEN set_byte(set_byte(set_byte('\x000000'::bytea, 0, (v & 127 | 128)::int), 1, (v >> 7 & 127 | 128)::int), 2, (v >> 14)::int)
    WHEN v < 268435456 THEN set_byte(set_byte(set_byte(set_byte('\x00000000'::bytea, 0, (v & 127 | 128)::int), 1, (v >> 7 & 127 | 128)::int),
                                     2, (v >> 14 & 127 | 128)::int), 3, (v >> 21)::int)
    ELSE set_byte(set_byte(set_byte(set_byte(set_byte('\x0000000000'::bytea, 0, (v & 127 | 128)::int), 1, (v >> 7 & 127 | 128)::int),
                                    2, (v >> 14 & 127 | 128)::int), 3, (v >> 21 & 127 | 128)::int), 4, (v >> 28)::int)
  END
$$;
INSERT INTO posting_blocks (term_id, first_chunk, last_chunk, n, postings)
SELECT term_id, min(chunk_id), max(chunk_id), count(*),
       string_agg(pg_temp.varint(gap) || pg_temp.varint(tf) || pg_temp.varint(dl), ''::bytea ORDER BY chunk_id)
  FROM (SELECT term_id, part, chunk_id, tf, dl,
               chunk_id - COALESCE(lag(chunk_id) OVER (PARTITION BY term_id, part ORDER BY chunk_id), 0) AS gap
          FROM (SELECT term_id, chunk_id, tf, dl,
                       (row_number() OVER (PARTITION BY term_id ORDER BY chunk_id) - 1) / 4096 AS part
                  FROM postings) p) q
 GROUP BY term_id, part;
DROP FUNCTION pg_temp.varint(bigint);
UPDATE chunks c SET term_ids = x.ids
  FROM (SELECT chunk_id, array_agg(term_id ORDER BY term_id) AS ids FROM postings GROUP BY chunk_id) x
 WHERE c.id = x.chunk_id;
UPDATE terms t SET blocks = x.c
  FROM (SELECT term_id, count(*) AS c FROM posting_blocks GROUP BY term_id) x
 WHERE t.id = x.term_id;
DROP TABLE postings;
