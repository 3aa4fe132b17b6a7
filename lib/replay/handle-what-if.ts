// POST /api/console/what-if — replay a policy on past decision records (admin, engineer, finance:
// it changes nothing). The answer is NDJSON: progress lines while it runs, then the result.
import "server-only";
import { z } from "zod";
import { ConfigDocumentError } from "@/lib/config/documents/apply-config-document";
import { requireConsoleArea } from "@/lib/auth/require-console-area";
import { readJsonBody } from "@/lib/gateway/request/read-body";
import { apiError } from "@/lib/http/api-error";
import { parseOrThrow } from "@/lib/http/validation";
import { loadReplayPolicy, PolicyNotFoundError, type ReplayPolicy } from "./policy-source";
import { maxWhatIfDays, runWhatIf } from "./run-what-if";
import type { WhatIfStreamLine } from "./stream-line";

/** A configuration document is a few hundred KB at most; 2 MB leaves room without inviting abuse. */
const MAX_BODY_BYTES = 2_000_000;

const bodySchema = () =>
  z.object({
    policy: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("draft") }),
      z.object({ kind: z.literal("version"), number: z.number().int().positive() }),
      z.object({ kind: z.literal("document"), text: z.string().min(2) }),
    ]),
    days: z.number().int().min(1).max(maxWhatIfDays(), `at most ${maxWhatIfDays()} days: older records are purged (DECISION_RETENTION_DAYS)`),
  });

// One replay at a time per process: it competes for the CPU with the gateway it runs beside.
let running = false;

async function policyOrError(source: z.infer<ReturnType<typeof bodySchema>>["policy"]): Promise<ReplayPolicy> {
  try {
    return await loadReplayPolicy(source);
  } catch (error) {
    if (error instanceof PolicyNotFoundError) throw apiError("policy_not_found", error.message, { param: "policy.number" });
    if (error instanceof ConfigDocumentError) {
      const first = error.issues[0];
      throw apiError("invalid_document", `${error.message}${first ? ` First: ${first.path || "(document)"}: ${first.message}` : ""}`, { param: "policy.text" });
    }
    throw error;
  }
}

export async function handleWhatIf(request: Request): Promise<Response> {
  await requireConsoleArea("whatIf");
  const body = parseOrThrow(bodySchema(), await readJsonBody(request, MAX_BODY_BYTES));
  if (running) throw apiError("what_if_running", "Another what-if is running on this server; try again when it has finished.", { headers: { "retry-after": "5" } });
  running = true;
  let policy: ReplayPolicy;
  try {
    policy = await policyOrError(body.policy);
  } catch (error) {
    running = false;
    throw error;
  }
  const encoder = new TextEncoder();
  // A page closed mid-run cancels the stream: the replay stops at its next slice.
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: WhatIfStreamLine) => {
        if (!cancelled) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      try {
        const result = await runWhatIf({ source: policy, days: body.days }, (progress) => {
          if (cancelled) throw new Error("what-if cancelled by the client");
          send({ type: "progress", ...progress });
        });
        send({ type: "result", result });
      } catch (error) {
        if (!cancelled) {
          console.error("[switchyard] what-if failed", error);
          send({ type: "error", message: "The replay failed on the server; nothing was changed. Try again, or a shorter window." });
        }
      } finally {
        running = false;
        if (!cancelled) controller.close();
      }
    },
    cancel() {
      cancelled = true;
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}
