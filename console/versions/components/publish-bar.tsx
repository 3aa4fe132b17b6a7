"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { discardDraftAction, publishAction } from "@/console/versions/actions";
import { Button } from "@/components/ui/button";

export interface PublishBarProps {
  publishedVersion: number | null;
  /** Differences between the working configuration and the live version. */
  unpublishedChanges: number;
  /** A few of them in words. */
  sample?: string[];
  canDiscard?: boolean;
}

/** Shown to config editors: what is live, how the working configuration differs from it, and the buttons that publish or discard that. */
export function PublishBar({ publishedVersion, unpublishedChanges, sample = [], canDiscard = false }: PublishBarProps) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
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

  function onDiscard() {
    startTransition(async () => {
      const result = await discardDraftAction({});
      setConfirming(false);
      if (!result.ok) {
        setMessage({ tone: "error", text: result.error });
        return;
      }
      setMessage({ tone: "ok", text: `Discarded the draft: the working configuration is live version ${result.data.version} again (${result.data.changed} ${result.data.changed === 1 ? "row" : "rows"} restored).` });
      router.refresh();
    });
  }

  const waiting = unpublishedChanges > 0;
  return (
    // Sticky: on a long page the bar stays in view while editing (below the phone's top bar).
    <div className="sticky top-14 z-20 mb-6 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-2.5 text-sm shadow-sm md:top-2" data-testid="publish-bar">
      <span className="text-slate-600">
        Live: <span className="font-semibold text-slate-900">{publishedVersion ? `policy v${publishedVersion}` : "no policy"}</span>
      </span>
      <span className={waiting ? "font-medium text-amber-700" : "text-slate-600"} data-testid="unpublished-count" title={sample.length > 0 ? sample.join("\n") : undefined}>
        {waiting
          ? `${unpublishedChanges} unpublished change${unpublishedChanges === 1 ? "" : "s"}${publishedVersion ? ` against v${publishedVersion}` : ""}`
          : publishedVersion
            ? `No unpublished changes: the working configuration is v${publishedVersion}`
            : "No unpublished changes"}
      </span>
      {waiting ? (
        <Link href="/what-if?policy=draft" className="text-sky-700 hover:underline">
          What if? Replay the draft on past traffic
        </Link>
      ) : null}
      {waiting ? (
        <form onSubmit={onSubmit} className="ml-auto flex flex-wrap items-center gap-2">
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
            {pending && !confirming ? "Publishing…" : "Publish"}
          </Button>
          {canDiscard && publishedVersion ? (
            confirming ? (
              <span className="flex items-center gap-2" role="group" aria-label="Confirm discarding the draft">
                <span className="text-slate-700">
                  Undo {unpublishedChanges === 1 ? "this change" : `all ${unpublishedChanges} changes`} and return to v{publishedVersion}?
                </span>
                <Button type="button" variant="danger" disabled={pending} onClick={onDiscard}>
                  {pending ? "Discarding…" : "Discard draft"}
                </Button>
                <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
                  Keep
                </Button>
              </span>
            ) : (
              <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirming(true)}>
                Discard draft…
              </Button>
            )
          ) : null}
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
