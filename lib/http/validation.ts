import type { z } from "zod";
import { apiError, type ApiError } from "./api-error";

/** Turns a zod failure into a 400 that names the field, e.g. "messages.0.role: Invalid option". */
export function validationError(error: z.ZodError, where: "body" | "query" | "params" | "headers" = "body"): ApiError {
  const first = error.issues[0];
  const path = first?.path.map(String).join(".") ?? "";
  const message = first
    ? `Invalid ${where}${path ? ` field '${path}'` : ""}: ${first.message}${error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? "s" : ""})` : ""}`
    : `Invalid ${where}.`;
  return apiError("invalid_request", message, path ? { param: path } : {});
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: "body" | "query" | "params" | "headers" = "body"): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, where);
  return parsed.data;
}

export function queryObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}
