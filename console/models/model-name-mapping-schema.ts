// The model-name mapping form: a glob over the names clients send, what it routes as, and the
// difficulty it implies. Targets are checked against the working configuration on the server.
import { z } from "zod";
import { DIFFICULTIES } from "@/lib/routing/types";
import { versionField } from "@/lib/forms/fields";

export const mappingPatternField = z
  .string()
  .trim()
  .min(1, "Enter a pattern, e.g. claude-*.")
  .max(200, "At most 200 characters.")
  .regex(/^[A-Za-z0-9._:/@[\]*-]+$/, "Use letters, digits, . _ : / @ [ ] - and * (any run of characters).");

const mappingFields = {
  pattern: mappingPatternField,
  target: z.string().trim().min(1, "Choose auto, a tier or a model.").max(200, "At most 200 characters."),
  difficulty: z.preprocess((value) => (value === "" ? null : value), z.enum(DIFFICULTIES, { message: "Choose routine, standard, hard or none." }).nullable()),
  priority: z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
    z.number({ message: "Priority must be a whole number." }).int("Priority must be a whole number.").min(0, "At least 0.").max(10_000, "At most 10,000."),
  ),
};

export const createMappingSchema = z.object(mappingFields);
export type CreateMappingInput = z.infer<typeof createMappingSchema>;

export const updateMappingSchema = z.object({ ...mappingFields, id: z.string().min(1), version: versionField });
export type UpdateMappingInput = z.infer<typeof updateMappingSchema>;

export const deleteMappingSchema = z.object({ id: z.string().min(1), version: versionField });
export type DeleteMappingInput = z.infer<typeof deleteMappingSchema>;
