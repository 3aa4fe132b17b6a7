// Reading a V8 .cpuprofile of the built server (bench/profile-summary.ts): the profile's shape,
// the newest profile under a folder, and where each frame is in the sources — Turbopack's
// minified chunks mapped back through their source maps (node:module's SourceMap) — and whose
// code it is (Switchyard, Next.js, Prisma, pg, zod, Node internals, GC, …).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export function newestProfile(dir: string): string | null {
  // The newest folder's main-thread profile: the largest file in it (tsx's loader runs a worker
  // thread that writes a small profile of its own).
  let best: { file: string; at: number; size: number } | null = null;
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const file = path.join(folder, entry);
      const info = statSync(file);
      if (info.isDirectory()) visit(file);
      else if (!entry.endsWith(".cpuprofile")) continue;
      else if (!best || info.mtimeMs > best.at + 60_000 || (Math.abs(info.mtimeMs - best.at) <= 60_000 && info.size > best.size)) best = { file, at: info.mtimeMs, size: info.size };
    }
  };
  visit(dir);
  return (best as { file: string } | null)?.file ?? null;
}

const maps = new Map<string, { map: SourceMap; sources: string[]; contents: Array<string[] | null> } | null>();
function mapFor(file: string) {
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    if (!existsSync(mapFile)) maps.set(file, null);
    else {
      const payload = JSON.parse(readFileSync(mapFile, "utf8")) as { sources: string[]; sourcesContent?: Array<string | null> };
      maps.set(file, {
        map: new SourceMap(payload as never),
        sources: payload.sources,
        contents: (payload.sourcesContent ?? []).map((text) => (text ? text.split("\n") : null)),
      });
    }
  }
  return maps.get(file) ?? null;
}

export interface Location {
  /** Path relative to the repository (or a package path), or a pseudo-location like "(garbage collector)". */
  where: string;
  fn: string;
  owner: string;
}

export function ownerOf(where: string): string {
  if (where.startsWith("(")) return where;
  if (where.startsWith("wasm:")) return "Prisma (query compiler, WASM)";
  where = decodeURIComponent(where);
  if (where.startsWith("node:") || where === "native") return "Node.js internals";
  const modules = where.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = where.slice(modules + "node_modules/".length).split("/");
    const pkg = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    if (pkg === "next") return "Next.js";
    if (pkg === "ai" || pkg.startsWith("@ai-sdk/")) return "AI SDK";
    if (pkg.startsWith("@prisma/") || pkg === "prisma" || pkg === ".prisma") return "Prisma";
    if (pkg.startsWith("pg") || pkg === "postgres-array" || pkg === "postgres-date" || pkg === "postgres-interval" || pkg === "postgres-bytea") return "pg";
    return pkg;
  }
  if (/^(lib|app|components|prisma)\//.test(where) || where === "proxy.ts") {
    if (where.startsWith("lib/db/generated/")) return "Prisma";
    return "Switchyard";
  }
  if (/^\.next[^/]*\//.test(where)) return "Next build output (unmapped)";
  return "other";
}

/** A name for the function at `line` of a source: the minified name is useless. */
function nameFromSource(lines: string[] | null, line: number, fallback: string): string {
  const text = lines?.[line] ?? "";
  const match =
    /(?:async\s+)?function\s*\*?\s*([\w$]+)/.exec(text) ??
    /(?:const|let|var)\s+([\w$]+)\s*=\s*(?:async\s*)?(?:\(|function|[\w$]+\s*=>)/.exec(text) ??
    /^\s*(?:(?:public|private|protected|static|async|get|set|override|readonly)\s+)*([\w$]+)\s*(?:<[^>]*>)?\s*\(/.exec(text) ??
    /([\w$]+)\s*[:=]\s*(?:async\s*)?\(?[\w$,\s{}:]*\)?\s*=>/.exec(text);
  return match?.[1] ?? fallback;
}

const locations = new Map<number, Location>();
export function locate(node: ProfileNode): Location {
  let location = locations.get(node.id);
  if (location) return location;
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  if (!url) {
    const where = functionName.startsWith("(") ? functionName : "native";
    location = { where, fn: functionName || "(anonymous)", owner: ownerOf(where) };
  } else if (url.startsWith("node:")) {
    location = { where: url, fn: functionName || "(anonymous)", owner: "Node.js internals" };
  } else {
    const file = url.startsWith("file://") ? fileURLToPath(url) : url;
    let where = path.relative(ROOT, file);
    let fn = functionName || "(anonymous)";
    if (/^\.next[^/]*\//.test(where)) {
      const mapped = mapFor(file);
      const entry = mapped?.map.findEntry(lineNumber, columnNumber) as { originalSource?: string; originalLine?: number; name?: string } | undefined;
      if (mapped && entry?.originalSource) {
        const original = entry.originalSource.startsWith("file://") ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
        where = `${decodeURIComponent(path.relative(ROOT, original))}:${(entry.originalLine ?? 0) + 1}`;
        const index = mapped.sources.findIndex((source) => source === entry.originalSource || path.resolve(path.dirname(file), source) === original);
        fn = nameFromSource(index >= 0 ? (mapped.contents[index] ?? null) : null, entry.originalLine ?? 0, entry.name ?? fn);
      }
    } else {
      where = `${where}:${lineNumber + 1}`;
    }
    location = { where, fn, owner: ownerOf(where) };
  }
  locations.set(node.id, location);
  return location;
}
