-- Decision records keep the engine inputs no other column holds, so What-if can replay them
-- under another policy (lib/replay). Nullable: records written before cannot be replayed and are
-- counted as skipped.

-- AlterTable
ALTER TABLE "DecisionRecord" ADD COLUMN     "replayInput" JSONB;
