// bench/routing.ts — the difficulty estimator on the held-out part of data/difficulty (see
// scripts/difficulty/dataset.ts for the split): accuracy against frontier share for weak-only,
// strong-only, random, oracle and the estimator; the share needed for 95 % of the strong model's
// accuracy; cost against all-frontier at the seeded prices; and the estimator's time per ~4k-token
// prompt. Writes bench/results/routing-<time>.json; the figures go in bench/ROUTING.md.
//
//   npm run bench:routing        (= npx tsx bench/routing.ts; re-runs itself with --conditions=react-server)
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { estimateDifficulty, estimatorInput } from "@/lib/routing/difficulty/estimate";
import { countTextTokens } from "@/lib/providers/token-count";
import { accuracyAtShare, oracleAccuracy, randomAccuracy, shareFor, strongAccuracy, weakAccuracy, type Scored } from "@/scripts/difficulty/curve";
import { asInput, loadPrompts, partOf } from "@/scripts/difficulty/dataset";
import { supportThreadMessages } from "./lib/prompts";
import { machineInfo, loadLine } from "./lib/machine";
import { rerunWithReactServer } from "./lib/react-server";
import { rounded, summarise, table } from "./lib/stats";

/** The weak model (Mixtral-8x7B) is an open model: priced as the seed's first hosted-open model; the strong one as the frontier baseline. */
const WEAK_PRICED_AS = "deepseek-v3";
const STRONG_PRICED_AS = "claude-sonnet";
/** Output tokens assumed per answer (the dataset keeps no answers): the same for both models. */
const OUTPUT_TOKENS = 300;

async function price(alias: string) {
  // Imported here, after the condition check: the catalogue lookup imports "server-only".
  const { MODELS } = await import("@/lib/seed/catalogue");
  const { seededModelValues } = await import("@/lib/seed/model-defaults");
  const seed = MODELS.find((model) => model.alias === alias);
  if (seed === undefined) throw new Error(`seed model ${alias} is gone; update bench/routing.ts`);
  const values = seededModelValues(seed);
  if (values.inputPricePerMTok === null || values.outputPricePerMTok === null) throw new Error(`seed model ${alias} has no price`);
  return { alias, input: values.inputPricePerMTok, output: values.outputPricePerMTok };
}

const pct = (value: number) => `${(100 * value).toFixed(1)} %`;

function timing() {
  const prompts = Array.from({ length: 16 }, (_, seed) => {
    const messages = supportThreadMessages(4_000, 4_000_000 + seed);
    const text = messages.map((message) => message.content.map((part) => ("text" in part ? part.text : "")).join("\n")).join("\n");
    const last = messages[messages.length - 1]!;
    return { promptText: text, conversation: { userTurns: 1, lastUserText: last.content.map((part) => ("text" in part ? part.text : "")).join("\n") } };
  });
  const tokens = prompts.map((prompt) => countTextTokens(prompt.promptText));
  for (let i = 0; i < 2_000; i += 1) estimateDifficulty(estimatorInput(prompts[i % 16]!));
  const samples: number[] = [];
  // CPU time of the whole batch too: on a shared machine a wall-clock p99 is mostly time slices
  // lost to other processes, while the CPU time per call is the estimator's own cost.
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < 5_000; i += 1) {
    const prompt = prompts[i % 16]!;
    const start = performance.now();
    estimateDifficulty(estimatorInput(prompt));
    samples.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerCall = (cpu.user + cpu.system) / 1000 / samples.length;
  return { tokens: { min: Math.min(...tokens), max: Math.max(...tokens) }, ms: rounded(summarise(samples), 4), cpuMsPerCall: Math.round(cpuMsPerCall * 1e4) / 1e4 };
}

