"use client";
// Lines over time (actual cost against the all-frontier baseline). Receives prepared points only.
import { CartesianGrid, Legend, Line, LineChart as RechartsLineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue, type ValueKind } from "@/lib/analytics/format-report";
import { ChartFrame } from "./chart-frame";
import type { ChartSeries } from "./stacked-bar-chart";

export interface LineChartProps {
  label: string;
  data: ReadonlyArray<object>;
  categoryKey: string;
  series: Array<ChartSeries & { dashed?: boolean }>;
  valueKind: ValueKind;
  height?: number;
}

export function LineChart({ label, data, categoryKey, series, valueKind, height }: LineChartProps) {
  const format = (value: number) => formatValue(valueKind, value, { compact: true });
  return (
    <ChartFrame label={label} height={height}>
      <RechartsLineChart data={data as object[]} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey={categoryKey} tick={{ fontSize: 12, fill: "#64748b" }} stroke="#cbd5e1" minTickGap={16} />
        <YAxis tickFormatter={format} width={64} tick={{ fontSize: 12, fill: "#64748b" }} stroke="#cbd5e1" />
        <Tooltip formatter={(value) => formatValue(valueKind, Number(value))} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={(value) => <span style={{ color: "#334155" }}>{value}</span>} />
        {series.map((entry) => (
          <Line
            key={entry.key}
            type="monotone"
            dataKey={entry.key}
            name={entry.label}
            stroke={entry.color}
            strokeWidth={2}
            strokeDasharray={entry.dashed ? "6 4" : undefined}
            dot={data.length <= 31 ? { r: 2 } : false}
            isAnimationActive={false}
          />
        ))}
      </RechartsLineChart>
    </ChartFrame>
  );
}
