"use client";
import { useState } from "react";
import { revokeApiKeyAction } from "@/console/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ConfirmDialog } from "@/components/ui/form/confirm-dialog";
import { EditButton } from "@/components/ui/form/dialog-button";
import { useRowAction } from "@/components/ui/form/use-row-action";
import type { ApiKeyRow } from "@/console/api-keys/server/list-api-keys";
import { ApiKeyForm, type CreatedKey, type FeatureOption } from "./api-key-form";
import { KeySecret } from "./key-secret";

export function NewApiKeyButton({ features, loadedAt }: { features: FeatureOption[]; loadedAt: string }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  // Closing forgets the secret: it lives only in this dialog's state.
  const close = () => {
    setOpen(false);
    setCreated(null);
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>Create key</Button>
      <Dialog
        open={open}
        onClose={close}
        title={created ? `Key created: ${created.prefix}…` : "Create an app key"}
        description={created ? undefined : "The key works at once. Its secret is shown once, right after you create it."}
      >
        {created ? <KeySecret secret={created.secret} onDone={close} /> : <ApiKeyForm apiKey={null} features={features} loadedAt={loadedAt} onCreated={setCreated} onDone={close} />}
      </Dialog>
    </>
  );
}

export function ApiKeyButtons({ apiKey, features, loadedAt }: { apiKey: ApiKeyRow; features: FeatureOption[]; loadedAt: string }) {
  const [revoking, setRevoking] = useState(false);
  const revoke = useRowAction();

  return (
    <div className="flex justify-end gap-2">
      <EditButton name={apiKey.name} title={`Edit key: ${apiKey.name}`} description="Scope and rate limit apply to the next request.">
        {(close) => <ApiKeyForm apiKey={apiKey} features={features} loadedAt={loadedAt} onDone={close} />}
      </EditButton>
      <Button variant="ghost" className="px-2.5 py-1 text-red-700" onClick={() => (revoke.clearError(), setRevoking(true))} aria-label={`Revoke ${apiKey.name}`}>
        Revoke
      </Button>
      <ConfirmDialog
        open={revoking}
        onClose={() => setRevoking(false)}
        title={`Revoke “${apiKey.name}”?`}
        error={revoke.error}
        pending={revoke.pending}
        onConfirm={() => revoke.run(() => revokeApiKeyAction({ id: apiKey.id }), () => setRevoking(false))}
        confirmLabel="Revoke key"
        pendingLabel="Revoking…"
      >
        <p className="text-sm text-slate-700">
          Requests with <span className="font-mono">{apiKey.prefix}…</span> are refused (401) from now on. This cannot be undone: the app needs a new key.
        </p>
      </ConfirmDialog>
    </div>
  );
}
