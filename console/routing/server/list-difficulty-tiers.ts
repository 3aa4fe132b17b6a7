import "server-only";
import { getDb } from "@/lib/db";
import { DIFFICULTIES, type Difficulty } from "@/lib/routing/types";

export interface DifficultyTierRow {
  difficulty: Difficulty;
  /** Null when no row exists: the snapshot then falls back to the cheapest tier. */
  tier: { key: string; name: string } | null;
}

/** Each difficulty, easiest first, with the cheapest tier that may serve it. */
export async function listDifficultyTiers(): Promise<DifficultyTierRow[]> {
  const rows = await getDb().difficultyTier.findMany({ include: { tier: { select: { key: true, name: true } } } });
  return DIFFICULTIES.map((difficulty) => {
    const row = rows.find((entry) => entry.difficulty === difficulty);
    return { difficulty, tier: row ? row.tier : null };
  });
}
