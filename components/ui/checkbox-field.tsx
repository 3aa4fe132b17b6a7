import type { InputHTMLAttributes, ReactNode } from "react";

/** A checkbox with its label to the right, an optional hint, and its error below. */
export function CheckboxField({ label, hint, error, id, className, ...props }: Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: ReactNode; hint?: ReactNode; error?: string; id: string }) {
  return (
    <div className={className}>
      <div className="flex items-start gap-2">
        <input id={id} type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="mt-0.5 size-4 rounded border-slate-300 accent-slate-900" {...props} />
        <label htmlFor={id} className="text-sm text-slate-700">
          <span className="font-medium">{label}</span>
          {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
        </label>
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
