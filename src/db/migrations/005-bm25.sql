-- BM25 over the database: term statistics and postings with the term frequency and
-- chunk length, so scores use the current N and average length at query time.
CREATE TABLE terms (
  id serial PRIMARY KEY,
  term text NOT NULL UNIQUE,
  df integer NOT NULL DEFAULT 0
);

CREATE TABLE postings (
  term_id integer NOT NULL REFERENCES terms (id),
  chunk_id integer NOT NULL REFERENCES chunks (id) ON DELETE CASCADE,
  tf integer NOT NULL,
  dl integer NOT NULL
);
CREATE INDEX postings_term_idx ON postings (term_id) INCLUDE (chunk_id, tf, dl);
CREATE INDEX postings_chunk_idx ON postings (chunk_id);

CREATE TABLE bm25_stats (
  id integer PRIMARY KEY CHECK (id = 1),
  n bigint NOT NULL,
  total_len bigint NOT NULL
);
INSERT INTO bm25_stats (id, n, total_len) VALUES (1, 0, 0);

ALTER TABLE chunks ADD COLUMN length integer NOT NULL DEFAULT 0;
