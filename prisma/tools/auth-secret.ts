// A session-signing secret for local runs, generated once and kept in the git-ignored data/
// folder so sign-ins survive restarts. Deployments set NEXTAUTH_SECRET themselves.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DATA_DIR } from "./embedded-database";

export function localAuthSecret(): string {
  const file = path.join(DATA_DIR, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
