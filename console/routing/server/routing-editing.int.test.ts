// Routing rules and the difficulty map edited through the console's services.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { loadRoutingEditor } from "./load-routing-editor";
import { moveRoutingRule } from "./move-routing-rule";
import { routingRuleInputSchema } from "../schema";
import { saveDifficultyMap } from "./save-difficulty-map";
import { createRoutingRule, deleteRoutingRule, setRoutingRuleEnabled, updateRoutingRule } from "./save-routing-rule";
import { StaleEditError } from "@/lib/forms/stale-edit";

const ada = { id: null, email: "ada@example.com" };
const order = async () => (await loadRoutingEditor()).rules.map((rule) => `${rule.position}:${rule.key}`);
const version = async (key: string) => (await getDb().routingRule.findUniqueOrThrow({ where: { key } })).version;

const contractRule = routingRuleInputSchema.parse({
  key: "contracts-to-frontier", version: 0, name: "Contracts need frontier", enabled: true,
  when: { featureKey: "contract-review", minTokens: "", maxTokens: "", keywords: "indemnity, liability cap", difficulty: "" },
  then: { minTierKey: "frontier", maxTierKey: "", pinModelAlias: "" },
});

beforeAll(async () => {
  await seedRoutingConfig(getDb());
});

describe("routing rules", () => {
  it("adds a rule at the end, with keywords split from what was typed", async () => {
    await createRoutingRule(contractRule, ada);
    expect(await order()).toEqual(["10:long-context-to-hosted", "20:proofs-to-frontier", "30:contracts-to-frontier"]);
    const rule = (await loadRoutingEditor()).rules[2];
    expect(rule?.when).toMatchObject({ featureKey: "contract-review", keywords: ["indemnity", "liability cap"] });
  });

  it("moves a rule up and down, renumbering positions and refusing a stale move", async () => {
    const opened = await version("contracts-to-frontier");
    await moveRoutingRule({ key: "contracts-to-frontier", version: opened, direction: "up" }, ada);
    expect(await order()).toEqual(["10:long-context-to-hosted", "20:contracts-to-frontier", "30:proofs-to-frontier"]);
    await expect(moveRoutingRule({ key: "contracts-to-frontier", version: opened, direction: "up" }, ada)).rejects.toBeInstanceOf(StaleEditError);
    await moveRoutingRule({ key: "contracts-to-frontier", version: await version("contracts-to-frontier"), direction: "down" }, ada);
    expect(await order()).toEqual(["10:long-context-to-hosted", "20:proofs-to-frontier", "30:contracts-to-frontier"]);
    // The last rule moving down stays where it is.
    await moveRoutingRule({ key: "contracts-to-frontier", version: await version("contracts-to-frontier"), direction: "down" }, ada);
    expect((await order()).at(-1)).toBe("30:contracts-to-frontier");
  });

  it("edits, disables and deletes, each guarded by the version", async () => {
    const v = await version("long-context-to-hosted");
    const input = routingRuleInputSchema.parse({
      key: "long-context-to-hosted", version: v, name: "Long prompts start at hosted open-weight", enabled: true,
      when: { featureKey: "", minTokens: "7000", maxTokens: "", keywords: "", difficulty: "" },
      then: { minTierKey: "hosted-open", maxTierKey: "", pinModelAlias: "" },
    });
    await updateRoutingRule(input, ada);
    await expect(updateRoutingRule({ ...input, name: "stale" }, ada)).rejects.toBeInstanceOf(StaleEditError);
    await setRoutingRuleEnabled({ key: "long-context-to-hosted", version: v + 1, enabled: false }, ada);
    const rule = (await loadRoutingEditor()).rules.find((entry) => entry.key === "long-context-to-hosted");
    expect(rule).toMatchObject({ enabled: false, when: { minTokens: 7000 } });
    await expect(deleteRoutingRule({ key: "long-context-to-hosted", version: v + 1 }, ada)).rejects.toBeInstanceOf(StaleEditError);
    await deleteRoutingRule({ key: "long-context-to-hosted", version: v + 2 }, ada);
    expect(await order()).not.toContain("10:long-context-to-hosted");
    const log = await getDb().configChange.findMany({ where: { entity: "routing rule", entityKey: "long-context-to-hosted" }, orderBy: { at: "asc" } });
    expect(log.map((entry) => entry.action)).toEqual(["update", "disable", "delete"]);
  });

  it("refuses a maximum tier cheaper than the minimum next to the field", async () => {
    const input = { ...contractRule, key: "impossible", then: { minTierKey: "frontier", maxTierKey: "local", pinModelAlias: null } };
    await expect(createRoutingRule(input, ada)).rejects.toMatchObject({ field: "then.maxTierKey" });
  });
});

describe("difficulty map", () => {
  it("saves a new map and refuses one opened before it", async () => {
    const opened = (await loadRoutingEditor()).difficultyMap;
    expect(opened.tiers).toEqual({ routine: "local", standard: "hosted-open", hard: "frontier" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const saved = await saveDifficultyMap({ version: opened.version, routine: "local", standard: "local", hard: "frontier" }, ada);
    expect(saved.version).toBeGreaterThan(opened.version);
    await expect(saveDifficultyMap({ version: opened.version, routine: "hosted-open", standard: "hosted-open", hard: "frontier" }, ada)).rejects.toThrow(/changed by ada@example\.com/);
    expect((await loadRoutingEditor()).difficultyMap.tiers.standard).toBe("local");
  });
});
