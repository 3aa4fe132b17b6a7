// bench/detectors.ts — detect() on its own: the seed's six built-in detectors plus three admin
// rules (a regex, a keyword list, the review's "(?:Ā|ā)+!"), for support-desk prompts of about
// 200, 4k and 32k tokens (≈ 4 characters per token, a few findings each), and for the security
// review's hostile inputs of a million characters.
//
//   npx tsx bench/detectors.ts
//   npx tsx bench/detectors.ts --detectors /tmp/detectors-before --hostile-chars 60000
//       (the same benchmark against another copy of lib/detectors, e.g. the code before issue 9;
//        the old code needs minutes for a million hostile characters, hence the smaller size)
//   --without-review-rule   leaves out the "(?:Ā|ā)+!" rule and its "Ā" input: on the old code
//                           that pair backtracks exponentially and never finishes
//   BENCH_ITERATIONS=500 npx tsx bench/detectors.ts
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ClassificationRulePolicy, Finding } from "@/lib/routing/types";
import { loadLine, machineInfo } from "./lib/machine";
import { supportThreadMessages } from "./lib/prompts";
import { rounded, summarise, table } from "./lib/stats";

interface DetectorsModule {
  compileRules(rules: ClassificationRulePolicy[]): unknown;
  detect(text: string, compiled: unknown): Finding[];
  DEFAULT_DETECTOR_RULES: readonly ClassificationRulePolicy[];
}

const VARIANTS = 16;

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

const adminRule = (key: string, overrides: Partial<ClassificationRulePolicy>): ClassificationRulePolicy => ({
  key,
  name: key,
  kind: "regex",
  detector: null,
  pattern: null,
  keywords: [],
  dataClass: "confidential",
  enabled: true,
  ...overrides,
});

const ADMIN_RULES = [
  adminRule("ticket", { pattern: String.raw`\bPRJ-\d{4,6}\b` }),
  adminRule("codenames", { kind: "keywords", keywords: ["Project Falcon", "Nightjar", "Überflieger"] }),
  adminRule("review-overlap", { pattern: "(?:Ā|ā)+!" }),
];

/** A support thread as one prompt text (parts joined with "\n", as the gateway does), plus a few findings. */
function promptOf(tokens: number, seed: number): string {
  const parts = supportThreadMessages(tokens, seed).map((message) => (typeof message.content === "string" ? message.content : JSON.stringify(message.content)));
  const text = parts.join("\n");
  const middle = Math.floor(text.length / 2);
  return `${text.slice(0, middle)} Card on file 4111 1111 1111 1111, ticket PRJ-10423 (Project Falcon). ${text.slice(middle)}`;
}

function hostileInputs(chars: number): Array<[string, string]> {
  const fill = (unit: string) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
  return [
    ['"ssn" + spaces', `ssn${fill(" ")}`],
    ["digits", fill("7")],
    ["digit groups (4 4 4 …)", fill("4 ")],
    ["mixed separators", fill("1-./_\t\n ")],
    ["Unicode spaces/digits/zero-width", fill("\u00a0４\u2009٣\u200b\u2013\u3000\u00ad")],
    ['"Ā" run (admin rule bait)', fill("Ā")],
    ["secret keywords", fill("ghp_sk-eyJxoxb-AKIA://")],
  ];
}

async function main() {
  const directory = path.resolve(argument("--detectors") ?? path.join(process.cwd(), "lib/detectors"));
  const hostileChars = Number(argument("--hostile-chars") ?? 1_000_000);
  const detectors = (await import(path.join(directory, "index.ts"))) as DetectorsModule;
  const withoutReviewRule = process.argv.includes("--without-review-rule");
  const rules = ADMIN_RULES.filter((rule) => !withoutReviewRule || rule.key !== "review-overlap");
  const compiled = detectors.compileRules([...detectors.DEFAULT_DETECTOR_RULES, ...rules]);
  const base = Number(process.env.BENCH_ITERATIONS ?? 300);
  const sizes = [
    { label: "~200 tokens", tokens: 200, iterations: base * 10 },
    { label: "~4k tokens", tokens: 4_000, iterations: base },
    { label: "~32k tokens", tokens: 32_000, iterations: Math.max(30, Math.round(base / 5)) },
  ];

  console.log(`Detection benchmark — ${directory}, ${rules.length} admin rules, ${loadLine()}, Node ${process.version}`);
  const prompts = [];
  for (const size of sizes) {
    const texts = Array.from({ length: VARIANTS }, (_, seed) => promptOf(size.tokens, 1000 * size.tokens + seed));
    for (let i = 0; i < Math.max(20, size.iterations / 10); i++) detectors.detect(texts[i % VARIANTS]!, compiled);
    const samples: number[] = [];
    let findings = 0;
    for (let i = 0; i < size.iterations; i++) {
      const t0 = performance.now();
      const found = detectors.detect(texts[i % VARIANTS]!, compiled);
      samples.push(performance.now() - t0);
      findings += found.reduce((sum, finding) => sum + finding.count, 0);
    }
    prompts.push({ size: size.label, chars: Math.round(texts.reduce((sum, text) => sum + text.length, 0) / VARIANTS), iterations: size.iterations, findingsPerPrompt: findings / size.iterations, ms: rounded(summarise(samples), 4) });
  }
  console.log(
    `\n${table([
      ["prompt", "chars", "p50 ms", "p99 ms", "mean ms", "findings"],
      ...prompts.map((row) => [row.size, row.chars, row.ms.p50, row.ms.p99, row.ms.mean, row.findingsPerPrompt]),
    ])}`,
  );

  const hostile = [];
  for (const [label, text] of hostileInputs(hostileChars).filter(([label]) => !withoutReviewRule || !label.includes("Ā"))) {
    const samples: number[] = [];
    let types = "";
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const found = detectors.detect(text, compiled);
      samples.push(performance.now() - t0);
      types = found.map((finding) => finding.type).join(", ");
    }
    hostile.push({ input: label, chars: text.length, ms: rounded(summarise(samples), 2), findings: types });
  }
  console.log(
    `\n${table([
      ["hostile input", "chars", "best ms", "worst ms", "findings"],
      ...hostile.map((row) => [row.input, row.chars, row.ms.min, row.ms.max, row.findings || "—"]),
    ])}`,
  );

  mkdirSync("bench/results", { recursive: true });
  const file = path.join("bench/results", `detectors-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ machine: machineInfo(), directory, adminRules: rules.map((rule) => rule.key), hostileChars, prompts, hostile }, null, 2));
  console.log(`\nwrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
