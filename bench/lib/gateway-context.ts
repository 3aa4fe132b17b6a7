// What both scenarios of bench/gateway.ts share: the targets and request bodies, the count of
// requests sent through (each should leave a record), the server's CPU and the machine's load,
// the database's own counters, the server log, and waiting until the server is idle.
import { readFileSync } from "node:fs";
import type { Target } from "./load";
import { machineJiffies, machineShare } from "./machine";
import { cpuSeconds, rssMiB, sleep } from "./process";
import { ROUTINE_PROMPT } from "./prompts";
import type { SwitchyardUnderTest } from "./switchyard-server";

export async function gatewayContext(sut: SwitchyardUnderTest, logFile: string) {
  const { database, port, mockKey, mockPort, mock, mockControl, server, ledger } = sut;
  const counts = {
    /** Requests sent to the gateway so far (every one should leave a record). */
    throughSent: sut.probeRequests,
    /** Dry runs leave a record but are left out of the rollups by design. */
    dryRunsSent: 0,
  };
  const waitForLedger = (expected = counts.throughSent, expectedRollup = expected - counts.dryRunsSent) => sut.waitForLedger(expected, expectedRollup);

  // An agent's turn: the same prompt with one tool offered; the mock answers with a call of it.
  const TOOLS = [{ type: "function", function: { name: "lookup_order", description: "Look up an order by id", parameters: { type: "object", properties: { order_id: { type: "string" } }, required: ["order_id"] } } }];
  const requestBody = (stream: boolean, tools = false) =>
    Buffer.from(JSON.stringify({ model: "auto", messages: ROUTINE_PROMPT, ...(tools ? { tools: TOOLS, tool_choice: "auto" } : {}), ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}) }));
  const bodies = { json: requestBody(false), sse: requestBody(true), toolsJson: requestBody(false, true), toolsSse: requestBody(true, true) };
  // The other endpoints, as their own clients send them: Claude Code's vendor name (mapped to auto
  // by the seed) on Messages, Codex's on Responses. Both reach the mock as a chat completion, so
  // "direct json/sse" is their upstream call too.
  const promptText = ROUTINE_PROMPT.flatMap((message) => message.content.map((part) => (part.type === "text" ? part.text : ""))).join("\n");
  const messagesBody = (stream: boolean) => Buffer.from(JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 256, messages: [{ role: "user", content: promptText }], ...(stream ? { stream: true } : {}) }));
  const responsesBody = (stream: boolean) => Buffer.from(JSON.stringify({ model: "gpt-5-codex", input: promptText, ...(stream ? { stream: true } : {}) }));
  const embeddingsBody = Buffer.from(JSON.stringify({ model: "auto", input: promptText }));
  const directEmbeddings: Target = { label: "direct embeddings", host: "127.0.0.1", port: mockPort, path: "/v1/embeddings", headers: { authorization: `Bearer ${mockKey}` } };
  const throughAt = (route: string): Target => ({ label: `through ${route}`, host: "127.0.0.1", port, path: `/api/v1/${route}`, headers: sut.throughHeaders });
  const direct: Target = { label: "direct", host: "127.0.0.1", port: mockPort, path: "/v1/chat/completions", headers: { authorization: `Bearer ${mockKey}` } };
  const through: Target = { label: "through", host: "127.0.0.1", port, path: "/api/v1/chat/completions", headers: sut.throughHeaders };

  // Next's floor for this app: a GET on the chat route answers 405 from handleRoute, without any
  // of Switchyard's work (no auth, no body, no record).
  const floor: Target = { label: "next floor", host: "127.0.0.1", port, path: "/api/v1/chat/completions", headers: {}, method: "GET" };

  const serverCpu = () => cpuSeconds(server.pid);
  const mockCpu = () => cpuSeconds(mock.pid);
  const usage = (before: { server: number | null; mock: number | null }, requests: number) => {
    const serverNow = serverCpu();
    const mockNow = mockCpu();
    return {
      serverCpuS: serverNow !== null && before.server !== null ? Math.round((serverNow - before.server) * 100) / 100 : null,
      serverCpuMsPerRequest: serverNow !== null && before.server !== null && requests > 0 ? Math.round(((serverNow - before.server) * 1000 * 100) / requests) / 100 : null,
      mockCpuS: mockNow !== null && before.mock !== null ? Math.round((mockNow - before.mock) * 100) / 100 : null,
      serverRssMiB: rssMiB(server.pid),
    };
  };
  const cpuMark = () => ({ server: serverCpu(), mock: mockCpu() });
  /** CPU seconds of everything this benchmark runs: server, mock, this client, and the PostgreSQL backends of its database. */
  const ownCpuSeconds = async () => {
    const { rows } = await ledger.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [database.name]);
    const backends = rows.reduce((sum, row) => sum + (cpuSeconds(row.pid) ?? 0), 0);
    const self = process.cpuUsage();
    return (serverCpu() ?? 0) + (mockCpu() ?? 0) + (self.user + self.system) / 1e6 + backends;
  };
  /** For "how much else was running": machine-wide busy time against this benchmark's own. */
  const contentionMark = async () => ({ jiffies: machineJiffies(), own: await ownCpuSeconds() });
  const contentionSince = async (mark: { jiffies: ReturnType<typeof machineJiffies>; own: number }) => machineShare(mark.jiffies, (await ownCpuSeconds()) - mark.own);
  /** Database-side work (pg_stat_database; PostgreSQL publishes these with up to ~1 s delay). */
  const dbStats = async () => {
    const { rows } = await ledger.query<{ xacts: string; returned: string; fetched: string; inserted: string; updated: string }>(
      `SELECT xact_commit + xact_rollback AS xacts, tup_returned AS returned, tup_fetched AS fetched, tup_inserted AS inserted, tup_updated AS updated
       FROM pg_stat_database WHERE datname = current_database()`,
    );
    const row = rows[0]!;
    return { xacts: Number(row.xacts), returned: Number(row.returned), fetched: Number(row.fetched), inserted: Number(row.inserted), updated: Number(row.updated) };
  };
  const dbDelta = async (before: Awaited<ReturnType<typeof dbStats>>, requests: number) => {
    await sleep(1_500);
    const after = await dbStats();
    // Minus this benchmark's own ledger polling (a few transactions), which is small next to the server's.
    return Object.fromEntries(Object.entries(after).map(([name, value]) => [`${name}PerRequest`, Math.round(((value - before[name as keyof typeof before]) / Math.max(1, requests)) * 100) / 100]));
  };
  /** The server log written since the last call. */
  let logOffset = 0;
  const freshLog = () => {
    const text = readFileSync(logFile, "utf8");
    const fresh = text.slice(logOffset);
    logOffset = text.length;
    return fresh;
  };
  /** Waits (up to 120 s) until the mock gets no requests and the server uses < 15% of a core, three seconds running. */
  const waitUntilIdle = async () => {
    const started = Date.now();
    let cpuShare = 100;
    let quietSeconds = 0;
    let upstreamBefore = (await mockControl("/__bench/stats")).requests;
    // Three quiet seconds in a row: a server working off a backlog has lulls.
    while (Date.now() - started < 120_000) {
      const before = serverCpu() ?? 0;
      await sleep(1_000);
      cpuShare = Math.round(((serverCpu() ?? 0) - before) * 100);
      const { inFlight, requests } = await mockControl("/__bench/stats");
      quietSeconds = inFlight === 0 && requests === upstreamBefore && cpuShare < 15 ? quietSeconds + 1 : 0;
      upstreamBefore = requests;
      if (quietSeconds >= 3) return { idle: true, waitedMs: Date.now() - started, cpuShare };
    }
    return { idle: false, waitedMs: Date.now() - started, cpuShare };
  };

  return { counts, waitForLedger, bodies, promptText, messagesBody, responsesBody, embeddingsBody, directEmbeddings, throughAt, direct, through, floor, serverCpu, usage, cpuMark, contentionMark, contentionSince, dbStats, dbDelta, freshLog, waitUntilIdle };
}

export type GatewayContext = Awaited<ReturnType<typeof gatewayContext>>;
