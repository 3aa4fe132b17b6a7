"use client";
import { useState, useTransition } from "react";
import { revokeApiKeyAction } from "@/console/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
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
  const [editing, setEditing] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function revoke() {
    startTransition(async () => {
      const result = await revokeApiKeyAction({ id: apiKey.id });
      if (result.ok) setRevoking(false);
      else setError(result.error);
    });
  }

  return (
    <div className="flex justify-end gap-2">
      <Button variant="secondary" className="px-2.5 py-1" onClick={() => setEditing(true)} aria-label={`Edit ${apiKey.name}`}>
        Edit
      </Button>
      <Button variant="ghost" className="px-2.5 py-1 text-red-700" onClick={() => (setError(null), setRevoking(true))} aria-label={`Revoke ${apiKey.name}`}>
        Revoke
      </Button>
      <Dialog open={editing} onClose={() => setEditing(false)} title={`Edit key: ${apiKey.name}`} description="Scope and rate limit apply to the next request.">
        <ApiKeyForm apiKey={apiKey} features={features} loadedAt={loadedAt} onDone={() => setEditing(false)} />
      </Dialog>
      <Dialog open={revoking} onClose={() => setRevoking(false)} title={`Revoke “${apiKey.name}”?`}>
        <p className="text-sm text-slate-700">
          Requests with <span className="font-mono">{apiKey.prefix}…</span> are refused (401) from now on. This cannot be undone: the app needs a new key.
        </p>
        {error ? (
          <div className="mt-3">
            <FormAlert message={error} />
          </div>
        ) : null}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setRevoking(false)} autoFocus>
            Keep it
          </Button>
          <Button variant="danger" onClick={revoke} disabled={pending}>
            {pending ? "Revoking…" : "Revoke key"}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
