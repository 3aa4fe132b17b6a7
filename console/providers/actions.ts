"use server";
// Provider mutations and the connection test. Every one checks the role on the server first;
// the services refuse an engineer's change to where a provider's calls go (admins only).
import { configAction } from "@/lib/forms/config-action";
import { providerInputSchema, testConnectionSchema } from "@/console/providers/schema";
import { createProvider, updateProvider } from "@/console/providers/server/save-provider";
import { testProviderConnection } from "@/console/providers/server/test-provider-connection";
import type { SignedInUser } from "@/lib/auth/session";

const editor = (user: SignedInUser) => ({ id: user.id, email: user.email, role: user.role });

export const createProviderAction = configAction(providerInputSchema, (input, user) => createProvider(input, editor(user)));
export const updateProviderAction = configAction(providerInputSchema, (input, user) => updateProvider(input, editor(user)));
/**
 * Changes nothing; editors only, because it spends a (tiny) real call on the provider's account.
 * It takes the provider's key and a model alias, never a URL: the call goes to the saved one.
 */
export const testConnectionAction = configAction(testConnectionSchema, ({ providerKey, modelAlias }) => testProviderConnection(providerKey, modelAlias));
