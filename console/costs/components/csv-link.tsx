import { Download } from "lucide-react";

/** A download link for one table's CSV, with the page's filters. */
export function CsvLink({ href, title }: { href: string; title: string }) {
  return (
    <a
      href={href}
      download
      aria-label={`Download CSV: ${title}`}
      className="inline-flex shrink-0 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
    >
      <Download className="size-3.5" aria-hidden />
      CSV
    </a>
  );
}
