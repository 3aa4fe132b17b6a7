// The playground against the published policy: the dry run is the gateway's own decision
// (and records nothing); "Run for real" goes through the pipeline as the console user and
// leaves exactly one decision record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { gatewayRuntime } from "@/lib/gateway/instance/runtime";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { publishPolicy } from "@/lib/config/versions/publish-policy";
import { playgroundSchema } from "../schema";
import { dryRunPlayground } from "./dry-run";
import { loadPlaygroundOptions } from "./load-options";
import { runPlayground } from "./run";

const user = { id: "user-playground-1", email: "eng@example.com" };
const request = (fields: Record<string, unknown>) =>
  playgroundSchema.parse({ featureKey: "support-summaries", difficulty: "", dataClass: "", model: "auto", system: "", user: "Summarise: VPN drops hourly.", maxOutputTokens: "", ...fields });

beforeAll(async () => {
  await seedRoutingConfig(getDb());
  await publishPolicy({ note: "playground test", actor: { id: null, email: "test" } });
  await gatewayRuntime().policy.refresh();
});
afterAll(async () => {
  await gatewayRuntime().ledger.flush();
  await disconnectDb();
});

describe("playground", () => {
  it("offers the published policy's features, tiers and models", async () => {
    const options = await loadPlaygroundOptions();
    expect(options?.policyVersion).toBe(1);
    expect(options?.features.map((feature) => feature.key)).toContain("support-summaries");
    expect(options?.models.slice(0, 2).map((model) => model.value)).toEqual(["auto", "tier:local"]);
    expect(options?.models.find((model) => model.value === "llama-3.1-8b")).toMatchObject({ group: "model", simulated: true });
  });

  it("dry-runs with the gateway's engine: a card number keeps the request local, and nothing is recorded", async () => {
    const before = await getDb().decisionRecord.count();
    const result = await dryRunPlayground(request({ system: "You summarise tickets.", user: "Refund card 4242 4242 4242 4242 please", model: "tier:frontier" }));
    expect(result.findings).toEqual([{ type: "payment_card", count: 1, dataClass: "restricted" }]);
    expect(result.decision.dataClass.key).toBe("restricted");
    expect(result.decision.outcome).toMatchObject({ kind: "refused", refusal: { code: "data_class_forbidden" } });
    const auto = await dryRunPlayground(request({ user: "Refund card 4242 4242 4242 4242 please" }));
    expect(auto.decision.candidates.every((candidate) => candidate.tierKey === "local")).toBe(true);
    expect(auto.decision.rejected.some((rejection) => rejection.reason === "data_class")).toBe(true);
    expect(auto.decision.trace.join(" ")).toMatch(/restricted/i);
    await gatewayRuntime().ledger.flush();
    expect(await getDb().decisionRecord.count()).toBe(before);
  });

  it("runs for real through the pipeline as the console user, leaving one decision record", async () => {
    const result = await runPlayground(request({}), user);
    expect(result.kind).toBe("answer");
    if (result.kind !== "answer") return;
    expect(result.text).toMatch(/^\[Simulated llama-3\.1-8b\]/);
    expect(result.served).toMatchObject({ tierKey: "local", simulated: true });
    expect(result.decision.costUsd).not.toBeNull();
    await gatewayRuntime().ledger.flush();
    const record = await getDb().decisionRecord.findUniqueOrThrow({ where: { id: result.decisionId } });
    expect(record).toMatchObject({ apiKeyId: "console:user-playground-1", apiKeyPrefix: "console", featureKey: "support-summaries", endpoint: "playground", dryRun: false, status: "success" });
  });

  it("reports a refusal with the gateway's message and still records it", async () => {
    const result = await runPlayground(request({ user: "Card 4242 4242 4242 4242", model: "tier:frontier" }), user);
    expect(result).toMatchObject({ kind: "refused", status: 403, code: "data_class_forbidden" });
    if (result.kind === "refused") expect(result.decision?.trace.join(" ")).toMatch(/payment card/);
    await gatewayRuntime().ledger.flush();
    expect(await getDb().decisionRecord.findUnique({ where: { id: result.decisionId } })).toMatchObject({ status: "refused", httpStatus: 403 });
  });
});
