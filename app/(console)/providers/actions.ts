"use server";
// Provider mutations and the connection test. Every one checks the role on the server first.
import { configAction } from "@/lib/config/config-action";
import { providerInputSchema, testConnectionSchema } from "@/lib/config/provider-schema";
import { createProvider, updateProvider } from "@/lib/config/save-provider";
import { testProviderConnection } from "@/lib/console/test-provider-connection";

const actor = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

export const createProviderAction = configAction(providerInputSchema, (input, user) => createProvider(input, actor(user)));
export const updateProviderAction = configAction(providerInputSchema, (input, user) => updateProvider(input, actor(user)));
/** Changes nothing; editors only, because it spends a (tiny) real call on the provider's account. */
export const testConnectionAction = configAction(testConnectionSchema, ({ providerKey, modelAlias }) => testProviderConnection(providerKey, modelAlias));
