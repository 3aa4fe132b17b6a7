"use server";
// Publish: the working configuration becomes the next immutable policy version; the gateway
// picks it up within a second (lib/gateway/policy-store.ts). Discard draft: the working
// configuration goes back to the live version; nothing is published.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { configAction } from "@/lib/config/config-action";
import { discardDraft } from "@/lib/config/discard-draft";
import { publishPolicy } from "@/lib/config/publish-policy";
import { policyPublished } from "@/lib/gateway/runtime";

const publishSchema = z.object({ note: z.string().trim().min(3, "Say in a few words what this version changes.").max(500) });

export const publishAction = configAction(publishSchema, async ({ note }, user) => {
  const version = await publishPolicy({ note, actor: { id: user.id, email: user.email } });
  // This process serves the gateway too: switch now rather than at the next poll.
  await policyPublished();
  revalidatePath("/", "layout");
  return { version };
});

export const discardDraftAction = configAction(z.object({}), async (_input, user) => {
  const result = await discardDraft({ actor: { id: user.id, email: user.email }, role: user.role });
  revalidatePath("/", "layout");
  return result;
});
