// Claude Code through Switchyard: the real CLI (`claude -p`), installed into a scratch folder
// outside the project (its native binary is ~235 MB; a newcomer's `npm install` must not pay for
// it), pointed at the gateway with ANTHROPIC_BASE_URL=<origin>/api and an app key. It asks for
// its default vendor model (claude-opus-*), which the seeded mapping routes as auto/hard, so the
// scripted fake Anthropic upstream (frontier) answers — once with plain text, once with a tool
// call it must run and answer with a tool_result.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { RecordedRequest } from "@/lib/providers/testing";
import { startGatewayFixture, type GatewayFixture } from "./testing/gateway-fixture";

const AGENT_DIR = join(tmpdir(), "switchyard-agents", "claude-code");
const CLAUDE = join(AGENT_DIR, "node_modules", ".bin", "claude");
const RUN_TIMEOUT_MS = 90_000;

let gw: GatewayFixture;
let home: string;
let work: string;

/** Installs the CLI once per machine; later runs reuse the folder. */
function ensureClaudeCode(): void {
  if (existsSync(CLAUDE)) return;
  mkdirSync(AGENT_DIR, { recursive: true });
  execFileSync("npm", ["install", "--prefix", AGENT_DIR, "--no-audit", "--no-fund", "@anthropic-ai/claude-code@2"], { stdio: "ignore", timeout: 600_000 });
}

function runClaude(prompt: string, extraArgs: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      CLAUDE,
      ["-p", prompt, ...extraArgs],
      {
        cwd: work,
        encoding: "utf8",
        timeout: RUN_TIMEOUT_MS,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: home,
          ANTHROPIC_BASE_URL: `${gw.origin}/api`,
          ANTHROPIC_AUTH_TOKEN: gw.apiKey,
          DISABLE_TELEMETRY: "1",
          DISABLE_AUTOUPDATER: "1",
          DISABLE_ERROR_REPORTING: "1",
          CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
        } as unknown as NodeJS.ProcessEnv,
      },
      (error: Error | null, stdout: string, stderr: string) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ).stdin?.end();
  });
}

/** The tool results a request carries back, as text (Anthropic blocks inside user turns). */
function toolResults(request: RecordedRequest): string[] {
  const messages = (request.body.messages ?? []) as Array<{ role: string; content: unknown }>;
  return messages.flatMap((message) =>
    Array.isArray(message.content)
      ? (message.content as Array<{ type: string; content?: unknown }>).filter((block) => block.type === "tool_result").map((block) => JSON.stringify(block.content ?? ""))
      : [],
  );
}

async function messagesRecords() {
  await gw.flushLedger();
  return getDb().decisionRecord.findMany({ where: { apiKeyId: gw.keyId, endpoint: "messages" }, orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  ensureClaudeCode();
  gw = await startGatewayFixture("claude-code");
  await getDb().model.updateMany({ data: { supportsTools: true, supportsStructuredOutput: true, supportsImages: true, supportsReasoning: true, maxOutputTokens: null } });
  await gw.republish();
  home = mkdtempSync(join(tmpdir(), "switchyard-claude-home-"));
  work = mkdtempSync(join(tmpdir(), "switchyard-claude-work-"));
}, 660_000);
afterAll(async () => gw?.stop());
beforeEach(() => {
  for (const upstream of [gw.local, gw.hosted, gw.frontier]) upstream.reset();
  gw.resetHealth();
});

/** Every upstream answers the same script, so the test holds wherever the policy sends the request. */
function scriptAll(reply: Parameters<GatewayFixture["frontier"]["setReply"]>[0]) {
  for (const upstream of [gw.local, gw.hosted, gw.frontier]) upstream.setReply(reply);
}

const upstreamCalls = () => gw.frontier.requests.length + gw.local.requests.length + gw.hosted.requests.length;

describe("Claude Code through the gateway", () => {
  it("completes `claude -p` with its default model name; its system prompt's email address keeps it off the frontier", async () => {
    scriptAll({ text: "Hello from a Switchyard fake." });
    const before = (await messagesRecords()).length;
    const run = await runClaude("Say hello.");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Hello from a Switchyard fake.");

    const records = (await messagesRecords()).slice(before);
    expect(records.length).toBeGreaterThan(0);
    expect(records).toHaveLength(upstreamCalls());
    for (const record of records) {
      expect(record.requestedModel).toMatch(/^claude-/);
      expect((record.trace as string[])[0]).toContain("matches the model-name mapping 'claude-opus-*'");
      // Claude Code's own system prompt carries an email address (its commit co-author line):
      // with the seeded data rules that is confidential, which the frontier tier may not see.
      expect(record).toMatchObject({ status: "success", difficulty: "hard", dataClass: "confidential", tierKey: "hosted-open" });
      expect(record.findings).toContainEqual({ type: "email", count: 1 });
    }
    expect(gw.frontier.requests).toHaveLength(0);
  }, RUN_TIMEOUT_MS + 10_000);

  it("runs a tool against the Anthropic fake: tool_use out, Claude Code's tool_result back, then the final text", async () => {
    const db = getDb();
    // Emails allowed on the frontier for this test, so the scripted Anthropic upstream serves it.
    await db.classificationRule.updateMany({ where: { detector: "email" }, data: { enabled: false } });
    await gw.republish();
    try {
      writeFileSync(join(work, "note.txt"), "switchyard-note-7731\n");
      scriptAll((request) =>
        request.rawBody.includes("switchyard-note-7731")
          ? { text: "The note says switchyard-note-7731." }
          : { toolCalls: [{ id: "toolu_read_1", name: "Read", arguments: JSON.stringify({ file_path: join(work, "note.txt") }) }] },
      );
      const before = (await messagesRecords()).length;
      const run = await runClaude("What does note.txt say?", ["--allowedTools", "Read"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("The note says switchyard-note-7731.");
      expect(gw.local.requests.length + gw.hosted.requests.length).toBe(0);
      const withResult = gw.frontier.requests.filter((request) => toolResults(request).some((result) => result.includes("switchyard-note-7731")));
      expect(withResult.length).toBeGreaterThan(0);

      const records = (await messagesRecords()).slice(before);
      expect(records).toHaveLength(upstreamCalls());
      expect(records.some((record) => record.toolCalls === 1)).toBe(true);
      expect(records.every((record) => record.status === "success" && record.tierKey === "frontier")).toBe(true);
    } finally {
      await db.classificationRule.updateMany({ where: { detector: "email" }, data: { enabled: true } });
      await gw.republish();
    }
  }, RUN_TIMEOUT_MS + 10_000);
});
