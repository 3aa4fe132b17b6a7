import "server-only";
import { getDb } from "@/lib/db";
import { toPolicyKind } from "../provider-kind";
import type { CatalogueEntry } from "./catalogue-entry";
import { catalogueDefaults, catalogueProviderFor, searchCatalogue } from "./lookup-catalogue";

/**
 * What the model form's catalogue box lists for a query: when the chosen provider is one the
 * catalogue knows, the entry for exactly that model id first (dated releases included), then
 * matches at that provider, then everywhere else.
 */
export async function searchModelCatalogue(query: string, providerKey: string | null): Promise<CatalogueEntry[]> {
  const provider = providerKey ? await getDb().provider.findUnique({ where: { key: providerKey }, select: { kind: true, baseUrl: true } }) : null;
  const preferProvider = provider ? catalogueProviderFor({ kind: toPolicyKind(provider.kind), baseUrl: provider.baseUrl }) : null;
  const exact = preferProvider ? catalogueDefaults(preferProvider, query.trim()) : null;
  const found = searchCatalogue(query, { preferProvider, limit: 10 });
  return exact ? [exact, ...found.filter((entry) => entry.ref !== exact.ref)].slice(0, 10) : found;
}
