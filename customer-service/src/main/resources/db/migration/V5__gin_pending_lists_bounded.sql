-- New rows wait in a GIN index's pending list (fastupdate) until a vacuum or an insert that finds the list over
-- gin_pending_list_limit (4 MB by default) merges it into the index, and every scan of the index reads the whole
-- list meanwhile. A name search through the trigram index with 2,000 new rows pending (400 pages) took 3.6 ms
-- instead of 0.18 ms with the list bounded to 256 kB (14 pages), PostgreSQL 15, the same rows and query.
-- 256 kB bounds that scan; the merges come 16 times as often and smaller, and no change in the cost of creates or
-- imports showed above their run-to-run spread in the local stack (deploy/load/README.md, 2026-12-01 13:00).
alter index customer_name_trgm_idx set (gin_pending_list_limit = 256);
alter index customer_tags_idx set (gin_pending_list_limit = 256);
