// Alerts end to end against a local webhook receiver (node:http on 127.0.0.1): each kind fires
// through the gateway's own hooks or timer function, is recorded once, and is delivered in its
// format; a 500 is retried and every attempt is on record; the webhook URL is never shown back.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { gatewayRuntime } from "@/lib/gateway/instance/runtime";
import { startGatewayFixture, type GatewayFixture } from "@/lib/gateway/testing/gateway-fixture";
import { ProviderError } from "@/lib/providers/provider-error";
import { evaluateBudgets } from "@/lib/alerts/budget-watch";
import { configureDelivery, deliveriesSettled } from "@/lib/alerts/deliver";
import { listAlertEvents, listAlertRules } from "./server/list-alerts";
import { StaleEditError } from "@/lib/forms/stale-edit";
import { createAlertRuleSchema, updateAlertRuleSchema } from "./schema";
import { createAlertRule, deleteAlertRule, setAlertRuleEnabled, updateAlertRule } from "./server/save-alert-rule";
import { sendTestAlert } from "./server/send-test-alert";
import { evaluateRefusalSpikes } from "@/lib/alerts/spike-watch";

interface Received {
  path: string;
  body: Record<string, unknown>;
}

let gateway: GatewayFixture;
let receiver: Server;
let base = "";
const received: Received[] = [];
/** Answers for the next requests, in order (then 200). */
const answers: number[] = [];
const editor = { id: null, email: "eng@example.com" };

