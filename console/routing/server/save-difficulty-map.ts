import "server-only";
import { getDb } from "@/lib/db";
import { DIFFICULTY_MAP_ENTITY, DIFFICULTY_MAP_KEY } from "@/lib/config/changes/change-entities";
import { DIFFICULTIES, type Difficulty } from "@/lib/routing/types";
import { assertVersion, recordChange, type Actor } from "@/lib/config/changes/record-change";
import type { DifficultyMapInput } from "../schema";
import { ConfigRuleError } from "@/lib/forms/stale-edit";

/**
 * DifficultyTier has no version column: the newest updatedAt of its rows (epoch ms) stands in
 * for one, so a stale form is still refused. Rows are touched only when their tier changes.
 */
export function difficultyMapVersion(rows: Array<{ updatedAt: Date }>): number {
  return rows.reduce((newest, row) => Math.max(newest, row.updatedAt.getTime()), 0);
}

export async function saveDifficultyMap(input: DifficultyMapInput, actor: Actor): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    // Row locks first: two editors saving at once take turns, and the second sees the first's version.
    await tx.$queryRaw`SELECT difficulty FROM "DifficultyTier" FOR UPDATE`;
    const rows = await tx.difficultyTier.findMany({ include: { tier: { select: { key: true } } } });
    await assertVersion(tx, DIFFICULTY_MAP_ENTITY, DIFFICULTY_MAP_KEY, { version: difficultyMapVersion(rows) }, input.version);
    const before = Object.fromEntries(DIFFICULTIES.map((difficulty) => [difficulty, rows.find((row) => row.difficulty === difficulty)?.tier.key ?? null]));
    const after = { routine: input.routine, standard: input.standard, hard: input.hard };
    let changed = false;
    for (const difficulty of DIFFICULTIES) {
      const tierKey = after[difficulty as Difficulty];
      if (before[difficulty] === tierKey) continue;
      const tier = await tx.tier.findUnique({ where: { key: tierKey }, select: { id: true } });
      if (!tier) throw new ConfigRuleError(`The tier "${tierKey}" no longer exists — reload.`, difficulty);
      await tx.difficultyTier.upsert({ where: { difficulty }, create: { difficulty, tierId: tier.id }, update: { tierId: tier.id } });
      changed = true;
    }
    if (changed) await recordChange(tx, actor, { entity: DIFFICULTY_MAP_ENTITY, entityKey: DIFFICULTY_MAP_KEY, action: "update", before, after });
    return { version: difficultyMapVersion(await tx.difficultyTier.findMany({ select: { updatedAt: true } })) };
  });
}
