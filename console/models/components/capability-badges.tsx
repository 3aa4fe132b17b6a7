import { capabilityWord } from "@/lib/config/catalogue/catalogue-entry";
import { CAPABILITIES, type Capability } from "@/lib/routing/types";

const MEANING: Record<Capability, string> = {
  tools: "Can call tools (function calling)",
  structured_output: "Can answer in JSON / a JSON schema (response_format)",
  images: "Reads images in the prompt",
  reasoning: "Accepts a reasoning effort",
};

/** "tools · JSON · images · reasoning" as small badges; a model with none serves plain text only. */
export function CapabilityBadges({ capabilities }: { capabilities: readonly Capability[] }) {
  if (capabilities.length === 0) return <span className="text-xs text-slate-400">text only</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Capabilities">
      {CAPABILITIES.filter((capability) => capabilities.includes(capability)).map((capability) => (
        <li key={capability} title={MEANING[capability]} className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] leading-4 font-medium text-slate-700 ring-1 ring-slate-200 ring-inset">
          {capabilityWord(capability)}
        </li>
      ))}
    </ul>
  );
}

export const CAPABILITY_MEANING = MEANING;
