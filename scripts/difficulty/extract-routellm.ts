// scripts/difficulty/extract-routellm.ts — writes data/difficulty/routellm.jsonl.gz from a
// RouteLLM git directory (github.com/lm-sys/RouteLLM, Apache-2.0): per question, whether the weak
// model (Mixtral-8x7B-Instruct) and the strong model (GPT-4-1106-preview) answered correctly.
//
//   npx tsx scripts/difficulty/extract-routellm.ts /path/to/RouteLLM/.git
//
// Only the allowed subset is read into the dataset: MMLU domains whose names start with a–l, and
// GSM8K rows whose prompt's SHA-256 (hex) starts with 0–7. The rest is held back by the project to
// check the result; this script computes a GSM8K prompt's hash to decide, and keeps nothing else
// of a row it drops. Prompts listed in RouteLLM's contaminated_prompts.jsonl (they overlap with
// the Chatbot Arena data RouteLLM's routers were trained on) are dropped too.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseCsv } from "./csv";

const WEAK = "mistralai/Mixtral-8x7B-Instruct-v0.1";
const STRONG = "gpt-4-1106-preview";
const OUT = path.join(import.meta.dirname, "../../data/difficulty/routellm.jsonl.gz");

export interface LabelledPrompt {
  id: string;
  source: "mmlu" | "gsm8k";
  domain: string;
  prompt: string;
  weak_correct: boolean;
  strong_correct: boolean;
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

function gitShow(gitDir: string, file: string): string {
  return execFileSync("git", ["--git-dir", gitDir, "show", `HEAD:${file}`], { encoding: "utf8", maxBuffer: 64 << 20 });
}

function gitList(gitDir: string, folder: string): string[] {
  return execFileSync("git", ["--git-dir", gitDir, "ls-tree", "--name-only", "HEAD", `${folder}/`], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.length > 0);
}

function contaminated(gitDir: string, file: string): Set<string> {
  const lines = gitShow(gitDir, file).split("\n").filter((line) => line.trim().length > 0);
  return new Set(lines.map((line) => (JSON.parse(line) as { eval_prompt: string }).eval_prompt));
}

/** Rows of a responses CSV as { prompt, weak, strong }, by the two models' column names. */
function labelledRows(csv: string, keep: (prompt: string) => boolean) {
  const [header, ...rows] = parseCsv(csv);
  if (header === undefined) throw new Error("empty CSV");
  const at = (name: string) => {
    const column = header.indexOf(name);
    if (column < 0) throw new Error(`column ${name} missing (have ${header.join(", ")})`);
    return column;
  };
  const [p, w, s] = [at("prompt"), at(WEAK), at(STRONG)];
  const bool = (value: string | undefined) => {
    if (value === "True") return true;
    if (value === "False") return false;
    throw new Error(`not a boolean: ${value}`);
  };
  return rows
    .filter((row) => row.length > 1 && keep(row[p] ?? ""))
    .map((row) => ({ prompt: row[p] ?? "", weak: bool(row[w]), strong: bool(row[s]) }));
}

export function mmluDomainAllowed(domain: string): boolean {
  return /^[a-l]/.test(domain);
}

export function gsm8kRowAllowed(prompt: string): boolean {
  return /^[0-7]/.test(sha256(prompt));
}

function main() {
  const gitDir = process.argv[2];
  if (gitDir === undefined) throw new Error("usage: extract-routellm.ts <RouteLLM git dir>");
  const out: LabelledPrompt[] = [];
  const counts: Record<string, number> = {};

  const mmluDirty = contaminated(gitDir, "routellm/evals/mmlu/contaminated_prompts.jsonl");
  for (const file of gitList(gitDir, "routellm/evals/mmlu/responses")) {
    const domain = path.basename(file, ".csv").replace(/^mmlu_/, "");
    if (!mmluDomainAllowed(domain)) continue; // never read
    for (const row of labelledRows(gitShow(gitDir, file), (prompt) => !mmluDirty.has(prompt))) {
      out.push({ id: sha256(row.prompt).slice(0, 16), source: "mmlu", domain, prompt: row.prompt, weak_correct: row.weak, strong_correct: row.strong });
      counts[`mmlu/${domain}`] = (counts[`mmlu/${domain}`] ?? 0) + 1;
    }
  }

  const gsmDirty = contaminated(gitDir, "routellm/evals/gsm8k/contaminated_prompts.jsonl");
  const gsm = gitShow(gitDir, "routellm/evals/gsm8k/gsm8k_responses.csv");
  for (const row of labelledRows(gsm, (prompt) => gsm8kRowAllowed(prompt) && !gsmDirty.has(prompt))) {
    out.push({ id: sha256(row.prompt).slice(0, 16), source: "gsm8k", domain: "gsm8k", prompt: row.prompt, weak_correct: row.weak, strong_correct: row.strong });
    counts.gsm8k = (counts.gsm8k ?? 0) + 1;
  }

  const jsonl = out.map((row) => JSON.stringify(row)).join("\n") + "\n";
  writeFileSync(OUT, gzipSync(jsonl, { level: 9 }));
  console.log(`${out.length} prompts → ${path.relative(process.cwd(), OUT)}`);
  for (const [key, count] of Object.entries(counts)) console.log(`  ${key}: ${count}`);
}

if (process.argv[1] === import.meta.filename) main();
