-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'engineer', 'finance', 'auditor');

-- CreateEnum
CREATE TYPE "ProviderKind" AS ENUM ('openai', 'anthropic', 'openai-compatible', 'simulator');

-- CreateEnum
CREATE TYPE "CommercialUse" AS ENUM ('allowed', 'restricted', 'forbidden');

-- CreateEnum
CREATE TYPE "ClassificationRuleKind" AS ENUM ('detector', 'regex', 'keywords');

-- CreateEnum
CREATE TYPE "Difficulty" AS ENUM ('routine', 'standard', 'hard');

-- CreateEnum
CREATE TYPE "BudgetAction" AS ENUM ('downgrade', 'block');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('success', 'fallback_success', 'refused', 'error');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tier" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Provider" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ProviderKind" NOT NULL,
    "baseUrl" TEXT,
    "apiKeyEnv" TEXT,
    "region" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "simulatedLatencyMs" INTEGER NOT NULL DEFAULT 0,
    "simulatedFailureRate" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HardwareProfile" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "purchasePriceUsd" DECIMAL(12,2) NOT NULL,
    "amortisationMonths" INTEGER NOT NULL,
    "watts" INTEGER NOT NULL,
    "usdPerKwh" DECIMAL(8,4) NOT NULL,
    "tokensPerDay" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HardwareProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Licence" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "commercialUse" "CommercialUse" NOT NULL,
    "userCap" INTEGER,
    "restrictedJurisdictions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "acceptableUseNotes" TEXT NOT NULL DEFAULT '',
    "jurisdictionNotes" TEXT NOT NULL DEFAULT '',
    "sourceUrl" TEXT,
    "reviewedBy" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Licence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Model" (
    "id" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "providerModelId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,
    "contextWindow" INTEGER NOT NULL,
    "inputPricePerMTok" DECIMAL(12,6),
    "outputPricePerMTok" DECIMAL(12,6),
    "hardwareProfileId" TEXT,
    "licenceId" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "priority" INTEGER NOT NULL DEFAULT 100,
    "isBaseline" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataClass" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "allowedRegions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataClass_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "DataClassTier" (
    "dataClassKey" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,

    CONSTRAINT "DataClassTier_pkey" PRIMARY KEY ("dataClassKey","tierId")
);

