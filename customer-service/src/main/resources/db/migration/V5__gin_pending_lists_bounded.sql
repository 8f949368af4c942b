-- New rows wait in a GIN index's pending list (fastupdate) until a vacuum or an insert that finds the list over
-- gin_pending_list_limit (4 MB by default) merges it into the index, and every search scans the whole list meanwhile.
-- In the local stack, searches by name (75/s, a tenant of 1,000 customers) after ~4,000 creates cost PostgreSQL
-- 8 ms each instead of 2 (p95 40 ms, p99 84 ms against 9 and 14), depending on how full the list happened to be.
-- 256 kB bounds that scan; the merges come 16 times as often and smaller, and no change in the cost of creates or
-- imports showed above their run-to-run spread (deploy/load/README.md, 2026-12-01 13:35).
alter index customer_name_trgm_idx set (gin_pending_list_limit = 256);
alter index customer_tags_idx set (gin_pending_list_limit = 256);
