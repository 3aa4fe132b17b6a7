import "server-only";
import { getDb } from "@/lib/db";
import { orderMappings } from "@/lib/gateway/pipeline/model-names";
import { DIFFICULTIES, type Difficulty } from "@/lib/routing/types";

export interface ModelNameMappingRow {
  id: string;
  pattern: string;
  target: string;
  difficulty: Difficulty | null;
  priority: number;
  version: number;
}

/** The mappings in the order the gateway tries them. */
export async function listModelNameMappings(): Promise<ModelNameMappingRow[]> {
  const rows = await getDb().modelNameMapping.findMany();
  const typed = rows.map((row) => ({
    id: row.id,
    pattern: row.pattern,
    target: row.target,
    difficulty: (DIFFICULTIES as readonly string[]).includes(row.difficulty ?? "") ? (row.difficulty as Difficulty) : null,
    priority: row.priority,
    version: row.version,
  }));
  const order = orderMappings(typed);
  return order.map((mapping) => typed.find((row) => row.pattern === mapping.pattern)!);
}