-- CreateTable
CREATE TABLE "ClassificationRule" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ClassificationRuleKind" NOT NULL,
    "detector" TEXT,
    "pattern" TEXT,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "dataClassKey" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClassificationRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DifficultyTier" (
    "difficulty" "Difficulty" NOT NULL,
    "tierId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DifficultyTier_pkey" PRIMARY KEY ("difficulty")
);

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "whenFeatureKey" TEXT,
    "whenMinTokens" INTEGER,
    "whenMaxTokens" INTEGER,
    "whenKeywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "whenDifficulty" "Difficulty",
    "minTierId" TEXT,
    "maxTierId" TEXT,
    "pinModelId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feature" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "monthlyBudgetUsd" DECIMAL(12,2),
    "budgetAction" "BudgetAction" NOT NULL DEFAULT 'downgrade',
    "defaultDifficulty" "Difficulty" NOT NULL DEFAULT 'standard',
    "defaultDataClassKey" TEXT NOT NULL DEFAULT 'internal',
    "allowPromptLogging" BOOLEAN NOT NULL DEFAULT false,
    "commercial" BOOLEAN NOT NULL DEFAULT true,
    "monthlyActiveUsers" INTEGER,
    "jurisdictions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "rateLimitPerMinute" INTEGER,
    "defaultFeatureKey" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKeyFeature" (
    "apiKeyId" TEXT NOT NULL,
    "featureId" TEXT NOT NULL,

    CONSTRAINT "ApiKeyFeature_pkey" PRIMARY KEY ("apiKeyId","featureId")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "number" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rolledBackFrom" INTEGER,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "ConfigChange" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityKey" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "note" TEXT,

    CONSTRAINT "ConfigChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionRecord" (
    "id" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "apiKeyId" TEXT,
    "apiKeyPrefix" TEXT,
    "featureKey" TEXT,
    "team" TEXT,
    "endpoint" TEXT NOT NULL,
    "requestedModel" TEXT NOT NULL,
    "policyVersion" INTEGER,
    "dataClass" TEXT NOT NULL,
    "findings" JSONB NOT NULL,
    "promptSha256" TEXT NOT NULL,
    "prompt" TEXT,
    "difficulty" TEXT,
    "stream" BOOLEAN NOT NULL DEFAULT false,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "estimatedInputTokens" INTEGER NOT NULL,
    "requestedOutputTokens" INTEGER,
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "tierKey" TEXT,
    "modelAlias" TEXT,
    "providerKey" TEXT,
    "escalationReason" TEXT,
    "candidates" JSONB NOT NULL,
    "rejected" JSONB NOT NULL,
    "trace" JSONB NOT NULL,
    "fallbacks" JSONB NOT NULL,
    "status" "DecisionStatus" NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "errorCode" TEXT,
    "refusalConstraint" TEXT,
    "latencyMs" INTEGER NOT NULL,
    "ttftMs" INTEGER,
    "costUsd" DECIMAL(18,8),
    "baselineCostUsd" DECIMAL(18,8),
    "synthetic" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DecisionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageRollup" (
    "id" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(0) NOT NULL,
    "featureKey" TEXT NOT NULL DEFAULT '',
    "team" TEXT NOT NULL DEFAULT '',
    "tierKey" TEXT NOT NULL DEFAULT '',
    "modelAlias" TEXT NOT NULL DEFAULT '',
    "apiKeyId" TEXT NOT NULL DEFAULT '',
    "dataClass" TEXT NOT NULL,
    "status" "DecisionStatus" NOT NULL,
    "escalationReason" TEXT NOT NULL DEFAULT '',
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

    CONSTRAINT "UsageRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Tier_key_key" ON "Tier"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Tier_rank_key" ON "Tier"("rank");

-- CreateIndex
CREATE UNIQUE INDEX "Provider_key_key" ON "Provider"("key");

-- CreateIndex
CREATE UNIQUE INDEX "HardwareProfile_name_key" ON "HardwareProfile"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Licence_key_key" ON "Licence"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Model_alias_key" ON "Model"("alias");

-- CreateIndex
CREATE INDEX "Model_tierId_idx" ON "Model"("tierId");

-- CreateIndex
CREATE UNIQUE INDEX "DataClass_rank_key" ON "DataClass"("rank");

-- CreateIndex
CREATE UNIQUE INDEX "ClassificationRule_key_key" ON "ClassificationRule"("key");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingRule_key_key" ON "RoutingRule"("key");

-- CreateIndex
CREATE INDEX "RoutingRule_position_idx" ON "RoutingRule"("position");

-- CreateIndex
CREATE UNIQUE INDEX "Feature_key_key" ON "Feature"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ConfigChange_at_idx" ON "ConfigChange"("at" DESC);

-- CreateIndex
CREATE INDEX "ConfigChange_entity_entityKey_idx" ON "ConfigChange"("entity", "entityKey");

-- CreateIndex
CREATE INDEX "DecisionRecord_createdAt_idx" ON "DecisionRecord"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "DecisionRecord_apiKeyId_createdAt_idx" ON "DecisionRecord"("apiKeyId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "DecisionRecord_featureKey_createdAt_idx" ON "DecisionRecord"("featureKey", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "DecisionRecord_status_createdAt_idx" ON "DecisionRecord"("status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "UsageRollup_hour_idx" ON "UsageRollup"("hour");

-- CreateIndex
CREATE UNIQUE INDEX "UsageRollup_hour_featureKey_tierKey_modelAlias_apiKeyId_dat_key" ON "UsageRollup"("hour", "featureKey", "tierKey", "modelAlias", "apiKeyId", "dataClass", "status", "escalationReason", "synthetic");

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "Tier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_hardwareProfileId_fkey" FOREIGN KEY ("hardwareProfileId") REFERENCES "HardwareProfile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_licenceId_fkey" FOREIGN KEY ("licenceId") REFERENCES "Licence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataClassTier" ADD CONSTRAINT "DataClassTier_dataClassKey_fkey" FOREIGN KEY ("dataClassKey") REFERENCES "DataClass"("key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataClassTier" ADD CONSTRAINT "DataClassTier_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "Tier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassificationRule" ADD CONSTRAINT "ClassificationRule_dataClassKey_fkey" FOREIGN KEY ("dataClassKey") REFERENCES "DataClass"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DifficultyTier" ADD CONSTRAINT "DifficultyTier_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "Tier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_minTierId_fkey" FOREIGN KEY ("minTierId") REFERENCES "Tier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_maxTierId_fkey" FOREIGN KEY ("maxTierId") REFERENCES "Tier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_pinModelId_fkey" FOREIGN KEY ("pinModelId") REFERENCES "Model"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feature" ADD CONSTRAINT "Feature_defaultDataClassKey_fkey" FOREIGN KEY ("defaultDataClassKey") REFERENCES "DataClass"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKeyFeature" ADD CONSTRAINT "ApiKeyFeature_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKeyFeature" ADD CONSTRAINT "ApiKeyFeature_featureId_fkey" FOREIGN KEY ("featureId") REFERENCES "Feature"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfigChange" ADD CONSTRAINT "ConfigChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
