-- The difficulty estimator: each decision record keeps the request's score; a feature keeps its
-- dial (target frontier share) and the threshold calibrated for it.

-- AlterTable
ALTER TABLE "DecisionRecord" ADD COLUMN     "difficultyScore" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Feature" ADD COLUMN     "estimatorFrontierShare" DOUBLE PRECISION,
ADD COLUMN     "estimatorThreshold" DOUBLE PRECISION;
