"use client";
// Side-by-side bars per category (p50 and p95 per tier). Receives prepared points only.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis, type XAxisTickContentProps } from "recharts";
import { formatValue, type ValueKind } from "@/lib/analytics/format-report";
import { ChartFrame } from "./chart-frame";
import { wrapCategory } from "./wrap-category";
import type { ChartSeries } from "./stacked-bar-chart";

export interface GroupedBarChartProps {
  label: string;
  data: ReadonlyArray<object>;
  categoryKey: string;
  series: ChartSeries[];
  valueKind: ValueKind;
  height?: number;
}

/**
 * Every category's name is shown (interval 0), so on a phone "Local open-weight" and "Hosted
 * open-weight" would overlap: each wraps to the width of its own band instead. On a wide screen
 * each fits on one line and nothing changes.
 */
function CategoryTick({ x, y, width, visibleTicksCount, payload }: XAxisTickContentProps) {
  const band = Number(width) / Math.max(1, visibleTicksCount);
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={12} fill="#64748b" className="recharts-cartesian-axis-tick-value">
      {wrapCategory(String(payload.value), band - 6).map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? "0.71em" : "1.15em"}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function GroupedBarChart({ label, data, categoryKey, series, valueKind, height }: GroupedBarChartProps) {
  const format = (value: number) => formatValue(valueKind, value, { compact: true });
  return (
    <ChartFrame label={label} height={height}>
      <BarChart data={data as object[]} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey={categoryKey} interval={0} height={52} tick={CategoryTick} stroke="#cbd5e1" />
        <YAxis tickFormatter={format} width={64} tick={{ fontSize: 12, fill: "#64748b" }} stroke="#cbd5e1" />
        <Tooltip formatter={(value) => formatValue(valueKind, Number(value))} cursor={{ fill: "#f1f5f9" }} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={(value) => <span style={{ color: "#334155" }}>{value}</span>} />
        {series.map((entry) => (
          <Bar key={entry.key} dataKey={entry.key} name={entry.label} fill={entry.color} isAnimationActive={false} maxBarSize={40} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
