"use server";
// Users: admins only — every action passes ["admin"] to configAction, so an engineer's forged
// call is refused like a finance user's. Changes act at once (sessions read the user per request).
import { revalidatePath } from "next/cache";
import { configAction } from "@/lib/forms/config-action";
import { createUser, updateUser } from "@/console/users/server/save-user";
import { createUserSchema, updateUserSchema } from "@/console/users/schema";

const ADMINS = ["admin"] as const;

export const createUserAction = configAction(
  createUserSchema,
  async (input, user) => {
    await createUser(input, user);
    revalidatePath("/users");
  },
  ADMINS,
);

export const updateUserAction = configAction(
  updateUserSchema,
  async (input, user) => {
    await updateUser(input, user);
    revalidatePath("/", "layout");
  },
  ADMINS,
);
