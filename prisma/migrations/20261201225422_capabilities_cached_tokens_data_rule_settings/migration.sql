-- AlterTable
ALTER TABLE "DailyUsageRollup" ADD COLUMN     "cacheSavingsUsd" DECIMAL(18,8) NOT NULL DEFAULT 0,
ADD COLUMN     "cacheWriteTokens" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "cachedInputTokens" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "estimatedRequests" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "DecisionRecord" ADD COLUMN     "cacheSavingsUsd" DECIMAL(18,8),
ADD COLUMN     "cacheWriteTokens" INTEGER,
ADD COLUMN     "cachedInputTokens" INTEGER,
ADD COLUMN     "capabilities" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "reasoningTokens" INTEGER,
ADD COLUMN     "toolCalls" INTEGER,
ADD COLUMN     "usageEstimated" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Model" ADD COLUMN     "cacheWritePricePerMTok" DECIMAL(12,6),
ADD COLUMN     "cachedInputPricePerMTok" DECIMAL(12,6),
ADD COLUMN     "catalogueRef" TEXT,
ADD COLUMN     "longContextInputPricePerMTok" DECIMAL(12,6),
ADD COLUMN     "longContextOutputPricePerMTok" DECIMAL(12,6),
ADD COLUMN     "longContextThresholdTokens" INTEGER,
ADD COLUMN     "maxOutputTokens" INTEGER,
ADD COLUMN     "supportsImages" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "supportsReasoning" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "supportsStructuredOutput" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "supportsTools" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "UsageRollup" ADD COLUMN     "cacheSavingsUsd" DECIMAL(18,8) NOT NULL DEFAULT 0,
ADD COLUMN     "cacheWriteTokens" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "cachedInputTokens" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "estimatedRequests" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "DataRuleSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "unscannableDataClassKey" TEXT NOT NULL DEFAULT 'confidential',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataRuleSettings_pkey" PRIMARY KEY ("id")
);
