import "server-only";
import { getDb } from "@/lib/db";
import { refuseIfMoved } from "@/lib/config/changes/claim-version";
import { recordChange, type Actor } from "@/lib/config/changes/record-change";

/**
 * Moves a rule one place up or down. Positions are rewritten 10, 20, 30… in the order the
 * engine reads them (position, then key), so ties from older data straighten out; only rules
 * whose position changes get a new version.
 */
export async function moveRoutingRule(input: { key: string; version: number; direction: "up" | "down" }, actor: Actor): Promise<{ position: number }> {
  return getDb().$transaction(async (tx) => {
    const rules = await tx.routingRule.findMany({ orderBy: [{ position: "asc" }, { key: "asc" }], select: { id: true, key: true, position: true, version: true } });
    const index = rules.findIndex((rule) => rule.key === input.key);
    const rule = rules[index];
    if (!rule || rule.version !== input.version) await refuseIfMoved(tx, "routing rule", input.key, { count: 0 }, input.version);
    const target = input.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= rules.length) return { position: rule!.position };

    const order = [...rules];
    [order[index], order[target]] = [order[target]!, order[index]!];
    const before = rules.map((entry) => entry.key);
    for (const [at, entry] of order.entries()) {
      const position = (at + 1) * 10;
      if (entry.position === position) continue;
      const updated = await tx.routingRule.updateMany({ where: { id: entry.id, version: entry.version }, data: { position, version: { increment: 1 } } });
      await refuseIfMoved(tx, "routing rule", entry.key, updated, entry.version);
    }
    await recordChange(tx, actor, {
      entity: "routing rule",
      entityKey: input.key,
      action: `move ${input.direction}`,
      before: { order: before },
      after: { order: order.map((entry) => entry.key) },
    });
    return { position: (target + 1) * 10 };
  });
}
