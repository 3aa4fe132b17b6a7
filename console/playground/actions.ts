"use server";
// The playground: a dry run (the gateway's engine on the published policy, nothing called or
// recorded) and, on request, a real run through the gateway pipeline as the signed-in person.
import { configAction } from "@/lib/forms/config-action";
import { dryRunPlayground } from "@/console/playground/server/dry-run";
import { runPlayground } from "@/console/playground/server/run";
import { playgroundSchema } from "@/console/playground/schema";
import { ConfigRuleError } from "@/lib/forms/stale-edit";
import { ApiError } from "@/lib/http/api-error";

/** "No policy published" and other gateway refusals before deciding become messages, not 500s. */
async function asMessage<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError) throw new ConfigRuleError(error.message);
    throw error;
  }
}

export const dryRunAction = configAction(playgroundSchema, (input) => asMessage(() => dryRunPlayground(input)));

export const runForRealAction = configAction(playgroundSchema, (input, user) => asMessage(() => runPlayground(input, user)));
