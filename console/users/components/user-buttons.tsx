"use client";
import { useState } from "react";
import { updateUserAction } from "@/console/users/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/form/confirm-dialog";
import { DialogButton, EditButton } from "@/components/ui/form/dialog-button";
import { useRowAction } from "@/components/ui/form/use-row-action";
import type { UserRow } from "@/console/users/server/list-users";
import { CreateUserForm, EditUserForm } from "./user-forms";

export function NewUserButton() {
  return (
    <DialogButton label="Add user" title="Add a user" description="They sign in with this email and the initial password; SSO users sign in through your identity provider instead.">
      {(close) => <CreateUserForm onDone={close} />}
    </DialogButton>
  );
}

export function UserButtons({ user, isSelf, loadedAt }: { user: UserRow; isSelf: boolean; loadedAt: string }) {
  const [confirming, setConfirming] = useState(false);
  const toggle = useRowAction();
  const verb = user.active ? "Deactivate" : "Reactivate";

  return (
    <div className="flex justify-end gap-2">
      <EditButton name={user.email} title={`Edit ${user.email}`} description="A new role applies to their next request.">
        {(close) => <EditUserForm user={user} loadedAt={loadedAt} onDone={close} />}
      </EditButton>
      <Button variant="ghost" className={`px-2.5 py-1 ${user.active ? "text-red-700" : ""}`} onClick={() => (toggle.clearError(), setConfirming(true))} aria-label={`${verb} ${user.email}`}>
        {verb}
      </Button>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`${verb} ${user.name}${isSelf ? " (you)" : ""}?`}
        error={toggle.error}
        pending={toggle.pending}
        onConfirm={() => toggle.run(() => updateUserAction({ id: user.id, seenAt: loadedAt, active: !user.active }), () => setConfirming(false))}
        confirmLabel={verb}
        pendingLabel="Saving…"
        cancelLabel="Cancel"
        confirmVariant={user.active ? "danger" : "primary"}
      >
        <p className="text-sm text-slate-700">
          {user.active
            ? `${user.email} is signed out on their next request and cannot sign in until reactivated. Their history stays.`
            : `${user.email} can sign in again with their existing password, as ${user.role}.`}
        </p>
      </ConfirmDialog>
    </div>
  );
}
