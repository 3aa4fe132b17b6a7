"use server";
// Models & tiers mutations: each checks the role on the server, validates with the form's own
// schema, refuses a stale form and records the change (console/models/server). Publishing is separate.
// The catalogue search changes nothing; it goes through the same wrapper for the role check.
import { revalidatePath } from "next/cache";
import { searchModelCatalogue } from "@/lib/config/catalogue/search-model-catalogue";
import { configAction } from "@/lib/forms/config-action";
import { catalogueSearchSchema, createMappingSchema, deleteMappingSchema, modelInputSchema, tierInputSchema, updateMappingSchema } from "@/console/models/schema";
import { createModel, updateModel } from "@/console/models/server/save-model";
import { createModelNameMapping, deleteModelNameMapping, updateModelNameMapping } from "@/console/models/server/save-model-name-mapping";
import { updateTier } from "@/console/models/server/save-tier";

const actor = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

export const createModelAction = configAction(modelInputSchema, (input, user) => createModel(input, actor(user)));
export const updateModelAction = configAction(modelInputSchema, (input, user) => updateModel(input, actor(user)));
export const updateTierAction = configAction(tierInputSchema, (input, user) => updateTier(input, actor(user)));
export const searchCatalogueAction = configAction(catalogueSearchSchema, (input) => searchModelCatalogue(input.query, input.providerKey));

export const createMappingAction = configAction(createMappingSchema, async (input, user) => {
  await createModelNameMapping(input, actor(user));
  revalidatePath("/", "layout");
});
export const updateMappingAction = configAction(updateMappingSchema, async (input, user) => {
  await updateModelNameMapping(input, actor(user));
  revalidatePath("/", "layout");
});
export const deleteMappingAction = configAction(deleteMappingSchema, async (input, user) => {
  await deleteModelNameMapping(input, actor(user));
  revalidatePath("/", "layout");
});
