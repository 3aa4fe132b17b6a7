import "server-only";
import { getDb } from "@/lib/db";

export interface TierOption {
  key: string;
  name: string;
  rank: number;
}

/** Every tier, cheapest first: the choices a data class's tier list offers. */
export async function listTierOptions(): Promise<TierOption[]> {
  return getDb().tier.findMany({ orderBy: { rank: "asc" }, select: { key: true, name: true, rank: true } });
}
