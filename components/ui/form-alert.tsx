"use client";
import { useRouter } from "next/navigation";
import { Button } from "./button";

/**
 * The form-level message of a refused save. A stale save ("changed by X at T — reload") comes
 * with the reload it asks for, so the person does not lose their way back to fresh data.
 */
export function FormAlert({ message, stale, onReload }: { message: string; stale?: boolean; onReload?: () => void }) {
  const router = useRouter();
  return (
    <div role="alert" className="flex items-start justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      <p>{message}</p>
      {stale ? (
        <Button
          variant="secondary"
          className="shrink-0 px-2.5 py-1"
          onClick={() => {
            onReload?.();
            router.refresh();
          }}
        >
          Reload
        </Button>
      ) : null}
    </div>
  );
}
