-- The decision log's "cost from" filter. Without an index on cost, a search for rare expensive
-- records walked the ("createdAt", id) index filtering every row (about a second at a million
-- records, seconds at more). The finer statistics let the planner see how rare the top costs are
-- (the default 100-bucket histogram guessed 50x too many), so it picks this index for them and
-- the time index for common ones.
CREATE INDEX "DecisionRecord_costUsd_idx" ON "DecisionRecord"("costUsd");
ALTER TABLE "DecisionRecord" ALTER COLUMN "costUsd" SET STATISTICS 1000;
