-- AlterTable
ALTER TABLE "Model" ADD COLUMN     "embeddingDimensions" INTEGER,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'chat';

-- CreateTable
CREATE TABLE "ModelNameMapping" (
    "id" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "difficulty" TEXT,
    "priority" INTEGER NOT NULL DEFAULT 100,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModelNameMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ModelNameMapping_pattern_key" ON "ModelNameMapping"("pattern");
