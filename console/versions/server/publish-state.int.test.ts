// The publish bar's state is the working configuration compared with the live version — not a
// count of edits since the last publish — and "Discard draft" makes the two equal again.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { discardDraft } from "@/lib/config/versions/discard-draft";
import { loadDraftStatus } from "@/lib/config/versions/draft-status";
import { modelInputSchema, type ModelInput } from "@/console/models/schema";
import { publishPolicy } from "@/lib/config/versions/publish-policy";
import { rollBackPolicy } from "@/lib/config/versions/roll-back-policy";
import { updateModel } from "@/console/models/server/save-model";

const ada = { id: null, email: "ada@example.com" };
const eli = { id: null, email: "eli@example.com" };
const ALIAS = "mistral-7b";

async function editable(alias: string): Promise<ModelInput> {
  const model = await getDb().model.findUniqueOrThrow({ where: { alias }, include: { tier: true, provider: true, licence: true, hardwareProfile: true } });
  const profile = model.hardwareProfile;
  return modelInputSchema.parse({
    alias, version: model.version, providerModelId: model.providerModelId, tierKey: model.tier.key, providerKey: model.provider.key, licenceKey: model.licence?.key ?? "",
    enabled: model.enabled, priority: model.priority, contextWindow: model.contextWindow,
    pricing: profile
      ? { source: "hardware", profile: { id: profile.id, version: profile.version, name: profile.name, purchasePriceUsd: profile.purchasePriceUsd.toNumber(), amortisationMonths: profile.amortisationMonths, watts: profile.watts, usdPerKwh: profile.usdPerKwh.toNumber(), tokensPerDay: profile.tokensPerDay } }
      : { source: "list", inputPricePerMTok: model.inputPricePerMTok?.toNumber() ?? "", outputPricePerMTok: model.outputPricePerMTok?.toNumber() ?? "" },
  });
}

const tierOf = async (alias: string) => (await getDb().model.findUniqueOrThrow({ where: { alias }, include: { tier: true } })).tier.key;

beforeAll(async () => {
  await seedRoutingConfig(getDb());
  await publishPolicy({ note: "publish-state baseline", actor: ada });
});

describe("publish state", () => {
  it("after a publish the working configuration is the live version", async () => {
    expect(await loadDraftStatus()).toMatchObject({ unpublishedChanges: 0, canDiscard: true });
  });

  it("an edit undone by hand leaves nothing to publish", async () => {
    const input = await editable(ALIAS);
    await updateModel({ ...input, priority: input.priority + 5 }, ada);
    expect((await loadDraftStatus()).unpublishedChanges).toBe(1);
    await updateModel({ ...(await editable(ALIAS)), priority: input.priority }, ada);
    expect((await loadDraftStatus()).unpublishedChanges).toBe(0);
  });

  it("after a roll back, the later edits still in the working tables count as unpublished; Discard draft removes them", async () => {
    const before = await tierOf(ALIAS);
    const rolledBackTo = await publishPolicy({ note: "before the move", actor: ada });
    await updateModel({ ...(await editable(ALIAS)), tierKey: before === "hosted-open" ? "local" : "hosted-open" }, ada);
    await publishPolicy({ note: "the move", actor: ada });
    expect((await loadDraftStatus()).unpublishedChanges).toBe(0);

    const live = await rollBackPolicy({ toVersion: rolledBackTo, note: "undo the move", actor: ada });
    const status = await loadDraftStatus();
    expect(status.publishedVersion).toBe(live);
    expect(status.unpublishedChanges).toBeGreaterThan(0);
    expect(status.sample.join(" ")).toContain(ALIAS);

    const result = await discardDraft({ actor: eli, role: "engineer" });
    expect(result).toMatchObject({ version: live });
    expect(result.changed).toBeGreaterThan(0);
    expect(await tierOf(ALIAS)).toBe(before);
    expect((await loadDraftStatus()).unpublishedChanges).toBe(0);
    // Recorded: the model's own change and the discard itself, by who did it.
    const log = await getDb().configChange.findMany({ where: { actorEmail: eli.email }, orderBy: { at: "asc" } });
    expect(log.map((entry) => [entry.entity, entry.action])).toEqual(expect.arrayContaining([["model", "update"], ["draft", "discard"]]));
    expect(log.every((entry) => entry.note?.includes(`live version ${live}`))).toBe(true);
    // Nothing was published by the discard.
    expect((await getDb().policyVersion.findFirstOrThrow({ orderBy: { number: "desc" } })).number).toBe(live);
  });

  it("discarding with nothing to discard changes nothing", async () => {
    const count = await getDb().configChange.count();
    expect((await discardDraft({ actor: eli, role: "engineer" })).changed).toBe(0);
    expect(await getDb().configChange.count()).toBe(count);
  });
});