async function main() {
  const heldOut = loadPrompts().filter((prompt) => partOf(prompt) === "held-out");
  const scored: Scored[] = heldOut.map((prompt) => ({ prompt, score: estimateDifficulty(asInput(prompt)).score }));
  const weak = weakAccuracy(heldOut);
  const strong = strongAccuracy(heldOut);
  const shares = Array.from({ length: 11 }, (_, i) => i / 10);
  const curve = shares.map((share) => ({
    share,
    weakOnly: weak,
    strongOnly: strong,
    random: randomAccuracy(heldOut, share),
    oracle: oracleAccuracy(heldOut, share),
    estimator: accuracyAtShare(scored, share),
  }));
  const target = 0.95 * strong;
  const share95 = {
    estimator: shareFor(target, (share) => accuracyAtShare(scored, share)),
    random: shareFor(target, (share) => randomAccuracy(heldOut, share)),
    oracle: shareFor(target, (share) => oracleAccuracy(heldOut, share)),
  };
  const beatsRandom = curve.filter(({ share }) => share > 0 && share < 1).every((row) => row.estimator > row.random);

  // Cost per request at the seeded prices, by where the estimator sends it.
  const [open, frontier] = [await price(WEAK_PRICED_AS), await price(STRONG_PRICED_AS)];
  const cost = (p: { input: number; output: number }, tokens: number) => (p.input * tokens + p.output * OUTPUT_TOKENS) / 1e6;
  const tokensOf = new Map(heldOut.map((prompt) => [prompt.id, countTextTokens(prompt.prompt)]));
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.prompt.id.localeCompare(b.prompt.id));
  const allFrontier = ranked.reduce((sum, { prompt }) => sum + cost(frontier, tokensOf.get(prompt.id)!), 0);
  const costAt = (share: number) =>
    ranked.reduce((sum, { prompt }, rank) => sum + cost(rank < Math.round(share * ranked.length) ? frontier : open, tokensOf.get(prompt.id)!), 0);
  const costs = [0, 0.1, 0.2, 0.3, 0.4, 0.5, ...(share95.estimator === null ? [] : [share95.estimator])].map((share) => ({
    share,
    accuracy: accuracyAtShare(scored, share),
    costUsdPer1k: (1000 * costAt(share)) / ranked.length,
    ofAllFrontier: costAt(share) / allFrontier,
  }));
  const time = timing();

  console.log(`Routing benchmark — held-out split of data/difficulty, ${heldOut.length} prompts (${heldOut.filter((p) => p.source === "gsm8k").length} GSM8K, ${heldOut.filter((p) => p.source === "mmlu").length} MMLU a–l); ${loadLine()}, Node ${process.version}`);
  console.log(`weak (Mixtral-8x7B) ${pct(weak)}, strong (GPT-4-1106) ${pct(strong)}; weak = ${pct(weak / strong)} of strong\n`);
  console.log(table([
    ["frontier share", "weak only", "strong only", "random", "oracle", "estimator", "estimator / strong"],
    ...curve.map((row) => [`${Math.round(100 * row.share)} %`, pct(row.weakOnly), pct(row.strongOnly), pct(row.random), pct(row.oracle), pct(row.estimator), pct(row.estimator / strong)]),
  ]));
  const words = (share: number | null) => (share === null ? "not reached" : `${Math.round(100 * share)} %`);
  console.log(`\nshare for 95 % of strong (${pct(target)}): estimator ${words(share95.estimator)}, random ${words(share95.random)}, oracle ${words(share95.oracle)}; better than random at every share 10–90 %: ${beatsRandom ? "yes" : "no"}`);
  console.log(`\ncost at the seeded prices (${open.alias} $${open.input}/$${open.output} and ${frontier.alias} $${frontier.input}/$${frontier.output} per 1M in/out tokens, ${OUTPUT_TOKENS} output tokens per answer):`);
  console.log(table([
    ["frontier share", "accuracy", "$ per 1k requests", "of all-frontier"],
    ...costs.map((row) => [`${Math.round(100 * row.share)} %`, pct(row.accuracy), row.costUsdPer1k.toFixed(3), pct(row.ofAllFrontier)]),
    ["100 % (all-frontier)", pct(strong), ((1000 * allFrontier) / ranked.length).toFixed(3), "100.0 %"],
  ]));
  console.log(`\nestimator per ~4k-token prompt (${time.tokens.min}–${time.tokens.max} tokens): p50 ${time.ms.p50} ms, p99 ${time.ms.p99} ms, mean ${time.ms.mean} ms; CPU ${time.cpuMsPerCall} ms per call`);

  const out = path.join(import.meta.dirname, "results");
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `routing-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ machine: machineInfo(), prompts: heldOut.length, weak, strong, curve, share95, beatsRandom, costs, time }, null, 2));
  console.log(`\n→ ${path.relative(process.cwd(), file)}`);
}

if (!rerunWithReactServer()) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