beforeAll(async () => {
  gateway = await startGatewayFixture("alerts");
  receiver = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk: Buffer) => (text += chunk.toString()));
    request.on("end", () => {
      received.push({ path: request.url ?? "", body: JSON.parse(text) as Record<string, unknown> });
      response.statusCode = answers.shift() ?? 200;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  configureDelivery({ baseDelayMs: 5, timeoutMs: 2_000 });
});
afterAll(async () => {
  await deliveriesSettled();
  await gateway?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function rule(fields: Record<string, unknown>) {
  const input = createAlertRuleSchema.parse({ enabled: true, thresholdPercent: "", featureKey: "", windowMinutes: "", minRequests: "", providerKey: "", ...fields });
  return (await createAlertRule(input, editor)).id;
}

const deliveriesOf = async (eventId: string) => getDb().alertDelivery.findMany({ where: { eventId }, orderBy: { attempt: "asc" } });

describe("budget thresholds", () => {
  it("fire once when gateway spend written to the ledger reaches the threshold, as a JSON POST", async () => {
    // The configured budget (no Publish needed for alerts) is far below what one answer costs.
    await getDb().feature.update({ where: { key: "code-assist" }, data: { monthlyBudgetUsd: 0.01 } });
    const id = await rule({ name: "Code assist 80 %", kind: "budget_threshold", thresholdPercent: "80", featureKey: "code-assist", format: "json", webhookUrl: `${base}/budget/secret-token` });
    for (const upstream of [gateway.local, gateway.hosted, gateway.frontier]) upstream.setReply({ text: "A long answer.", usage: { inputTokens: 20_000, outputTokens: 20_000 } });
    const client = new OpenAI({ baseURL: `${gateway.origin}/api/v1`, apiKey: gateway.apiKey, maxRetries: 0 });
    await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Explain this stack trace." }] }, { headers: { "x-switchyard-feature": "code-assist" } });
    await gateway.flushLedger();
    // The ledger's onWritten hook checks budgets a moment after the write; wait for its alert.
    await expect.poll(async () => getDb().alertEvent.count({ where: { ruleId: id } }), { timeout: 15_000 }).toBe(1);
    await deliveriesSettled();
    const hit = received.find((entry) => entry.path === "/budget/secret-token");
    expect(hit?.body).toMatchObject({ kind: "budget_threshold", rule: "Code assist 80 %", subject: "code-assist", values: { budgetUsd: 0.01, thresholdPercent: 80 }, link: expect.stringMatching(/\/alerts$/) });
    expect(Number((hit?.body.values as { percent: number }).percent)).toBeGreaterThanOrEqual(80);
    expect(typeof hit?.body.occurredAt).toBe("string");

    // Seen again (this process, or two instances at once): still one alert this month.
    const again = await Promise.all([evaluateBudgets(new Date()), evaluateBudgets(new Date())]);
    expect(again.flat()).toEqual([]);
    expect(await getDb().alertEvent.count({ where: { ruleId: id } })).toBe(1);
  });

  it("retries a 500 with back-off and records each attempt", async () => {
    await getDb().feature.update({ where: { key: "research-notebook" }, data: { monthlyBudgetUsd: 100 } });
    await getDb().usageRollup.create({ data: { hour: new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1, 1)), featureKey: "research-notebook", dataClass: "internal", status: "success", requests: 1, costUsd: 100 } });
    const id = await rule({ name: "Research at budget", kind: "budget_threshold", thresholdPercent: "100", featureKey: "research-notebook", format: "slack", webhookUrl: `${base}/retry` });
    answers.push(500, 500);
    const [eventId] = await evaluateBudgets(new Date());
    await deliveriesSettled();
    expect((await deliveriesOf(eventId!)).map((delivery) => [delivery.attempt, delivery.statusCode, delivery.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 200, true],
    ]);
    expect(received.filter((entry) => entry.path === "/retry")).toHaveLength(3);
    expect(received.find((entry) => entry.path === "/retry")?.body).toEqual({ text: expect.stringContaining("research-notebook has spent $100.00 of its $100.00 monthly budget") });
    const [listed] = (await listAlertEvents()).filter((event) => event.id === eventId);
    expect(listed?.deliveries.map((delivery) => delivery.statusCode)).toEqual([500, 500, 200]);
    await deleteAlertRule({ id, version: 1 }, editor);
    // Deleting the rule keeps what it fired.
    expect((await listAlertEvents()).find((event) => event.id === eventId)?.ruleName).toBe("Research at budget");
  });

  it("records an unreachable webhook's errors without the URL's secret, and stops after the last attempt", async () => {
    await getDb().usageRollup.create({ data: { hour: new Date(), featureKey: "contract-review", dataClass: "internal", status: "success", requests: 1, costUsd: 2000 } });
    await rule({ name: "Contract review over", kind: "budget_threshold", thresholdPercent: "100", featureKey: "contract-review", format: "json", webhookUrl: "http://127.0.0.1:9/hooks/very-secret" });
    const [eventId] = await evaluateBudgets(new Date());
    await deliveriesSettled();
    const attempts = await deliveriesOf(eventId!);
    expect(attempts).toHaveLength(4);
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({ ok: false, statusCode: null });
      expect(attempt.error).toBeTruthy();
      expect(attempt.error).not.toContain("very-secret");
    }
  });
});

describe("refusal spikes", () => {
  async function records(featureKey: string, status: "success" | "refused", count: number) {
    const now = Date.now();
    await getDb().decisionRecord.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        id: crypto.randomUUID(),
        createdAt: new Date(now - index),
        featureKey,
        endpoint: "chat.completions",
        requestedModel: "auto",
        dataClass: "internal",
        findings: [],
        promptSha256: "0".repeat(64),
        estimatedInputTokens: 10,
        candidates: [],
        rejected: [],
        trace: [],
        fallbacks: [],
        status,
        httpStatus: status === "refused" ? 403 : 200,
        latencyMs: 5,
      })),
    });
  }

  it("fire once as a Slack message, stay quiet while the spike lasts, and re-arm after it falls back", async () => {
    const id = await rule({ name: "Spike on spike-test", kind: "refusal_spike", thresholdPercent: "20", featureKey: "spike-test", windowMinutes: "5", minRequests: "10", format: "slack", webhookUrl: `${base}/spike` });
    await records("spike-test", "success", 5);
    await records("spike-test", "refused", 5);
    expect(await evaluateRefusalSpikes(new Date())).toHaveLength(1);
    await deliveriesSettled();
    expect(received.filter((entry) => entry.path === "/spike").map((entry) => entry.body)).toEqual([{ text: expect.stringContaining("5 of 10 requests for spike-test were refused in the last 5 minutes (50 %, threshold 20 %)") }]);
    expect(await evaluateRefusalSpikes(new Date())).toEqual([]);

    await records("spike-test", "success", 40); // 5 of 50: back below 20 %, re-armed
    expect(await evaluateRefusalSpikes(new Date())).toEqual([]);
    expect((await getDb().alertArm.findUniqueOrThrow({ where: { ruleId_subject: { ruleId: id, subject: "spike-test" } } })).firingSince).toBeNull();
    await records("spike-test", "refused", 30); // 35 of 80
    expect(await evaluateRefusalSpikes(new Date())).toHaveLength(1);
    expect(await getDb().alertEvent.count({ where: { ruleId: id } })).toBe(2);
  });
});

