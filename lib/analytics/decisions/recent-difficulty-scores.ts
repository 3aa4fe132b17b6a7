import "server-only";
import { getDb } from "@/lib/db";
import { CALIBRATION_WINDOW } from "@/lib/routing/difficulty/calibration";

/**
 * The difficulty estimator's scores of each feature's latest requests (at most
 * CALIBRATION_WINDOW each, newest first by the (featureKey, createdAt) index), ascending and
 * rounded to 3 decimals — what the dial is calibrated on and the feature form previews with.
 * Dry runs count: a playground request is scored like real traffic.
 */
export async function recentDifficultyScores(featureKeys: readonly string[]): Promise<Record<string, number[]>> {
  if (featureKeys.length === 0) return {};
  const rows = await getDb().$queryRaw<Array<{ featureKey: string; scores: number[] | null }>>`
    SELECT f.key AS "featureKey",
           (SELECT array_agg(round(s."difficultyScore"::numeric, 3)::float8 ORDER BY s."difficultyScore")
              FROM (SELECT r."difficultyScore" FROM "DecisionRecord" r
                     WHERE r."featureKey" = f.key AND r."difficultyScore" IS NOT NULL
                     ORDER BY r."createdAt" DESC
                     LIMIT ${CALIBRATION_WINDOW}) s) AS scores
      FROM unnest(${[...featureKeys]}::text[]) AS f(key)`;
  return Object.fromEntries(rows.map((row) => [row.featureKey, row.scores ?? []]));
}
