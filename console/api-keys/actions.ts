"use server";
// App keys act at once (they are not part of the published policy). After a revoke or a
// re-scope the gateway's 5-second key cache is dropped: this process serves the gateway too.
import { revalidatePath } from "next/cache";
import { configAction } from "@/lib/forms/config-action";
import { createApiKey, revokeApiKey, updateApiKey } from "@/console/api-keys/server/save-api-key";
import { createApiKeySchema, revokeApiKeySchema, updateApiKeySchema } from "@/console/api-keys/schema";
import { forgetApiKeys } from "@/lib/gateway/auth/authenticate";

/** Returns the secret to this one response, for the one-time dialog; it is stored nowhere. */
export const createApiKeyAction = configAction(createApiKeySchema, async (input, user) => {
  const created = await createApiKey(input, user);
  revalidatePath("/api-keys");
  return created;
});

export const updateApiKeyAction = configAction(updateApiKeySchema, async (input, user) => {
  await updateApiKey(input, user);
  forgetApiKeys();
  revalidatePath("/api-keys");
});

export const revokeApiKeyAction = configAction(revokeApiKeySchema, async (input, user) => {
  await revokeApiKey(input, user);
  forgetApiKeys();
  revalidatePath("/api-keys");
});
