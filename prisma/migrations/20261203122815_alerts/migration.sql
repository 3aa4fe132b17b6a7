-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('budget_threshold', 'refusal_spike', 'circuit_open');

-- CreateEnum
CREATE TYPE "AlertFormat" AS ENUM ('slack', 'json');

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "thresholdPercent" DOUBLE PRECISION,
    "featureKey" TEXT,
    "windowMinutes" INTEGER,
    "minRequests" INTEGER,
    "providerKey" TEXT,
    "format" "AlertFormat" NOT NULL,
    "webhookUrl" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertEvent" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT,
    "ruleName" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "message" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,
    "ok" BOOLEAN NOT NULL,
    "attemptedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertArm" (
    "ruleId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "firingSince" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertArm_pkey" PRIMARY KEY ("ruleId","subject")
);

-- CreateIndex
CREATE INDEX "AlertEvent_occurredAt_idx" ON "AlertEvent"("occurredAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AlertEvent_ruleId_subject_period_key" ON "AlertEvent"("ruleId", "subject", "period");

-- CreateIndex
CREATE INDEX "AlertDelivery_eventId_attempt_idx" ON "AlertDelivery"("eventId", "attempt");

-- AddForeignKey
ALTER TABLE "AlertEvent" ADD CONSTRAINT "AlertEvent_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AlertEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertArm" ADD CONSTRAINT "AlertArm_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

