"use client";
import { useState, type ReactNode } from "react";
import { Button } from "../button";
import { Dialog } from "../dialog";

/**
 * A button that opens a form in a dialog ("Add feature", a row's "Edit"). The form gets `close`
 * for its Cancel and for after a save; the dialog mounts it only while open, so every opening
 * starts from fresh values.
 */
export function DialogButton({
  label,
  ariaLabel,
  variant = "primary",
  className,
  title,
  description,
  wide,
  children,
}: {
  label: string;
  ariaLabel?: string;
  variant?: "primary" | "secondary";
  className?: string;
  title: string;
  description?: ReactNode;
  wide?: boolean;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button variant={variant} className={className} onClick={() => setOpen(true)} aria-label={ariaLabel}>
        {label}
      </Button>
      <Dialog open={open} onClose={close} title={title} description={description} wide={wide}>
        {children(close)}
      </Dialog>
    </>
  );
}

/** A table row's "Edit" button, labelled with the row's name for screen readers and tests. */
export function EditButton({ name, ...dialog }: { name: string; title: string; description?: ReactNode; wide?: boolean; children: (close: () => void) => ReactNode }) {
  return <DialogButton label="Edit" ariaLabel={`Edit ${name}`} variant="secondary" className="px-2.5 py-1" {...dialog} />;
}
