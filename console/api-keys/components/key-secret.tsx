"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The new key's secret, shown once: after this dialog closes only its prefix is ever shown. */
export function KeySecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      // Clipboard access needs a secure context or permission; the text stays selectable.
      setCopied("failed");
    }
  }

  return (
    <div className="space-y-4">
      <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        Copy this key now and store it in your app&apos;s secret store. Switchyard keeps only a hash: the key cannot be shown again.
      </p>
      <div>
        <label htmlFor="api-key-secret" className="block text-sm font-medium text-slate-700">
          Secret key
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="api-key-secret"
            readOnly
            value={secret}
            onFocus={(event) => event.currentTarget.select()}
            className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
            data-testid="api-key-secret"
          />
          <Button variant="secondary" onClick={copy} className="shrink-0">
            {copied === "yes" ? "Copied" : "Copy"}
          </Button>
        </div>
        <p className="mt-1 min-h-5 text-xs text-slate-500" role="status">
          {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "The browser did not allow copying: select the key and copy it by hand." : ""}
        </p>
      </div>
      <div className="flex justify-end">
        <Button onClick={onDone}>I have stored it</Button>
      </div>
    </div>
  );
}
