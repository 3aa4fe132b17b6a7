import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { DifficultyTierRow } from "@/lib/config/list-difficulty-tiers";

export function DifficultyMap({ rows }: { rows: DifficultyTierRow[] }) {
  return (
    <Card>
      <CardHeader title="Difficulty → minimum tier" description="The caller's hint, or the feature's default difficulty, sets the cheapest tier that may answer." />
      <Table>
        <thead>
          <tr>
            <Th>Difficulty</Th>
            <Th>Minimum tier</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.difficulty}>
              <Td className="font-medium text-slate-900">{row.difficulty}</Td>
              <Td>
                {row.tier ? (
                  <>
                    {row.tier.name} <span className="font-mono text-xs text-slate-400">{row.tier.key}</span>
                  </>
                ) : (
                  <span className="text-slate-500">not set — the cheapest tier</span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
