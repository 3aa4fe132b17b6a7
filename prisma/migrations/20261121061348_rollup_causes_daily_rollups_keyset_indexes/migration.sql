/*
  Warnings:

  - A unique constraint covering the columns `[hour,featureKey,tierKey,modelAlias,apiKeyId,dataClass,status,escalationReason,refusalConstraint,fallbackCause,synthetic]` on the table `UsageRollup` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "DecisionRecord_apiKeyId_createdAt_idx";

-- DropIndex
DROP INDEX "DecisionRecord_createdAt_idx";

-- DropIndex
DROP INDEX "DecisionRecord_featureKey_createdAt_idx";

-- DropIndex
DROP INDEX "DecisionRecord_status_createdAt_idx";

-- DropIndex
DROP INDEX "UsageRollup_hour_featureKey_tierKey_modelAlias_apiKeyId_dat_key";

-- AlterTable
ALTER TABLE "UsageRollup" ADD COLUMN     "fallbackCause" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "refusalConstraint" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "DailyUsageRollup" (
    "day" DATE NOT NULL,
    "featureKey" TEXT NOT NULL DEFAULT '',
    "team" TEXT NOT NULL DEFAULT '',
    "tierKey" TEXT NOT NULL DEFAULT '',
    "modelAlias" TEXT NOT NULL DEFAULT '',
    "apiKeyId" TEXT NOT NULL DEFAULT '',
    "dataClass" TEXT NOT NULL,
    "status" "DecisionStatus" NOT NULL,
    "escalationReason" TEXT NOT NULL DEFAULT '',
    "refusalConstraint" TEXT NOT NULL DEFAULT '',
    "fallbackCause" TEXT NOT NULL DEFAULT '',
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "fallbacks" INTEGER NOT NULL DEFAULT 0,
    "unpricedRequests" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" BIGINT NOT NULL DEFAULT 0,
    "outputTokens" BIGINT NOT NULL DEFAULT 0,
    "costUsd" DECIMAL(18,8) NOT NULL DEFAULT 0,
    "baselineCostUsd" DECIMAL(18,8) NOT NULL DEFAULT 0,
    "latencyMsSum" BIGINT NOT NULL DEFAULT 0,
    "latencyBuckets" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "ttftBuckets" INTEGER[] DEFAULT ARRAY[]::INTEGER[],

    CONSTRAINT "DailyUsageRollup_pkey" PRIMARY KEY ("day","featureKey","tierKey","modelAlias","apiKeyId","dataClass","status","escalationReason","refusalConstraint","fallbackCause","synthetic")
);

-- CreateIndex
CREATE INDEX "DecisionRecord_createdAt_id_idx" ON "DecisionRecord"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "DecisionRecord_apiKeyId_createdAt_id_idx" ON "DecisionRecord"("apiKeyId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "DecisionRecord_featureKey_createdAt_id_idx" ON "DecisionRecord"("featureKey", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "DecisionRecord_status_createdAt_id_idx" ON "DecisionRecord"("status", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "UsageRollup_hour_featureKey_tierKey_modelAlias_apiKeyId_dat_key" ON "UsageRollup"("hour", "featureKey", "tierKey", "modelAlias", "apiKeyId", "dataClass", "status", "escalationReason", "refusalConstraint", "fallbackCause", "synthetic");

-- Backfill: the cost dashboards read the daily table, so existing hourly totals are folded into it
-- (UTC days; histograms summed bucket by bucket, 24 buckets as in lib/ledger/histogram.ts).
INSERT INTO "DailyUsageRollup" ("day", "featureKey", "tierKey", "modelAlias", "apiKeyId", "dataClass", "status", "escalationReason", "refusalConstraint", "fallbackCause", "synthetic", "team", "requests", "fallbacks", "unpricedRequests", "inputTokens", "outputTokens", "costUsd", "baselineCostUsd", "latencyMsSum", "latencyBuckets", "ttftBuckets")
SELECT ("hour" AT TIME ZONE 'UTC')::date, "featureKey", "tierKey", "modelAlias", "apiKeyId", "dataClass", "status", "escalationReason", "refusalConstraint", "fallbackCause", "synthetic", MAX("team"), SUM("requests"), SUM("fallbacks"), SUM("unpricedRequests"), SUM("inputTokens"), SUM("outputTokens"), SUM("costUsd"), SUM("baselineCostUsd"), SUM("latencyMsSum"),
  ARRAY[COALESCE(SUM("latencyBuckets"[1]), 0), COALESCE(SUM("latencyBuckets"[2]), 0), COALESCE(SUM("latencyBuckets"[3]), 0), COALESCE(SUM("latencyBuckets"[4]), 0), COALESCE(SUM("latencyBuckets"[5]), 0), COALESCE(SUM("latencyBuckets"[6]), 0), COALESCE(SUM("latencyBuckets"[7]), 0), COALESCE(SUM("latencyBuckets"[8]), 0), COALESCE(SUM("latencyBuckets"[9]), 0), COALESCE(SUM("latencyBuckets"[10]), 0), COALESCE(SUM("latencyBuckets"[11]), 0), COALESCE(SUM("latencyBuckets"[12]), 0), COALESCE(SUM("latencyBuckets"[13]), 0), COALESCE(SUM("latencyBuckets"[14]), 0), COALESCE(SUM("latencyBuckets"[15]), 0), COALESCE(SUM("latencyBuckets"[16]), 0), COALESCE(SUM("latencyBuckets"[17]), 0), COALESCE(SUM("latencyBuckets"[18]), 0), COALESCE(SUM("latencyBuckets"[19]), 0), COALESCE(SUM("latencyBuckets"[20]), 0), COALESCE(SUM("latencyBuckets"[21]), 0), COALESCE(SUM("latencyBuckets"[22]), 0), COALESCE(SUM("latencyBuckets"[23]), 0), COALESCE(SUM("latencyBuckets"[24]), 0)]::INTEGER[],
  CASE WHEN MAX(cardinality("ttftBuckets")) > 0 THEN ARRAY[COALESCE(SUM("ttftBuckets"[1]), 0), COALESCE(SUM("ttftBuckets"[2]), 0), COALESCE(SUM("ttftBuckets"[3]), 0), COALESCE(SUM("ttftBuckets"[4]), 0), COALESCE(SUM("ttftBuckets"[5]), 0), COALESCE(SUM("ttftBuckets"[6]), 0), COALESCE(SUM("ttftBuckets"[7]), 0), COALESCE(SUM("ttftBuckets"[8]), 0), COALESCE(SUM("ttftBuckets"[9]), 0), COALESCE(SUM("ttftBuckets"[10]), 0), COALESCE(SUM("ttftBuckets"[11]), 0), COALESCE(SUM("ttftBuckets"[12]), 0), COALESCE(SUM("ttftBuckets"[13]), 0), COALESCE(SUM("ttftBuckets"[14]), 0), COALESCE(SUM("ttftBuckets"[15]), 0), COALESCE(SUM("ttftBuckets"[16]), 0), COALESCE(SUM("ttftBuckets"[17]), 0), COALESCE(SUM("ttftBuckets"[18]), 0), COALESCE(SUM("ttftBuckets"[19]), 0), COALESCE(SUM("ttftBuckets"[20]), 0), COALESCE(SUM("ttftBuckets"[21]), 0), COALESCE(SUM("ttftBuckets"[22]), 0), COALESCE(SUM("ttftBuckets"[23]), 0), COALESCE(SUM("ttftBuckets"[24]), 0)]::INTEGER[] ELSE ARRAY[]::INTEGER[] END
FROM "UsageRollup"
GROUP BY 1, "featureKey", "tierKey", "modelAlias", "apiKeyId", "dataClass", "status", "escalationReason", "refusalConstraint", "fallbackCause", "synthetic";
