"use client";
// The rules test box runs in the browser on purpose: the detectors are pure and the page already
// holds the working rules, so results follow each keystroke, and the pasted text — often real
// personal data or secrets, which is why someone is testing — is never sent to the server,
// logged or stored. It is the gateway's own code (lib/detectors), on the same regex engine.
import { useDeferredValue, useMemo, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { DataClassKey } from "@/lib/routing/types";
import { classifySample, highlightSegments, positionWords, type WorkingRule } from "../sample-classification";

const CLASS_TONE: Record<DataClassKey, "neutral" | "info" | "warning" | "danger"> = { public: "neutral", internal: "info", confidential: "warning", restricted: "danger" };
const BOX = "px-3 py-2 font-mono text-sm leading-6 whitespace-pre-wrap break-words [overflow-wrap:anywhere] [scrollbar-gutter:stable]";

export function TestBox({ rules, classNames }: { rules: WorkingRule[]; classNames: Record<string, string> }) {
  const [text, setText] = useState("");
  const deferred = useDeferredValue(text);
  const result = useMemo(() => classifySample(deferred, rules), [deferred, rules]);
  const segments = useMemo(() => highlightSegments(deferred, result.findings), [deferred, result.findings]);
  const backdrop = useRef<HTMLDivElement>(null);

  return (
    <Card data-testid="rules-test-box">
      <CardHeader
        title="Test the working rules"
        description="Paste text to see what the rules find and the class it gets — with the rules as saved here, including changes not yet published. Computed in your browser: the text is not sent or stored."
      />
      <div className="grid gap-5 px-5 py-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <div>
          <label htmlFor="rules-test-text" className="block text-sm font-medium text-slate-700">
            Sample text
          </label>
          <div className="relative mt-1 h-48 rounded-md border border-slate-300 bg-white shadow-sm focus-within:outline-2 focus-within:outline-sky-500">
            {/* The highlight layer: the same text, transparent, with found spans marked; it scrolls with the box. */}
            <div ref={backdrop} aria-hidden="true" className={`absolute inset-0 overflow-hidden text-transparent ${BOX}`}>
              {segments.map((segment, index) =>
                segment.marked ? (
                  <mark key={index} className="rounded-sm bg-amber-200 text-transparent">
                    {segment.text}
                  </mark>
                ) : (
                  <span key={index}>{segment.text}</span>
                ),
              )}
              {"\n"}
            </div>
            <textarea
              id="rules-test-text"
              value={text}
              onChange={(event) => setText(event.target.value)}
              onScroll={(event) => {
                if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
              }}
              spellCheck={false}
              placeholder="e.g. Ask Project Nightjar about card 4242 4242 4242 4242"
              className={`relative block h-full w-full resize-none overflow-y-auto bg-transparent text-slate-900 outline-none ${BOX}`}
            />
          </div>
        </div>
        <div aria-live="polite">
          <p className="text-sm font-medium text-slate-700">Result</p>
          <div className="mt-1 flex min-h-8 flex-wrap items-center gap-2 text-sm" data-testid="test-box-class">
            {deferred.trim() === "" ? (
              <span className="text-slate-500">Paste or type text to test it.</span>
            ) : (
              <>
                <Badge tone={CLASS_TONE[result.dataClass]}>{classNames[result.dataClass] ?? result.dataClass}</Badge>
                <span className="text-slate-600">
                  {result.findings.length === 0 ? "nothing found: a request keeps its feature's default class" : "from the rules; a request is never below its feature's default class"}
                </span>
              </>
            )}
          </div>
          {result.skipped.length > 0 ? (
            <ul className="mt-3 space-y-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
              {result.skipped.map((rule) => (
                <li key={rule.key}>
                  Rule <span className="font-mono">{rule.key}</span> is not run: {rule.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      {result.findings.length > 0 ? (
        <Table label="Findings">
          <thead>
            <tr>
              <Th>Finding</Th>
              <Th className="text-right">Count</Th>
              <Th>Positions (characters)</Th>
              <Th>Raises to</Th>
            </tr>
          </thead>
          <tbody>
            {result.findings.map((finding) => (
              <tr key={finding.type} data-testid={`finding-${finding.type}`}>
                <Td>
                  <div className="font-medium text-slate-900">{finding.label}</div>
                  <div className="font-mono text-xs text-slate-400">{finding.type}</div>
                </Td>
                <Td className="text-right tabular-nums">{finding.count}</Td>
                <Td className="tabular-nums">{positionWords(finding.positions)}</Td>
                <Td>{classNames[finding.dataClass] ?? finding.dataClass}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </Card>
  );
}
