"use client";
import type { ReactNode } from "react";
import { Button } from "../button";
import { Dialog } from "../dialog";
import { FormAlert } from "../form-alert";
import type { FormError } from "@/lib/forms/form-feedback";

/**
 * "Revoke this key?", "Delete this rule?": what will happen, the refusal if the last try failed
 * (a stale one closes the dialog on Reload), and the two choices — the safe one focused first,
 * so Enter never destroys anything by accident.
 */
export function ConfirmDialog({
  open,
  onClose,
  title,
  children,
  error,
  pending,
  onConfirm,
  confirmLabel,
  pendingLabel,
  cancelLabel = "Keep it",
  confirmVariant = "danger",
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  error: FormError | null;
  pending: boolean;
  onConfirm: () => void;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel?: string;
  confirmVariant?: "danger" | "primary";
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      {children}
      {error ? (
        <div className="mt-3">
          <FormAlert message={error.message} stale={error.stale} onReload={onClose} />
        </div>
      ) : null}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} autoFocus>
          {cancelLabel}
        </Button>
        <Button variant={confirmVariant} onClick={onConfirm} disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
