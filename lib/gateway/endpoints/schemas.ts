// Bodies and headers the gateway's own endpoints accept. The chat completions body is OpenAI's
// (lib/wire/openai-chat/request-schema.ts); the native route takes the same fields plus the
// routing hints as body fields, and the drop-in endpoint takes the hints as headers.
import { z } from "zod";
import { chatParameters } from "@/lib/wire/openai-chat/request-schema";
import { DATA_CLASSES, DIFFICULTIES } from "@/lib/routing/types";

export const routeBodySchema = z.looseObject({
  model: z.string().min(1).max(200).optional().default("auto"),
  ...chatParameters,
  feature: z.string().min(1).max(100).optional(),
  difficulty: z.enum(DIFFICULTIES).optional(),
  dataClass: z.enum(DATA_CLASSES).optional(),
  dryRun: z.boolean().optional().default(false),
});

export type RouteBody = z.infer<typeof routeBodySchema>;

/** The native route's own fields: not part of the request a model receives. */
export const ROUTE_ONLY_FIELDS = ["feature", "difficulty", "dataClass", "dryRun"] as const;

/** The routing hints of the drop-in endpoint, sent as headers so OpenAI clients need no body change. */
export const hintHeadersSchema = z.object({
  "x-switchyard-feature": z.string().min(1).max(100).optional(),
  "x-switchyard-difficulty": z.enum(DIFFICULTIES).optional(),
  "x-switchyard-data-class": z.enum(DATA_CLASSES).optional(),
});

export function hintHeaders(request: Request) {
  return {
    "x-switchyard-feature": request.headers.get("x-switchyard-feature") ?? undefined,
    "x-switchyard-difficulty": request.headers.get("x-switchyard-difficulty") ?? undefined,
    "x-switchyard-data-class": request.headers.get("x-switchyard-data-class") ?? undefined,
  };
}
