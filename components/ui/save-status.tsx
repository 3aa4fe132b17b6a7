"use client";
// One confirmation for every console form: the one form hook (components/ui/form/use-action-form.ts)
// calls announceSaved() after a successful save, and the single <SaveStatus /> in the console
// layout shows "Saved" in a polite live region, fixed at the bottom of the screen so it is seen
// on a long page and even when the form's dialog has closed. No form renders its own.
import { useEffect, useState } from "react";

const EVENT = "switchyard:saved";
/** Long enough to read, short enough not to linger over the next edit. */
const SHOWN_MS = 5000;

export function announceSaved(text = "Saved") {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: text }));
}

export function SaveStatus() {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onSaved = (event: Event) => {
      setText((event as CustomEvent<string>).detail);
      clearTimeout(timer);
      timer = setTimeout(() => setText(null), SHOWN_MS);
    };
    window.addEventListener(EVENT, onSaved);
    return () => {
      window.removeEventListener(EVENT, onSaved);
      clearTimeout(timer);
    };
  }, []);
  // The live region is always in the page, so screen readers announce the text when it appears.
  return (
    <div role="status" aria-live="polite" data-testid="save-status" className="pointer-events-none fixed right-4 bottom-4 z-[70]">
      {text ? <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-800 shadow-md">✓ {text}</p> : null}
    </div>
  );
}
