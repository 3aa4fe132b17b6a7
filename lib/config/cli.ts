// Configuration as code from the command line (run through prisma/tools/with-database.ts):
//   npm run config -- export FILE            write the working configuration ("-" = stdout)
//   npm run config -- check FILE             say what applying FILE would change; change nothing
//   npm run config -- apply FILE [--note T]  apply FILE and publish it as a new policy version
//   npm run config -- schema                 print the document's JSON Schema
//   npm run config -- what-if FILE [--days N] [--json]
//                                            replay FILE's policy on the last N days of decision records
//                                            (default 7, at most the retention); change nothing
import { readFile, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { z } from "zod";
import { disconnectDb } from "@/lib/db";
import { applyConfigDocument, ConfigDocumentError, previewConfigDocument } from "./documents/apply-config-document";
import { configDocumentSchema } from "./documents/config-document-schema";
import { loadConfigDocument } from "./documents/load-config-document";
import type { ConfigPlan } from "./documents/plan-config-changes";
import { ConfigRuleError, StaleEditError } from "../forms/stale-edit";
import { describeResult, resultJson } from "@/lib/replay/describe-result";
import { maxWhatIfDays, runWhatIf } from "@/lib/replay/run-what-if";

const USAGE = "Usage: npm run config -- export FILE | check FILE | apply FILE [--note TEXT] | what-if FILE [--days N] [--json] | schema";

/** `what-if FILE [--days N] [--json]`: the document's policy replayed on past decisions. */
async function whatIf(file: string, rest: string[]): Promise<number> {
  const daysAt = rest.indexOf("--days");
  const days = daysAt >= 0 ? Number(rest[daysAt + 1]) : 7;
  if (!Number.isInteger(days) || days < 1 || days > maxWhatIfDays()) {
    console.error(`--days must be a whole number from 1 to ${maxWhatIfDays()} (the retention), got ${rest[daysAt + 1] ?? "nothing"}.`);
    return 2;
  }
  const json = rest.includes("--json");
  const text = await readFile(file, "utf8");
  const result = await runWhatIf({ source: { kind: "document", text }, days }, ({ done, total }) => {
    if (!json && process.stderr.isTTY) process.stderr.write(`\rReplaying… ${done} / ${total}`);
  });
  if (!json && process.stderr.isTTY) process.stderr.write("\n");
  if (json) console.log(JSON.stringify(resultJson(result), null, 2));
  else for (const line of describeResult(result)) console.log(line);
  return 0;
}

function printPlan(plan: ConfigPlan) {
  if (plan.total === 0) return console.log("No changes: the working configuration already matches the document.");
  console.log(`${plan.total} change${plan.total === 1 ? "" : "s"}:`);
  for (const change of plan.changes) console.log(`  - ${change.text}`);
}

async function run(argv: string[]): Promise<number> {
  const [command, file, ...rest] = argv;
  if (command === "schema") {
    console.log(JSON.stringify(z.toJSONSchema(configDocumentSchema, { io: "input", unrepresentable: "any" }), null, 2));
    return 0;
  }
  if (!file || !["export", "check", "apply", "what-if"].includes(command ?? "")) {
    console.error(USAGE);
    return 2;
  }
  if (command === "export") {
    const text = `${JSON.stringify(await loadConfigDocument(), null, 2)}\n`;
    if (file === "-") process.stdout.write(text);
    else {
      await writeFile(file, text);
      console.log(`Wrote the working configuration to ${file}.`);
    }
    return 0;
  }
  if (command === "what-if") return whatIf(file, rest);
  const text = await readFile(file, "utf8");
  if (command === "check") {
    printPlan((await previewConfigDocument(text)).plan);
    return 0;
  }
  const noteAt = rest.indexOf("--note");
  const note = noteAt >= 0 ? (rest[noteAt + 1] ?? "").trim() : "";
  const actor = { id: null, email: `cli:${userInfo().username}` };
  const { plan, version } = await applyConfigDocument(text, { actor, note: note.length >= 3 ? note : `Applied ${file} from the command line`, role: null });
  printPlan(plan);
  if (version !== null) console.log(`Published policy version ${version}. Running gateways pick it up within a second.`);
  return 0;
}

run(process.argv.slice(2))
  .catch((error: unknown) => {
    if (error instanceof ConfigDocumentError) {
      console.error(error.message);
      for (const issue of error.issues) console.error(`  - ${issue.path || "(document)"}: ${issue.message}`);
      return 1;
    }
    if (error instanceof StaleEditError || error instanceof ConfigRuleError) {
      console.error(error.message);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      console.error(`Cannot read ${(error as NodeJS.ErrnoException).path}: no such file.`);
      return 1;
    }
    console.error("The command failed; nothing was changed.", error);
    return 1;
  })
  .then(async (code) => {
    await disconnectDb();
    process.exit(code);
  });
