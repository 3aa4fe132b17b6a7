// Form controls for the configuration editors, styled like components/ui/field.tsx. They sit
// here rather than in components/ui only because that folder belongs to another change in
// flight; they are meant to move there.
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { FormFeedback } from "@/lib/console/use-config-form";

const control = "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-offset-0 focus:outline-sky-500";

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="mt-1 text-sm text-red-600">
      {error}
    </p>
  ) : null;
}

export function SelectField({ label, error, id, className, children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string; id: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={cn(control, error ? "border-red-400" : "border-slate-300")} {...props}>
        {children}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function TextAreaField({ label, error, id, className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string; id: string }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={cn(control, error ? "border-red-400" : "border-slate-300")} {...props} />
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function CheckboxField({ label, hint, id, checked, onChange, className }: { label: string; hint?: string; id: string; checked: boolean; onChange: (checked: boolean) => void; className?: string }) {
  return (
    <div className={cn("flex items-start gap-2 pt-6", className)}>
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} className="mt-0.5 size-4 rounded border-slate-300 accent-slate-900" />
      <label htmlFor={id} className="text-sm text-slate-700">
        <span className="font-medium">{label}</span>
        {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
      </label>
    </div>
  );
}

/**
 * The form's answer from the server. A stale save offers Reload, which fetches the other
 * person's change; the form reopens on the new version when the page data arrives.
 */
export function FormStatus({ feedback, onReload }: { feedback: FormFeedback; onReload: () => void }) {
  if (!feedback.message) return null;
  return (
    <div role="alert" className={cn("flex flex-wrap items-center gap-3 rounded-md px-3 py-2 text-sm", feedback.stale ? "bg-amber-50 text-amber-900" : "bg-red-50 text-red-800")}>
      <span>{feedback.message}</span>
      {feedback.stale ? (
        <Button variant="secondary" className="py-1" onClick={onReload}>
          Reload
        </Button>
      ) : null}
    </div>
  );
}

export function FormButtons({ pending, onCancel, saveLabel = "Save" }: { pending: boolean; onCancel: () => void; saveLabel?: string }) {
  return (
    <div className="flex items-center gap-2">
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : saveLabel}
      </Button>
      <Button variant="ghost" onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
    </div>
  );
}
