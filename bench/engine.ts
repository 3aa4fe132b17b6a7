// bench/engine.ts — the decision hot path without I/O: analyseRequest (prompt text, SHA-256,
// token count, detectors) + decide() on a realistic policy snapshot, for prompts of about 200,
// 4k and 32k tokens. Reports p50 / p99 / mean per decision, split into its steps.
//
//   npx tsx bench/engine.ts                       (re-runs itself with --conditions=react-server)
//   BENCH_ITERATIONS=5000 npx tsx bench/engine.ts  (iterations for the 200 and 4k sizes; 32k gets a fifth, at least 200)
//
// Each size uses 16 different prompts in rotation, so the tokenizer's word cache is warm (as in
// a running gateway) but never sees one prompt over and over.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { rerunWithReactServer } from "./lib/react-server";
import type { CanonicalMessage, CanonicalRequest } from "../lib/canonical/types";

const VARIANTS = 16;

interface Size {
  label: string;
  tokens: number;
  warmup: number;
  iterations: number;
}

async function main() {
  // Imported here, after the condition check: policy-store imports "server-only".
  const { preparePolicy } = await import("@/lib/gateway/instance/policy-store");
  const { analyseRequest, parsePin, DEFAULT_OUTPUT_ALLOWANCE } = await import("@/lib/gateway/pipeline/analyse");
  const { scannedRequest } = await import("@/lib/canonical/scanned-text");
  const { liveStateFrom } = await import("@/lib/gateway/pipeline/live-state");
  const { countRequestTokens } = await import("@/lib/providers/token-count");
  const { detect } = await import("@/lib/detectors");
  const { decide } = await import("@/lib/routing");
  const { fixtureSnapshot, FIXTURE_NOW } = await import("@/lib/routing/fixtures");
  const { asRequest, supportThreadMessages } = await import("./lib/prompts");
  const { summarise, rounded, table } = await import("./lib/stats");
  const { machineInfo, loadLine } = await import("./lib/machine");

  const base = Number(process.env.BENCH_ITERATIONS ?? 2_000);
  const sizes: Size[] = [
    { label: "~200 tokens", tokens: 200, warmup: 500, iterations: base },
    { label: "~4k tokens", tokens: 4_000, warmup: 200, iterations: base },
    { label: "~32k tokens", tokens: 32_000, warmup: 40, iterations: Math.max(200, Math.round(base / 5)) },
  ];

  // The realistic snapshot (3 tiers, 7 models, 6 providers, 6 classification rules, 5 routing
  // rules, 5 features), prepared exactly as the gateway prepares a published version.
  const policy = preparePolicy(fixtureSnapshot());
  const featureKey = "support-bot"; // routine, internal: the common case
  const live = liveStateFrom([], {}, FIXTURE_NOW);

  console.log(`Engine benchmark — ${loadLine()}, Node ${process.version}`);
  const results = [];
  for (const size of sizes) {
    const prompts = Array.from({ length: VARIANTS }, (_, seed) => asRequest(supportThreadMessages(size.tokens, 1000 * size.tokens + seed)));
    const tokenCounts = prompts.map((request) => countRequestTokens(request));
    const bytes = prompts.map((request) => Buffer.byteLength(JSON.stringify(request.messages)));

    // One decision, step by step, exactly as analyseRequest + decide do it.
    const steps = { text: [] as number[], hash: [] as number[], tokenise: [] as number[], detect: [] as number[], decide: [] as number[], total: [] as number[], "tokenise, resent": [] as number[] };
    const outcomes = new Map<string, number>();
    // Token counts of long texts are memoised (lib/providers/token-count.ts), so each iteration's
    // request is made new: every text gets the iteration's number ("fresh", the worst case, used
    // for the steps and the total), and, for "tokenise, resent", only the last message does — a
    // conversation sent again with one new turn, as agents do.
    const marked = (request: CanonicalRequest, index: number, lastOnly: boolean): CanonicalRequest => ({
      ...request,
      messages: request.messages.map((message, at) =>
        lastOnly && at < request.messages.length - 1 ? message : ({ ...message, content: message.content.map((part) => (part.type === "text" ? { ...part, text: `${part.text} (#${index})` } : part)) } as CanonicalMessage),
      ),
    });
    const runSteps = (index: number, keep: boolean) => {
      const request = marked(prompts[index % VARIANTS]!, index, false);
      const resent = marked(prompts[index % VARIANTS]!, index, true);
      const t0 = performance.now();
      const promptText = scannedRequest(request).text;
      const t1 = performance.now();
      const promptSha256 = createHash("sha256").update(promptText).digest("hex");
      const t2 = performance.now();
      const estimatedPromptTokens = countRequestTokens(request);
      const t3 = performance.now();
      const findings = detect(promptText, policy.detectors);
      const t4 = performance.now();
      const decision = decide(
        {
          estimatedPromptTokens,
          requestedOutputTokens: DEFAULT_OUTPUT_ALLOWANCE,
          findings,
          declaredDataClass: null,
          featureKey,
          declaredDifficulty: null,
          pin: parsePin("auto"),
          promptText,
          requiredCapabilities: [],
          openaiOnlyFields: [],
          declaredOutputTokens: null,
        },
        policy.snapshot,
        live,
      );
      const t5 = performance.now();
      countRequestTokens(resent);
      const t6 = performance.now();
      if (!keep) return promptSha256;
      steps["tokenise, resent"].push(t6 - t5);
      steps.text.push(t1 - t0);
      steps.hash.push(t2 - t1);
      steps.tokenise.push(t3 - t2);
      steps.detect.push(t4 - t3);
      steps.decide.push(t5 - t4);
      steps.total.push(t5 - t0);
      const first = decision.candidates[0];
      const outcome = `${decision.dataClass.key} → ${decision.outcome.kind === "refused" ? `refused ${decision.outcome.refusal.code}` : `${first?.alias} (${first?.tierKey})`}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      return promptSha256;
    };
    // The same work through the real entry points, as run-pipeline calls them (cross-check).
    const asCalled: number[] = [];
    const runAsCalled = (index: number, keep: boolean) => {
      const request = marked(prompts[index % VARIANTS]!, index + size.iterations + size.warmup, false);
      const t0 = performance.now();
      const analysed = analyseRequest({ request, requestedModel: "auto", featureKey, declaredDifficulty: null, declaredDataClass: null }, policy.detectors, policy.snapshot.unscannableDataClass);
      decide(analysed.analysis, policy.snapshot, live);
      if (keep) asCalled.push(performance.now() - t0);
    };

    for (let i = 0; i < size.warmup; i += 1) {
      runSteps(i, false);
      runAsCalled(i, false);
    }
    // Interleaved, so both loops see the same machine load.
    for (let i = 0; i < size.iterations; i += 1) {
      runSteps(i, true);
      runAsCalled(i, true);
    }

    const split = Object.fromEntries(Object.entries(steps).map(([step, samples]) => [step, rounded(summarise(samples), 4)]));
    results.push({
      size: size.label,
      targetTokens: size.tokens,
      promptTokens: { min: Math.min(...tokenCounts), max: Math.max(...tokenCounts) },
      requestBytes: { min: Math.min(...bytes), max: Math.max(...bytes) },
      warmup: size.warmup,
      iterations: size.iterations,
      outcomes: Object.fromEntries(outcomes),
      msPerDecision: split,
      asCalledMs: rounded(summarise(asCalled), 4),
    });
  }

  for (const result of results) {
    console.log(`\n${result.size}: ${result.promptTokens.min}–${result.promptTokens.max} prompt tokens, ${result.requestBytes.max.toLocaleString("en-US")} bytes of JSON, ${result.iterations} iterations after ${result.warmup} warm-up`);
    console.log(`  decisions: ${Object.entries(result.outcomes).map(([outcome, count]) => `${outcome} ×${count}`).join("; ")}`);
    const rows: Array<Array<string | number>> = [["step (ms)", "p50", "p99", "mean", "share of mean"]];
    const totalMean = result.msPerDecision.total!.mean;
    for (const [step, summary] of Object.entries(result.msPerDecision)) {
      rows.push([step === "text" ? "join text" : step === "hash" ? "sha-256" : step, summary.p50, summary.p99, summary.mean, step === "total" || step === "tokenise, resent" ? "" : `${((summary.mean / totalMean) * 100).toFixed(1)}%`]);
    }
    rows.push(["as called (analyseRequest+decide)", result.asCalledMs.p50, result.asCalledMs.p99, result.asCalledMs.mean, ""]);
    console.log(table(rows).replace(/^/gm, "  "));
  }

  const out = path.join(import.meta.dirname ?? __dirname, "results", `engine-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ benchmark: "engine", machine: machineInfo(), snapshot: "lib/routing/fixtures.ts fixtureSnapshot() via preparePolicy", featureKey, results }, null, 2));
  console.log(`\n${loadLine()} at the end. Results: ${path.relative(process.cwd(), out)}`);
}

if (!rerunWithReactServer()) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
