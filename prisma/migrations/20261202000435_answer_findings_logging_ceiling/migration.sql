-- AlterTable
ALTER TABLE "DataRuleSettings" ADD COLUMN     "maskedAnswerFindings" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "maxLoggedDataClassKey" TEXT NOT NULL DEFAULT 'confidential';

-- AlterTable
ALTER TABLE "DecisionRecord" ADD COLUMN     "answerFindings" JSONB NOT NULL DEFAULT '[]';
