import Link from "next/link";
import type { SetupStep } from "@/console/overview/overview-figures";
import { CopyButton } from "./copy-button";
import { ScrollRegion } from "@/components/ui/scroll-region";

function Snippet({ title, code }: { title: string; code: string }) {
  return (
    <div className="min-w-0">
      <div className="mb-1 flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-800">{title}</p>
        <CopyButton text={code} label={`Copy ${title}`} />
      </div>
      <ScrollRegion label={title} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
        <pre className="font-mono text-xs leading-relaxed text-slate-800">{code}</pre>
      </ScrollRegion>
    </div>
  );
}

/** Nothing has been served yet: where to send calls, a call to paste, and what to set up first. */
export function NewcomerSection({ baseUrl, checklist, canConfigure }: { baseUrl: string; checklist: SetupStep[]; canConfigure: boolean }) {
  const curl = `curl ${baseUrl}/chat/completions \\
  -H "authorization: Bearer $SWITCHYARD_KEY" \\
  -H "content-type: application/json" \\
  -d '{"model":"auto","messages":[{"role":"user","content":"Say hello"}]}'`;
  const sdk = `import OpenAI from "openai";

const client = new OpenAI({ baseURL: "${baseUrl}", apiKey: process.env.SWITCHYARD_KEY });
const answer = await client.chat.completions.create({
  model: "auto", // the router picks the cheapest allowed and adequate tier
  messages: [{ role: "user", content: "Say hello" }],
});`;
  return (
    <section aria-labelledby="overview-newcomer" className="mb-6 rounded-lg border border-sky-200 bg-white px-5 py-4 shadow-sm" data-testid="overview-newcomer">
      <h2 id="overview-newcomer" className="text-base font-semibold text-slate-900">
        Nothing served yet: make the first call
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Apps call Switchyard instead of their provider. Base URL: <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm text-slate-900" data-testid="base-url">{baseUrl}</code>{" "}
        — any OpenAI-compatible client works with only this and an app key changed.
      </p>
      <div className="mt-4 grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Snippet title="curl" code={curl} />
        <Snippet title="openai SDK (Node)" code={sdk} />
      </div>
      <h3 className="mt-5 text-sm font-semibold text-slate-900">What to set up next</h3>
      <ol className="mt-2 space-y-1.5" data-testid="setup-checklist">
        {checklist.map((step) => (
          <li key={step.key} className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <span aria-hidden="true" className={step.done ? "text-emerald-700" : "text-slate-500"}>
              {step.done ? "✓" : "○"}
            </span>
            {canConfigure ? (
              <Link href={step.href} className="font-medium text-sky-700 hover:underline">
                {step.label}
              </Link>
            ) : (
              <span className="font-medium text-slate-800">{step.label}</span>
            )}
            <span className="text-slate-600">
              — {step.done ? "done" : "to do"}: {step.detail}
            </span>
          </li>
        ))}
      </ol>
      {canConfigure ? null : <p className="mt-2 text-xs text-slate-500">An admin or engineer sets these up.</p>}
    </section>
  );
}
