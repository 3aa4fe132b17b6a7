// Steady load for resilience tests and benchmarks: one chat completion every 1000/rate ms
// (not waiting for answers, as independent clients would), each outcome kept with the decision
// id the client saw.

export interface LoadOutcome {
  at: number;
  status: number | null;
  decisionId: string | null;
  error: string | null;
  code: string | null;
}

export interface LoadOptions {
  /** Where to send each request; read per request, so a test can move it (a restarted process). */
  origin: () => string;
  apiKey: string;
  ratePerSecond: number;
  durationMs: number;
  timeoutMs?: number;
  stream?: boolean;
}

async function once(options: LoadOptions, index: number): Promise<LoadOutcome> {
  const at = Date.now();
  try {
    const response = await fetch(`${options.origin()}/api/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "auto", stream: options.stream ?? false, messages: [{ role: "user", content: `Summarise ticket ${index}: the printer is jammed.` }] }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    let code: string | null = null;
    if (!response.ok) {
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
      } catch {
        code = null;
      }
    } else if (options.stream && !text.includes("[DONE]")) {
      return { at, status: response.status, decisionId: response.headers.get("x-switchyard-decision"), error: "stream ended without [DONE]", code: null };
    }
    return { at, status: response.status, decisionId: response.headers.get("x-switchyard-decision"), error: null, code };
  } catch (error) {
    return { at, status: null, decisionId: null, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), code: null };
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadOutcome[]> {
  const started = Date.now();
  const inFlight: Array<Promise<LoadOutcome>> = [];
  const interval = 1000 / options.ratePerSecond;
  for (let index = 0; Date.now() - started < options.durationMs; index++) {
    inFlight.push(once(options, index));
    const next = started + (index + 1) * interval;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
  }
  return Promise.all(inFlight);
}
