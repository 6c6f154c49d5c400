-- Ingest writes (issue 20). Every write raises df and blocks of the terms it touches: with
-- room left on each page an update stays on its page (a HOT update) instead of adding a
-- tuple to both of the table's indexes.
ALTER TABLE terms SET (fillfactor = 70);
-- Posting blocks referred to terms by a foreign key, checked once per block written (60 % of
-- what inserting a group's blocks cost the server). Terms are never deleted, and blocks are
-- written only with the ids the same transaction read or inserted under the bm25_stats lock.
ALTER TABLE posting_blocks DROP CONSTRAINT IF EXISTS posting_blocks_term_id_fkey;
