// Prisma enums cannot hold a hyphen, so the database spells "openai-compatible" as
// "openai_compatible". These two functions are the only place that translation happens.
import type { ProviderKind } from "@/lib/routing/types";

export type DbProviderKind = "openai" | "anthropic" | "openai_compatible" | "simulator";

export const toPolicyKind = (kind: DbProviderKind): ProviderKind => (kind === "openai_compatible" ? "openai-compatible" : kind);
export const toDbKind = (kind: ProviderKind): DbProviderKind => (kind === "openai-compatible" ? "openai_compatible" : kind);
