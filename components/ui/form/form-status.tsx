"use client";
import { Button } from "../button";
import { cn } from "../cn";
import type { FormError } from "@/lib/forms/form-feedback";

/**
 * A refused save, inline beside an editor's buttons (the editors that open in place on the
 * page: providers, models, tiers, routing rules). A stale save is amber and offers Reload,
 * which fetches the other person's change; the editor reopens on the new version when the page
 * data arrives.
 */
export function FormStatus({ error, onReload }: { error: FormError | null; onReload: () => void }) {
  if (!error) return null;
  return (
    <div role="alert" className={cn("flex flex-wrap items-center gap-3 rounded-md px-3 py-2 text-sm", error.stale ? "bg-amber-50 text-amber-900" : "bg-red-50 text-red-800")}>
      <span>{error.message}</span>
      {error.stale ? (
        <Button variant="secondary" className="py-1" onClick={onReload}>
          Reload
        </Button>
      ) : null}
    </div>
  );
}
