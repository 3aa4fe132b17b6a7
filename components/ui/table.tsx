import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";
import { ScrollRegion } from "./scroll-region";

/**
 * A table that scrolls sideways inside its card on a narrow screen. `label` names its scroll
 * region, which keyboard users reach with Tab once the table overflows (see ScrollRegion).
 */
export function Table({ label, className, ...props }: HTMLAttributes<HTMLTableElement> & { label: string }) {
  return (
    <ScrollRegion label={label}>
      <table className={cn("w-full text-left text-sm", className)} {...props} />
    </ScrollRegion>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs font-semibold tracking-wide text-slate-500 uppercase", className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-slate-100 px-4 py-2.5 align-top text-slate-700", className)} {...props} />;
}
