"use client";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "./cn";

/**
 * A modal on the native <dialog>: showModal() makes the rest of the page inert (focus stays
 * inside), puts it in the top layer, and Escape fires "cancel", which we turn into onClose so
 * the parent's state stays the one truth. On opening, focus goes to the first field of the body
 * (showModal alone would focus the × before it); without a field, to the body's first control.
 * Focus returns to the opener when it closes.
 * Children mount only while open, so every opening starts from fresh form state.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  wide = false,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const body = dialog.querySelector("[data-dialog-body]");
      const first =
        body?.querySelector<HTMLElement>("[autofocus], input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])") ??
        body?.querySelector<HTMLElement>("button:not([disabled]), a[href]");
      first?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className={cn(
        "m-auto max-h-[calc(100vh-3rem)] w-[calc(100vw-2rem)] overflow-y-auto rounded-lg border border-slate-200 bg-white p-0 text-left font-normal whitespace-normal text-slate-900 shadow-xl backdrop:bg-slate-900/40",
        wide ? "max-w-3xl" : "max-w-xl",
      )}
    >
      {open ? (
        <div className="px-6 py-5">
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-lg font-semibold">
                {title}
              </h2>
              {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
            </div>
            <button type="button" onClick={onClose} className="-mt-1 -mr-2 rounded-md px-2 py-1 text-xl leading-none text-slate-500 hover:bg-slate-100" aria-label="Close">
              ×
            </button>
          </div>
          <div data-dialog-body>{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
