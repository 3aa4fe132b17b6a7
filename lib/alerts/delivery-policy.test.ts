import { describe, expect, it } from "vitest";
import { alertBody, alertText } from "./message";
import { retryDelayMs, shouldRetry } from "./retry";
import { maskWebhookUrl, scrubUrl, webhookUrlProblem } from "./webhook-url";

const message = {
  kind: "budget_threshold" as const,
  rule: "Budget 80 %",
  subject: "support-summaries",
  values: { spentUsd: 400, budgetUsd: 500, percent: 80, thresholdPercent: 80, month: "2026-12" },
  occurredAt: new Date("2026-12-03T12:00:00Z"),
  link: "http://localhost:3000/alerts",
};

describe("alert bodies", () => {
  it("posts Slack's {text} with a link, and a JSON object with the fields a program reads", () => {
    expect(alertBody("slack", message)).toEqual({ text: `${alertText(message)} <http://localhost:3000/alerts|Open in Switchyard>` });
    expect(alertText(message)).toContain("$400.00 of its $500.00 monthly budget");
    expect(alertText({ ...message, values: { ...message.values, spentUsd: 0.0033, budgetUsd: 0.01 } })).toContain("$0.0033 of its $0.01 monthly budget");
    expect(alertBody("json", message)).toMatchObject({ kind: "budget_threshold", rule: "Budget 80 %", subject: "support-summaries", values: message.values, occurredAt: "2026-12-03T12:00:00.000Z", link: message.link });
  });
});

describe("webhook URLs", () => {
  it("accepts http and https only", () => {
    expect(webhookUrlProblem("https://hooks.slack.com/services/T/B/x")).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:9999/hook")).toBeNull();
    expect(webhookUrlProblem("file:///etc/passwd")).toMatch(/http/);
    expect(webhookUrlProblem("javascript:alert(1)")).toMatch(/http/);
    expect(webhookUrlProblem("hooks.slack.com/x")).toMatch(/full URL/);
  });

  it("shows only the scheme and host after saving, and scrubs the secret path from errors", () => {
    expect(maskWebhookUrl("https://hooks.slack.com/services/T0/B0/secret?x=1")).toBe("https://hooks.slack.com/••••••••");
    expect(scrubUrl("connect ECONNREFUSED for https://h.example/services/secret", "https://h.example/services/secret")).toBe("connect ECONNREFUSED for <webhook>");
    expect(scrubUrl("bad path /services/secret", "https://h.example/services/secret")).toBe("bad path <path>");
  });
});

describe("retries", () => {
  it("retries errors, 5xx, 408 and 429 with growing waits; never a 2xx or another 4xx", () => {
    expect([null, 500, 503, 408, 429].map((statusCode) => shouldRetry({ statusCode }))).toEqual([true, true, true, true, true]);
    expect([200, 204, 400, 404].map((statusCode) => shouldRetry({ statusCode }))).toEqual([false, false, false, false]);
    expect([1, 2, 3].map((attempt) => retryDelayMs(attempt, 500))).toEqual([500, 2000, 8000]);
  });
});
