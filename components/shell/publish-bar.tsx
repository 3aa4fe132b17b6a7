"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { publishAction } from "@/app/(console)/publish-actions";
import { Button } from "@/components/ui/button";

/** Shown to config editors: what is live, what is waiting, and the one button that publishes it. */
export function PublishBar({ publishedVersion, unpublishedChanges }: { publishedVersion: number | null; unpublishedChanges: number }) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await publishAction({ note });
      if (!result.ok) {
        setMessage({ tone: "error", text: result.fieldErrors?.note ?? result.error });
        return;
      }
      setNote("");
      setMessage({ tone: "ok", text: `Published version ${result.data.version}. The gateway serves it now.` });
      router.refresh();
    });
  }

  return (
    <div className="mb-6 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-2.5 text-sm" data-testid="publish-bar">
      <span className="text-slate-600">
        Live: <span className="font-semibold text-slate-900">{publishedVersion ? `policy v${publishedVersion}` : "no policy"}</span>
      </span>
      <span className={unpublishedChanges > 0 ? "font-medium text-amber-700" : "text-slate-500"} data-testid="unpublished-count">
        {unpublishedChanges === 0 ? "No unpublished changes" : `${unpublishedChanges} unpublished change${unpublishedChanges === 1 ? "" : "s"}`}
      </span>
      {unpublishedChanges > 0 ? (
        <form onSubmit={onSubmit} className="ml-auto flex items-center gap-2">
          <label htmlFor="publish-note" className="sr-only">
            Publish note
          </label>
          <input
            id="publish-note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder="What changes, in a few words"
            className="w-64 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
            maxLength={500}
          />
          <Button type="submit" disabled={pending}>
            {pending ? "Publishing…" : "Publish"}
          </Button>
        </form>
      ) : null}
      {message ? (
        <p role="status" className={`basis-full ${message.tone === "error" ? "text-red-700" : "text-emerald-700"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
