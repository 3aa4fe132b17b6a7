// Codex CLI through Switchyard: the real CLI (`codex exec`), installed into a scratch folder
// outside the project (its native binary is ~400 MB; a newcomer's `npm install` must not pay for
// it), with a CODEX_HOME whose config.toml names Switchyard as a custom provider speaking the
// Responses wire. A scripted fake OpenAI-compatible upstream answers — once with plain text, once
// with a shell tool call Codex must run and send back as a function_call_output.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { FakeLlmServer, RecordedRequest } from "@/lib/providers/testing";
import { startGatewayFixture, type GatewayFixture } from "./testing/gateway-fixture";

const AGENT_DIR = join(tmpdir(), "switchyard-agents", "codex");
const CODEX = join(AGENT_DIR, "node_modules", ".bin", "codex");
const RUN_TIMEOUT_MS = 90_000;

let gw: GatewayFixture;
let codexHome: string;
let work: string;

/** Installs the CLI once per machine; later runs reuse the folder. */
function ensureCodex(): void {
  if (existsSync(CODEX)) return;
  mkdirSync(AGENT_DIR, { recursive: true });
  execFileSync("npm", ["install", "--prefix", AGENT_DIR, "--no-audit", "--no-fund", "@openai/codex@0.169"], { stdio: "ignore", timeout: 600_000 });
}

/** The README's setup, plus no retries (a failure should fail the test, not wait it out). */
function writeConfig(origin: string): void {
  writeFileSync(
    join(codexHome, "config.toml"),
    [
      'model = "auto"',
      'model_provider = "switchyard"',
      // Web search runs at OpenAI; Switchyard refuses hosted tools, so Codex must not offer it.
      'web_search = "disabled"',
      "",
      "[model_providers.switchyard]",
      'name = "Switchyard"',
      `base_url = "${origin}/api/v1"`,
      'wire_api = "responses"',
      'env_key = "SWITCHYARD_KEY"',
      "request_max_retries = 0",
      "stream_max_retries = 0",
      "",
    ].join("\n"),
  );
}

function runCodex(prompt: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      CODEX,
      ["exec", "--skip-git-repo-check", "--sandbox", "danger-full-access", prompt],
      {
        cwd: work,
        encoding: "utf8",
        timeout: RUN_TIMEOUT_MS,
        env: { PATH: process.env.PATH ?? "", HOME: codexHome, CODEX_HOME: codexHome, SWITCHYARD_KEY: gw.apiKey } as unknown as NodeJS.ProcessEnv,
      },
      (error: Error | null, stdout: string, stderr: string) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ).stdin?.end();
  });
}

/** Both OpenAI-compatible fakes: a long Codex prompt may leave local's window for hosted-open. */
const openAiUpstreams = (): FakeLlmServer[] => [gw.local, gw.hosted];
const completions = (): RecordedRequest[] => openAiUpstreams().flatMap((upstream) => upstream.completionRequests).sort((a, b) => a.receivedAt - b.receivedAt);

async function responsesRecords() {
  await gw.flushLedger();
  return getDb().decisionRecord.findMany({ where: { apiKeyId: gw.keyId, endpoint: "responses" }, orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  ensureCodex();
  gw = await startGatewayFixture("codex");
  await getDb().model.updateMany({ where: { kind: "chat" }, data: { supportsTools: true, supportsStructuredOutput: true, supportsImages: true, supportsReasoning: true, maxOutputTokens: null } });
  await gw.republish();
  codexHome = mkdtempSync(join(tmpdir(), "switchyard-codex-home-"));
  work = mkdtempSync(join(tmpdir(), "switchyard-codex-work-"));
  writeConfig(gw.origin);
}, 660_000);
afterAll(async () => gw?.stop());
beforeEach(async () => {
  for (const upstream of [gw.local, gw.hosted, gw.frontier]) upstream.reset();
  gw.resetHealth();
  await getDb().decisionRecord.deleteMany({ where: { apiKeyId: gw.keyId } });
});

describe("Codex CLI through /v1/responses", () => {
  it("completes codex exec, and its request leaves a decision record", async () => {
    for (const upstream of openAiUpstreams()) upstream.setReply({ chunks: ["Hello ", "from ", "Switchyard."] });
    const run = await runCodex("Say hello.");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Hello from Switchyard.");
    const sent = completions();
    expect(sent.length).toBeGreaterThanOrEqual(1);
    // Codex's tools reached the model as chat-completions function tools, its namespace flattened.
    const tools = (sent[0]?.body.tools ?? []) as Array<{ function: { name: string } }>;
    expect(tools.map((tool) => tool.function.name)).toContain("exec_command");
    const records = await responsesRecords();
    expect(records).toHaveLength(sent.length);
    expect(records.every((record) => record.status === "success" && record.stream)).toBe(true);
  }, 120_000);

  it("runs a tool the model calls and sends its output back (function_call → function_call_output)", async () => {
    for (const upstream of openAiUpstreams()) {
      upstream.setReply((request) =>
        (request.body.messages as Array<{ role: string }>).some((message) => message.role === "tool")
          ? { chunks: ["The command printed ", "switchyard-tool-ran."] }
          : { toolCalls: [{ id: "call_shell_1", name: "exec_command", arguments: JSON.stringify({ cmd: "echo switchyard-tool-ran" }) }] },
      );
    }
    const run = await runCodex("Run `echo switchyard-tool-ran` and tell me what it printed.");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("The command printed switchyard-tool-ran.");
    const sent = completions();
    expect(sent.length).toBeGreaterThanOrEqual(2);
    const second = sent.at(-1)!.body.messages as Array<{ role: string; tool_call_id?: string; content?: unknown }>;
    const result = second.find((message) => message.role === "tool" && message.tool_call_id === "call_shell_1");
    expect(JSON.stringify(result?.content)).toContain("switchyard-tool-ran");
    const records = await responsesRecords();
    expect(records).toHaveLength(sent.length);
    expect(records.map((record) => record.toolCalls)).toContain(1);
  }, 120_000);
});
