"use client";
import { ArrowDown, ArrowUp } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

interface Props {
  name: string;
  enabled: boolean;
  position: number;
  first: boolean;
  last: boolean;
  busy: boolean;
  editing: boolean;
  onMove: (direction: "up" | "down") => void;
  onToggle: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** Up / down, on / off, edit and delete for one rule: all plain buttons, all keyboard-reachable. */
export function RuleActions({ name, enabled, position, first, last, busy, editing, onMove, onToggle, onEdit, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [movedBy, setMovedBy] = useState<"up" | "down" | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const focus = (selector: string) => box.current?.querySelector<HTMLButtonElement>(selector)?.focus();

  // Reordering moves the row in the DOM, which drops focus: put it back on the same arrow
  // (or the other one at the end of the list) so a keyboard user can keep moving the rule.
  useEffect(() => {
    if (movedBy === null) return;
    const direction = movedBy === "up" ? (first ? "down" : "up") : last ? "up" : "down";
    focus(`[data-move="${direction}"]`);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the move is handled once its new position has rendered
    setMovedBy(null);
  }, [position]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (confirming) focus("[data-confirm-delete]");
  }, [confirming]);

  function move(direction: "up" | "down") {
    setMovedBy(direction);
    onMove(direction);
  }

  return (
    <div ref={box} className="flex items-center justify-end gap-1">
      {confirming ? (
        <>
          <span className="text-xs text-slate-600">Delete this rule?</span>
          <Button data-confirm-delete variant="danger" className="px-2.5 py-1" disabled={busy} onClick={onDelete}>
            {busy ? "Deleting…" : "Delete"}
          </Button>
          <Button variant="ghost" className="px-2.5 py-1" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </>
      ) : (
        <>
          <Button data-move="up" variant="ghost" className="p-1.5" aria-label={`Move ${name} up`} disabled={first || busy} onClick={() => move("up")}>
            <ArrowUp className="size-4" aria-hidden />
          </Button>
          <Button data-move="down" variant="ghost" className="p-1.5" aria-label={`Move ${name} down`} disabled={last || busy} onClick={() => move("down")}>
            <ArrowDown className="size-4" aria-hidden />
          </Button>
          <Button variant="ghost" className="w-16 px-2 py-1" disabled={busy} onClick={onToggle} aria-label={`${enabled ? "Disable" : "Enable"} ${name}`}>
            {enabled ? "Disable" : "Enable"}
          </Button>
          <Button variant="secondary" className="w-14 px-2.5 py-1" aria-expanded={editing} aria-label={`Edit ${name}`} onClick={onEdit}>
            {editing ? "Close" : "Edit"}
          </Button>
          <Button variant="ghost" className="px-2 py-1 text-red-700" aria-label={`Delete ${name}`} disabled={busy} onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </>
      )}
    </div>
  );
}
