"use server";
// Features & budgets: who uses the gateway for what, with which budget and defaults.
import { revalidatePath } from "next/cache";
import { configAction } from "@/lib/forms/config-action";
import { createFeature, updateFeature } from "@/console/features/server/save-feature";
import { createFeatureSchema, updateFeatureSchema } from "@/console/features/schema";

export const createFeatureAction = configAction(createFeatureSchema, async (input, user) => {
  await createFeature(input, user);
  revalidatePath("/", "layout");
});

export const updateFeatureAction = configAction(updateFeatureSchema, async (input, user) => {
  await updateFeature(input, user);
  revalidatePath("/", "layout");
});
