// bench/profile-summary.ts — reads a V8 .cpuprofile of the Next server (BENCH_CPU_PROF=1 in
// bench/gateway.ts) and says where the CPU went: self time by owner (Switchyard's own code,
// Next.js, the AI SDK, Prisma, pg, zod, Node internals, GC), the top functions, and the inclusive
// time of Switchyard's functions. Turbopack's server chunks are minified; positions are mapped
// back to the sources through the chunks' source maps (bench/lib/cpu-profile.ts).
//
//   npx tsx bench/profile-summary.ts [file.cpuprofile | directory]   (default: newest under bench/results)
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { locate, newestProfile, type CpuProfile } from "./lib/cpu-profile";
import { table } from "./lib/stats";

const BENCH_DIR = import.meta.dirname ?? __dirname;

function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(name);
    if (index < 0) return null;
    const value = args[index + 1] ?? null;
    args.splice(index, 2);
    return value;
  };
  const callersOf = option("--callers");
  const under = option("--under");
  const via = option("--via");
  const argument = args[0] ?? path.join(BENCH_DIR, "results");
  const file = statSync(argument).isDirectory() ? newestProfile(argument) : argument;
  if (!file) throw new Error(`no .cpuprofile under ${argument}`);
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  let idleUs = 0;
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, { us: number; owner: string }>();
  for (const [id, us] of selfUs) {
    const location = locate(byId.get(id)!);
    if (location.where === "(idle)") {
      idleUs += us;
      continue;
    }
    byOwner.set(location.owner, (byOwner.get(location.owner) ?? 0) + us);
    const key = `${location.fn}  ${location.where}`;
    const entry = byFunction.get(key) ?? { us: 0, owner: location.owner };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const busyUs = totalUs - idleUs;
  const ms = (us: number) => Math.round(us / 100) / 10;
  const pct = (us: number) => `${((us / busyUs) * 100).toFixed(1)}%`;

  console.log(`${path.relative(process.cwd(), file)}: ${ms(totalUs)} ms sampled, ${ms(idleUs)} ms idle, ${ms(busyUs)} ms busy on the main thread`);
  console.log("\nSelf time by owner (share of busy time)");
  console.log(table([["owner", "ms", "share"], ...[...byOwner.entries()].sort((a, b) => b[1] - a[1]).map(([owner, us]) => [owner, ms(us), pct(us)])]));

  const top = Number(process.env.TOP ?? 30);
  console.log(`\nTop ${top} functions by self time`);
  console.log(
    table([
      ["function  location", "owner", "ms", "share"],
      ...[...byFunction.entries()]
        .sort((a, b) => b[1].us - a[1].us)
        .slice(0, top)
        .map(([key, { us, owner }]) => [key.length > 110 ? `${key.slice(0, 107)}...` : key, owner, ms(us), pct(us)]),
    ]),
  );

  const frameName = (id: number) => {
    const location = locate(byId.get(id)!);
    return `${location.fn} ${location.where}`;
  };
  if (callersOf) {
    // Where the time of a function (by name or location substring) comes from: its callers, 6 frames up.
    const stacks = new Map<string, number>();
    let sum = 0;
    for (let i = 0; i < profile.samples.length; i += 1) {
      let id: number | undefined = profile.samples[i]!;
      const chain: string[] = [];
      let found = false;
      while (id !== undefined) {
        const name = frameName(id);
        if (found) {
          chain.push(name);
          if (chain.length >= Number(process.env.DEPTH ?? 6)) break;
        } else if (name.includes(callersOf)) found = true;
        id = parent.get(id);
      }
      if (!found) continue;
      const delta = profile.timeDeltas[i] ?? 0;
      sum += delta;
      const key = chain.join("\n    ← ");
      stacks.set(key, (stacks.get(key) ?? 0) + delta);
    }
    console.log(`\nCallers of "${callersOf}" (${ms(sum)} ms inclusive)`);
    for (const [key, us] of [...stacks.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ms  ${key}`);
    return;
  }
  if (via) {
    // Which of Switchyard's functions (nearest above) led into an owner's code, e.g. --via Prisma.
    const entries = new Map<string, number>();
    let sum = 0;
    for (let i = 0; i < profile.samples.length; i += 1) {
      let id: number | undefined = profile.samples[i]!;
      let inside = false;
      let entry: string | null = null;
      while (id !== undefined) {
        const location = locate(byId.get(id)!);
        if (location.owner.startsWith(via)) inside = true;
        else if (inside && location.owner === "Switchyard") {
          entry = `${location.fn}  ${location.where}`;
          break;
        }
        id = parent.get(id);
      }
      if (!inside) continue;
      const delta = profile.timeDeltas[i] ?? 0;
      sum += delta;
      const key = entry ?? "(no Switchyard frame above: async continuation or timer)";
      entries.set(key, (entries.get(key) ?? 0) + delta);
    }
    console.log(`\nInto "${via}" from (${ms(sum)} ms with ${via} on the stack)`);
    console.log(table([["nearest Switchyard frame above", "ms"], ...[...entries.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([key, us]) => [key, ms(us)])]));
    return;
  }
  if (under) {
    // Self time of everything called (directly or not) by a function, by function and by owner.
    const below = new Map<string, number>();
    const owners = new Map<string, number>();
    let sum = 0;
    for (let i = 0; i < profile.samples.length; i += 1) {
      const leaf = profile.samples[i]!;
      let id: number | undefined = leaf;
      let found = false;
      while (id !== undefined && !found) {
        if (frameName(id).includes(under)) found = true;
        id = parent.get(id);
      }
      if (!found) continue;
      const delta = profile.timeDeltas[i] ?? 0;
      sum += delta;
      const location = locate(byId.get(leaf)!);
      below.set(`${location.fn}  ${location.where}`, (below.get(`${location.fn}  ${location.where}`) ?? 0) + delta);
      owners.set(location.owner, (owners.get(location.owner) ?? 0) + delta);
    }
    console.log(`\nUnder "${under}": ${ms(sum)} ms inclusive`);
    console.log(table([["owner", "ms"], ...[...owners.entries()].sort((a, b) => b[1] - a[1]).map(([owner, us]) => [owner, ms(us)])]));
    console.log(table([["self time below", "ms"], ...[...below.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([key, us]) => [key, ms(us)])]));
    return;
  }

  // Inclusive time: each sample counts once for every distinct Switchyard function on its stack,
  // and once for each owner that appears anywhere on it.
  const inclusive = new Map<string, number>();
  const ownerInclusive = new Map<string, number>();
  // Whose code caused a sample: the nearest frame (from the leaf up) that is not Node's own.
  const attributed = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    let id: number | undefined = profile.samples[i]!;
    const delta = profile.timeDeltas[i] ?? 0;
    if (locate(byId.get(id)!).where === "(idle)") continue;
    const seen = new Set<string>();
    const owners = new Set<string>();
    let cause: string | null = null;
    while (id !== undefined) {
      const location = locate(byId.get(id)!);
      owners.add(location.owner);
      if (cause === null && location.owner !== "Node.js internals" && location.owner !== "(root)" && location.owner !== "(program)") cause = location.owner;
      if (location.owner === "Switchyard") seen.add(`${location.fn}  ${location.where.replace(/:\d+$/, "")}`);
      id = parent.get(id);
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
    for (const owner of owners) ownerInclusive.set(owner, (ownerInclusive.get(owner) ?? 0) + delta);
    const blame = cause ?? "Node.js internals (no library frame on the stack)";
    attributed.set(blame, (attributed.get(blame) ?? 0) + delta);
  }
  console.log("\nBusy time by whose code caused it (nearest non-Node frame on the stack; async continuations lose their caller)");
  console.log(table([["owner", "ms", "share"], ...[...attributed.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([owner, us]) => [owner, ms(us), pct(us)])]));
  console.log("\nInclusive time by owner (a sample counts for every owner on its stack)");
  console.log(table([["owner on the stack", "ms", "share"], ...[...ownerInclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([owner, us]) => [owner, ms(us), pct(us)])]));
  console.log(`\nTop ${top} Switchyard functions by inclusive time (includes what they call: AI SDK, Prisma, Node)`);
  console.log(
    table([
      ["function  file", "ms", "share"],
      ...[...inclusive.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([key, us]) => [key, ms(us), pct(us)]),
    ]),
  );
}

main();
