import { describe, expect, it } from "vitest";
import { createAlertRuleSchema, updateAlertRuleSchema } from "./schema";

const form = { name: "Rule", kind: "budget_threshold", enabled: true, thresholdPercent: "80", featureKey: "", windowMinutes: "", minRequests: "", providerKey: "", format: "slack", webhookUrl: "https://hooks.slack.com/services/T/B/x" };
const errorsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) => Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("the alert-rule form", () => {
  it("parses what the form sends: percent as a number, blank feature as every feature", () => {
    expect(createAlertRuleSchema.parse({ ...form, thresholdPercent: "80 %" })).toMatchObject({ thresholdPercent: 80, featureKey: null, windowMinutes: null });
  });

  it("asks each kind for what it needs", () => {
    expect(errorsOf(createAlertRuleSchema.safeParse({ ...form, thresholdPercent: "" }))).toEqual({ thresholdPercent: "Enter the threshold in percent, e.g. 80." });
    expect(Object.keys(errorsOf(createAlertRuleSchema.safeParse({ ...form, kind: "refusal_spike", thresholdPercent: "120" })))).toEqual(["thresholdPercent", "windowMinutes", "minRequests"]);
    expect(createAlertRuleSchema.safeParse({ ...form, kind: "circuit_open", thresholdPercent: "" }).success).toBe(true);
    expect(errorsOf(createAlertRuleSchema.safeParse({ ...form, thresholdPercent: "0" }))).toEqual({ thresholdPercent: "The threshold must be above 0 %." });
  });

  it("refuses non-http URLs, and lets an edit keep the saved URL by leaving it blank", () => {
    expect(errorsOf(createAlertRuleSchema.safeParse({ ...form, webhookUrl: "ftp://example.com/x" }))).toEqual({ webhookUrl: "Only http:// and https:// webhooks are delivered." });
    expect(createAlertRuleSchema.safeParse({ ...form, webhookUrl: "" }).success).toBe(false);
    expect(updateAlertRuleSchema.safeParse({ ...form, id: "r1", version: 1, webhookUrl: "" }).success).toBe(true);
  });
});
