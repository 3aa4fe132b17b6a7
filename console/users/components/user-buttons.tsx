"use client";
import { useState, useTransition } from "react";
import { updateUserAction } from "@/console/users/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import type { UserRow } from "@/console/users/server/list-users";
import { CreateUserForm, EditUserForm } from "./user-forms";

export function NewUserButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Add user</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Add a user" description="They sign in with this email and the initial password; SSO users sign in through your identity provider instead.">
        <CreateUserForm onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

export function UserButtons({ user, isSelf, loadedAt }: { user: UserRow; isSelf: boolean; loadedAt: string }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const verb = user.active ? "Deactivate" : "Reactivate";

  function toggleActive() {
    startTransition(async () => {
      const result = await updateUserAction({ id: user.id, seenAt: loadedAt, active: !user.active });
      if (result.ok) setConfirming(false);
      else setError({ message: result.error, stale: result.stale === true });
    });
  }

  return (
    <div className="flex justify-end gap-2">
      <Button variant="secondary" className="px-2.5 py-1" onClick={() => setEditing(true)} aria-label={`Edit ${user.email}`}>
        Edit
      </Button>
      <Button variant="ghost" className={`px-2.5 py-1 ${user.active ? "text-red-700" : ""}`} onClick={() => (setError(null), setConfirming(true))} aria-label={`${verb} ${user.email}`}>
        {verb}
      </Button>
      <Dialog open={editing} onClose={() => setEditing(false)} title={`Edit ${user.email}`} description="A new role applies to their next request.">
        <EditUserForm user={user} loadedAt={loadedAt} onDone={() => setEditing(false)} />
      </Dialog>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={`${verb} ${user.name}${isSelf ? " (you)" : ""}?`}>
        <p className="text-sm text-slate-700">
          {user.active
            ? `${user.email} is signed out on their next request and cannot sign in until reactivated. Their history stays.`
            : `${user.email} can sign in again with their existing password, as ${user.role}.`}
        </p>
        {error ? (
          <div className="mt-3">
            <FormAlert message={error.message} stale={error.stale} onReload={() => setConfirming(false)} />
          </div>
        ) : null}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)} autoFocus>
            Cancel
          </Button>
          <Button variant={user.active ? "danger" : "primary"} onClick={toggleActive} disabled={pending}>
            {pending ? "Saving…" : verb}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
