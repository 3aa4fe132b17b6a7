"use server";
// Licence notes: the terms the router checks for each model, and who reviewed them when.
import { revalidatePath } from "next/cache";
import { configAction } from "@/lib/forms/config-action";
import { createLicence, updateLicence } from "@/console/licences/server/save-licence";
import { createLicenceSchema, updateLicenceSchema } from "@/console/licences/schema";

export const createLicenceAction = configAction(createLicenceSchema, async (input, user) => {
  await createLicence(input, user);
  revalidatePath("/", "layout");
});

export const updateLicenceAction = configAction(updateLicenceSchema, async (input, user) => {
  await updateLicence(input, user);
  revalidatePath("/", "layout");
});
