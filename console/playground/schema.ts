// The playground's request: the same knobs an app has (feature, difficulty, declared data
// class, model), typed by a person instead of sent by an app.
import { z } from "zod";
import { DATA_CLASSES, DIFFICULTIES } from "@/lib/routing/types";
import { optionalWholeNumber } from "@/lib/forms/fields";

const emptyIsNull = (value: unknown) => (value === "" || value === undefined ? null : value);

export const playgroundSchema = z.object({
  featureKey: z.preprocess(emptyIsNull, z.string().min(1).nullable()),
  difficulty: z.preprocess(emptyIsNull, z.enum(DIFFICULTIES).nullable()),
  dataClass: z.preprocess(emptyIsNull, z.enum(DATA_CLASSES).nullable()),
  model: z.string().trim().min(1, "Choose auto, a tier or a model.").max(200),
  system: z.string().max(20_000, "At most 20,000 characters."),
  user: z.string().trim().min(1, "Type the user message to route.").max(50_000, "At most 50,000 characters."),
  maxOutputTokens: optionalWholeNumber(1, 200_000, "Max output tokens"),
  /** Offer the model the sample tool (lookup_order): a tool request takes the tool-capable path. */
  offerTool: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()).optional().default(false),
});
export type PlaygroundInput = z.infer<typeof playgroundSchema>;
