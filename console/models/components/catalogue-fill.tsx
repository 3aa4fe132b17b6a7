"use client";
import { useState, useTransition, type KeyboardEvent } from "react";
import { searchCatalogueAction } from "@/console/models/actions";
import { Button } from "@/components/ui/button";
import { describeSources, suggestedTierKeys, type CatalogueEntry } from "@/lib/config/catalogue/catalogue-entry";
import { formatPricePerMTok, formatTokens } from "@/lib/format";
import { CapabilityBadges } from "./capability-badges";

interface Props {
  idPrefix: string;
  providerKey: string;
  /** The catalogue entry the form's values came from ("" = none). */
  catalogueRef: string;
  tierKey: string;
  tiers: Array<{ key: string; name: string }>;
  onUse: (entry: CatalogueEntry) => void;
  onForget: () => void;
  onMoveTier: (tierKey: string) => void;
}

function EntrySummary({ entry }: { entry: CatalogueEntry }) {
  const parts = [
    entry.contextWindow !== null ? `${formatTokens(entry.contextWindow)} context` : null,
    entry.maxOutputTokens !== null ? `${formatTokens(entry.maxOutputTokens)} out` : null,
    entry.inputPricePerMTok !== null || entry.outputPricePerMTok !== null ? `${formatPricePerMTok(entry.inputPricePerMTok)} in · ${formatPricePerMTok(entry.outputPricePerMTok)} out` : "no price",
    entry.cachedInputPricePerMTok !== null ? `cached ${formatPricePerMTok(entry.cachedInputPricePerMTok)}` : null,
    entry.longContext ? `above ${formatTokens(entry.longContext.thresholdTokens)}: ${formatPricePerMTok(entry.longContext.inputPricePerMTok)} in` : null,
    entry.openWeights === null ? null : entry.openWeights ? "open weights" : "closed weights",
  ].filter(Boolean);
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-medium text-slate-900">{entry.name}</span>
        <span className="font-mono text-xs break-all text-slate-500">{entry.ref}</span>
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
        {entry.capabilities ? <CapabilityBadges capabilities={entry.capabilities} /> : <span className="text-slate-400">capabilities not listed</span>}
        <span>{parts.join(" · ")}</span>
      </div>
    </div>
  );
}

/**
 * "Fill from the offline catalogue": search models.dev and genai-prices (bundled with the app,
 * never fetched) and copy one entry's capabilities, limits and prices into the form.
 */
export function CatalogueFill({ idPrefix, providerKey, catalogueRef, tierKey, tiers, onUse, onForget, onMoveTier }: Props) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<CatalogueEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<CatalogueEntry | null>(null);
  const [pending, startTransition] = useTransition();

  function search() {
    setError(null);
    startTransition(async () => {
      try {
        const result = await searchCatalogueAction({ query, providerKey });
        if (result.ok) setResults(result.data);
        else {
          setResults(null);
          setError(result.fieldErrors?.query ?? result.error);
        }
      } catch {
        setError("The server could not be reached. Check your connection and search again.");
      }
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    search();
  }

  const shown = chosen && chosen.ref === catalogueRef ? chosen : null;
  const suggested = shown ? suggestedTierKeys(shown).filter((key) => tiers.some((tier) => tier.key === key)) : [];
  const searchId = `${idPrefix}-search`;

  return (
    <section className="col-span-full rounded-md border border-sky-200 bg-sky-50/50 p-3" aria-label="Offline model catalogue">
      <label htmlFor={searchId} className="block text-sm font-medium text-slate-700">
        Fill from the offline catalogue
      </label>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row">
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Model name or id, e.g. gpt-5, llama 3.1 8b, qwen vision"
          aria-describedby={error ? `${searchId}-error` : undefined}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-offset-0 focus:outline-sky-500"
        />
        <Button variant="secondary" onClick={search} disabled={pending} className="shrink-0">
          {pending ? "Searching…" : "Search"}
        </Button>
      </div>
      {error ? (
        <p id={`${searchId}-error`} className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : null}
      {results !== null ? (
        results.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Nothing in the catalogue matches. Type the values by hand.</p>
        ) : (
          <ul className="mt-2 max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 bg-white" aria-label="Catalogue matches">
            {results.map((entry) => (
              <li key={entry.ref} className="flex items-start justify-between gap-3 px-3 py-2">
                <EntrySummary entry={entry} />
                <Button
                  variant="secondary"
                  className="shrink-0 px-2.5 py-1"
                  aria-label={`Use ${entry.ref}`}
                  onClick={() => {
                    setChosen(entry);
                    setResults(null);
                    onUse(entry);
                  }}
                >
                  Use
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {catalogueRef ? (
        <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600" data-testid="catalogue-ref">
          <span>
            Values from <span className="font-mono text-slate-800">{catalogueRef}</span>
            {shown ? ` — ${describeSources(shown)}` : ""}. Every field stays editable.
          </span>
          <button type="button" onClick={onForget} className="text-sky-700 underline-offset-2 hover:underline">
            Forget the source
          </button>
        </div>
      ) : (
        <p className="mt-1 text-xs text-slate-500">models.dev and genai-prices, bundled with Switchyard: capabilities, limits and prices incl. cache and long-context tiers. Nothing is fetched.</p>
      )}
      {shown && shown.capabilities === null ? <p className="mt-1 text-xs text-amber-800">The catalogue lists prices for this model but not its capabilities: set the switches below by hand.</p> : null}
      {suggested.length > 0 && !suggested.includes(tierKey) ? (
        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-amber-800">
          <span>{shown?.openWeights ? "Open weights usually run on" : "Closed weights run only at their vendor:"}</span>
          {suggested.map((key) => (
            <button key={key} type="button" onClick={() => onMoveTier(key)} className="rounded border border-amber-300 bg-white px-2 py-0.5 text-amber-900 hover:bg-amber-50">
              move to {tiers.find((tier) => tier.key === key)?.name ?? key}
            </button>
          ))}
        </div>
      ) : null}
    </section>
  );
}
