// The data rules' settings (unscannable content, prompt-logging ceiling, answer masking) through their server action, against a real
// database: engineers and admins may change it (logged, version-checked), finance and auditors
// are refused and nothing changes, and the gateway's snapshot carries it after Publish.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SignedInUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { buildSnapshot } from "@/lib/config/versions/build-snapshot";
import { loadDataRuleSettings } from "./list-data-classes";
import { updateDataRuleSettings } from "./update-data-rule-settings";

const session = vi.hoisted(() => ({ user: null as SignedInUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { updateDataRuleSettingsAction } = await import("@/console/data-rules/actions");
const users = new Map<string, SignedInUser>();
const as = (role: SignedInUser["role"]) => users.get(role)!;
const DEFAULTS = { unscannableDataClassKey: "confidential", maxLoggedDataClassKey: "confidential", maskedAnswerFindings: [] as string[] };
/** The whole form as the card submits it, with the one change. */
const form = (version: number, change: Record<string, unknown>) => ({ version, ...DEFAULTS, ...change });

beforeAll(async () => {
  await seedRoutingConfig(getDb());
  // Real rows: the change log refers to its actor.
  for (const role of ["admin", "engineer", "finance", "auditor"] as const) {
    const user = await getDb().user.create({ data: { email: `${role}@example.com`, name: role, role } });
    users.set(role, { id: user.id, email: user.email, name: user.name, role: user.role });
  }
});
beforeEach(() => {
  session.user = null;
});

describe("the unscannable-content setting", () => {
  it("is seeded at confidential", async () => {
    expect(await loadDataRuleSettings()).toEqual({ ...DEFAULTS, version: 1 });
    expect((await buildSnapshot(0)).unscannableDataClass).toBe("confidential");
  });

  it("refuses finance and auditors, and a signed-out caller, changing nothing", async () => {
    for (const role of ["finance", "auditor"] as const) {
      session.user = as(role);
      expect(await updateDataRuleSettingsAction(form(1, { unscannableDataClassKey: "restricted" }))).toEqual({ ok: false, error: `Your role (${role}) cannot make this change.` });
    }
    session.user = null;
    expect(await updateDataRuleSettingsAction(form(1, { unscannableDataClassKey: "restricted" }))).toMatchObject({ ok: false });
    expect(await loadDataRuleSettings()).toEqual({ ...DEFAULTS, version: 1 });
    expect(await getDb().configChange.count({ where: { entity: "data rule setting" } })).toBe(0);
  });

  it("lets an engineer raise it: logged before → after, in the working snapshot at once", async () => {
    session.user = as("engineer");
    expect(await updateDataRuleSettingsAction(form(1, { unscannableDataClassKey: "restricted" }))).toEqual({ ok: true, data: { version: 2, changed: true } });
    expect((await buildSnapshot(0)).unscannableDataClass).toBe("restricted");
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "data rule setting", entityKey: "unscannable content" } });
    expect(change).toMatchObject({ actorEmail: "engineer@example.com", action: "update", before: { unscannableDataClass: "confidential" }, after: { unscannableDataClass: "restricted" } });
  });

  it("refuses a stale form naming who changed it, and an unknown class next to the field", async () => {
    session.user = as("admin");
    const stale = await updateDataRuleSettingsAction(form(1, { unscannableDataClassKey: "internal" }));
    expect(stale).toMatchObject({ ok: false, stale: true, error: expect.stringMatching(/^This data rule setting was changed by engineer@example\.com at .* — reload/) });
    expect(await updateDataRuleSettingsAction(form(2, { unscannableDataClassKey: "secret" }))).toMatchObject({ ok: false, fieldErrors: { unscannableDataClassKey: "Choose a data class." } });
    expect((await loadDataRuleSettings()).unscannableDataClassKey).toBe("restricted");
  });

  it("saves the same class without a new version or log entry, and creates the row on a database never seeded", async () => {
    expect(await updateDataRuleSettings({ ...DEFAULTS, version: 2, unscannableDataClassKey: "restricted" } as never, { id: null, email: "ada@example.com" })).toEqual({ version: 2, changed: false });
    await getDb().dataRuleSettings.deleteMany();
    expect(await loadDataRuleSettings()).toEqual({ ...DEFAULTS, version: 0 });
    expect(await updateDataRuleSettings({ ...DEFAULTS, version: 0, unscannableDataClassKey: "internal" } as never, { id: null, email: "ada@example.com" })).toEqual({ version: 1, changed: true });
    expect((await buildSnapshot(0)).unscannableDataClass).toBe("internal");
  });
});

describe("the prompt-logging ceiling and answer masking", () => {
  it("refuses restricted as a ceiling and unknown finding types, next to their fields", async () => {
    session.user = as("admin");
    const { version } = await loadDataRuleSettings();
    expect(await updateDataRuleSettingsAction(form(version, { maxLoggedDataClassKey: "restricted" }))).toMatchObject({ ok: false, fieldErrors: { maxLoggedDataClassKey: expect.stringContaining("Restricted prompts are never stored") } });
    expect(await updateDataRuleSettingsAction(form(version, { maskedAnswerFindings: ["payment_card", "password"] }))).toMatchObject({ ok: false, fieldErrors: { "maskedAnswerFindings.1": "Choose built-in detectors." } });
    expect((await loadDataRuleSettings()).version).toBe(version);
  });

  it("saves both, logged before → after, and the gateway's snapshot carries them", async () => {
    session.user = as("engineer");
    const before = await loadDataRuleSettings();
    const saved = await updateDataRuleSettingsAction({ ...before, maxLoggedDataClassKey: "internal", maskedAnswerFindings: ["us_ssn", "payment_card", "us_ssn"] });
    expect(saved).toEqual({ ok: true, data: { version: before.version + 1, changed: true } });
    expect(await loadDataRuleSettings()).toMatchObject({ maxLoggedDataClassKey: "internal", maskedAnswerFindings: ["payment_card", "us_ssn"] });
    const snapshot = await buildSnapshot(0);
    expect(snapshot.maxLoggedDataClass).toBe("internal");
    expect(snapshot.maskedAnswerFindings).toEqual(["payment_card", "us_ssn"]);
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "data rule setting" }, orderBy: { at: "desc" } });
    expect(change).toMatchObject({ before: { maxLoggedDataClass: "confidential", maskedAnswerFindings: [] }, after: { maxLoggedDataClass: "internal", maskedAnswerFindings: ["payment_card", "us_ssn"] } });
  });
});
