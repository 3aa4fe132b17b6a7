"use client";
// Light / dark / system, remembered in localStorage. "System" follows the OS live. The theme itself
// is only data-theme on <html> (app/globals.css remaps the palette); the head script applies the
// saved choice before paint.
import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { THEME_STORAGE_KEY } from "./theme-script";

type ThemeChoice = "light" | "dark" | "system";
const CHOICES: Array<{ value: ThemeChoice; label: string }> = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "system", label: "System" },
];

function readChoice(): ThemeChoice {
  const saved = window.localStorage.getItem(THEME_STORAGE_KEY);
  return saved === "light" || saved === "dark" ? saved : "system";
}

function apply(choice: ThemeChoice) {
  const dark = choice === "dark" || (choice === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

export function ThemeToggle() {
  // Rendered as "system" on the server; the real choice is read after mount (the head script has already applied it).
  const [choice, setChoice] = useState<ThemeChoice>("system");
  // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is readable only after hydration
  useEffect(() => setChoice(readChoice()), []);
  useEffect(() => {
    if (choice !== "system") return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const follow = () => apply("system");
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, [choice]);

  function choose(next: ThemeChoice) {
    setChoice(next);
    if (next === "system") window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, next);
    apply(next);
  }

  return (
    <fieldset className="mt-3">
      <legend className="text-xs font-medium text-slate-500">Theme</legend>
      <div className="mt-1 inline-flex rounded-md border border-slate-300 p-0.5" role="radiogroup" aria-label="Theme">
        {CHOICES.map((option) => (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={choice === option.value}
            onClick={() => choose(option.value)}
            className={cn("rounded px-2 py-0.5 text-xs font-medium", choice === option.value ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100")}
          >
            {option.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
