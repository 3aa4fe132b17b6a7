"use server";
// Policy versions: publish, discard the draft, roll back, and configuration as code (check a
// document, apply it). Editors only; every action checks the role on the server. Whatever goes
// live, this process's gateway switches at once rather than at the next poll.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { applyConfigDocument, ConfigDocumentError, previewConfigDocument } from "@/lib/config/documents/apply-config-document";
import { configAction } from "@/lib/forms/config-action";
import { discardDraft } from "@/lib/config/versions/discard-draft";
import { publishPolicy } from "@/lib/config/versions/publish-policy";
import { rollBackPolicy } from "@/lib/config/versions/roll-back-policy";
import { policyPublished } from "@/lib/gateway/instance/runtime";

// Publish: the working configuration becomes the next immutable policy version; the gateway
// picks it up within a second (lib/gateway/instance/policy-store.ts). Discard draft: the working
// configuration goes back to the live version; nothing is published.
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

const MAX_DOCUMENT_CHARS = 2_000_000;
const note = z.string().trim().min(3, "Say in a few words why (at least 3 characters).").max(500);

const rollBackSchema = z.object({ toVersion: z.number().int().min(1), note: z.string().trim().max(500).optional() });

export const rollBackAction = configAction(rollBackSchema, async ({ toVersion, note: reason }, user) => {
  const version = await rollBackPolicy({ toVersion, note: reason ? reason : null, actor: { id: user.id, email: user.email } });
  await policyPublished();
  revalidatePath("/", "layout");
  return { version };
});

const documentText = z.string().min(1, "Choose a file first.").max(MAX_DOCUMENT_CHARS, "The file is larger than 2 MB; a configuration document is far smaller.");

export const checkConfigAction = configAction(z.object({ text: documentText }), async ({ text }, user) => {
  try {
    const { plan, basis } = await previewConfigDocument(text, user.role);
    return { valid: true as const, total: plan.total, changes: plan.changes, basis };
  } catch (error) {
    if (error instanceof ConfigDocumentError) return { valid: false as const, issues: error.issues };
    throw error;
  }
});

export const applyConfigAction = configAction(z.object({ text: documentText, note, basis: z.string().nullable() }), async ({ text, note: why, basis }, user) => {
  try {
    const { plan, version } = await applyConfigDocument(text, { actor: { id: user.id, email: user.email }, note: why, basis, role: user.role });
    if (version !== null) await policyPublished();
    revalidatePath("/", "layout");
    return { applied: true as const, version, total: plan.total };
  } catch (error) {
    if (error instanceof ConfigDocumentError) return { applied: false as const, issues: error.issues };
    throw error;
  }
});
