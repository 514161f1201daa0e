-- Bronze tables are append-only: each file is written once, read once by silver (through the
-- BRIN index on src_file_id, which silver summarises itself), then only by lineage lookups and
-- erasure. Vacuums triggered by inserts only set visibility bits no query uses, and they hold
-- the table's ShareUpdateExclusiveLock: silver's BRIN summary then waited deadlock_timeout for
-- each of them to be cancelled (a first load at scale m: ~8 s of silver's start, cores idle).
-- Vacuums for dead rows (failed loads, erasure) and analyses still run.
ALTER TABLE "bronze_customers" SET (autovacuum_vacuum_insert_threshold = -1);
ALTER TABLE "bronze_products" SET (autovacuum_vacuum_insert_threshold = -1);
ALTER TABLE "bronze_promotions" SET (autovacuum_vacuum_insert_threshold = -1);
ALTER TABLE "bronze_orders" SET (autovacuum_vacuum_insert_threshold = -1);
ALTER TABLE "bronze_order_lines" SET (autovacuum_vacuum_insert_threshold = -1);
ALTER TABLE "bronze_payments" SET (autovacuum_vacuum_insert_threshold = -1);
ALTER TABLE "bronze_returns" SET (autovacuum_vacuum_insert_threshold = -1);
ALTER TABLE "bronze_stock_snapshots" SET (autovacuum_vacuum_insert_threshold = -1);
ALTER TABLE "bronze_web_events" SET (autovacuum_vacuum_insert_threshold = -1);