describe("circuit openings", () => {
  it("fire from the breaker's onOpen hook in the gateway runtime", async () => {
    const id = await rule({ name: "Any circuit", kind: "circuit_open", format: "json", webhookUrl: `${base}/circuit` });
    gatewayRuntime().breaker.onFailure("fake-hosted", new ProviderError({ kind: "rate_limited", message: "Too many requests", status: 429 }));
    await expect.poll(async () => getDb().alertEvent.count({ where: { ruleId: id } }), { timeout: 10_000 }).toBe(1);
    await deliveriesSettled();
    expect(received.find((entry) => entry.path === "/circuit")?.body).toMatchObject({ kind: "circuit_open", subject: "fake-hosted", values: { providerKey: "fake-hosted", lastError: expect.stringContaining("429") } });
    gateway.resetHealth();
  });
});

describe("the console's view", () => {
  it("never returns a saved webhook URL, in the rule list or the change log, and a test send reports the outcome", async () => {
    const id = await rule({ name: "Masked", kind: "circuit_open", format: "slack", webhookUrl: `${base}/services/T000/B000/xoxsecret` });
    const listed = (await listAlertRules()).find((entry) => entry.id === id)!;
    expect(JSON.stringify(listed)).not.toContain("xoxsecret");
    expect(listed.maskedWebhook).toBe(`http://127.0.0.1:${new URL(base).port}/••••••••`);
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "alert rule", entityKey: id } });
    expect(JSON.stringify(change)).not.toContain("xoxsecret");
    expect(await sendTestAlert(id)).toEqual({ statusCode: 200, error: null, ok: true });
    expect(received.at(-1)?.body).toEqual({ text: expect.stringContaining("Test alert from Switchyard (Masked)") });
  });

  it("edits keep the saved URL when it is left blank, replace it when typed, and refuse a stale version", async () => {
    const id = await rule({ name: "Editable", kind: "circuit_open", format: "json", webhookUrl: `${base}/first` });
    const edit = (fields: Record<string, unknown>) => updateAlertRuleSchema.parse({ id, name: "Editable", kind: "circuit_open", enabled: true, thresholdPercent: "", featureKey: "", windowMinutes: "", minRequests: "", providerKey: "", format: "slack", webhookUrl: "", ...fields });
    await updateAlertRule(edit({ version: 1 }), editor);
    expect(await getDb().alertRule.findUniqueOrThrow({ where: { id } })).toMatchObject({ webhookUrl: `${base}/first`, format: "slack", version: 2 });
    await updateAlertRule(edit({ version: 2, webhookUrl: `${base}/second` }), editor);
    expect((await getDb().alertRule.findUniqueOrThrow({ where: { id } })).webhookUrl).toBe(`${base}/second`);
    await expect(updateAlertRule(edit({ version: 2 }), editor)).rejects.toBeInstanceOf(StaleEditError);
    await setAlertRuleEnabled({ id, version: 3, enabled: false }, editor);
    expect((await getDb().configChange.findMany({ where: { entity: "alert rule", entityKey: id }, orderBy: { at: "asc" } })).map((change) => change.action)).toEqual(["create", "update", "update", "disable"]);
  });
});
