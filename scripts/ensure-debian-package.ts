// Installs a Debian package when its binary is missing (root only; otherwise says how): HAProxy
// for the cluster and its tests and benchmarks, Chromium for the browser tests.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { childProcessEnv } from "../lib/env";

export function ensureDebianPackage(binary: string, pkg: string, why: string): void {
  if (fs.existsSync(binary)) return;
  if (process.getuid?.() !== 0) throw new Error(`${binary} not found. Install it with: sudo apt-get install -y ${pkg}`);
  console.log(`Installing Debian's ${pkg} ${why}…`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", pkg], { stdio: "inherit", env: childProcessEnv({ DEBIAN_FRONTEND: "noninteractive" }) });
}
