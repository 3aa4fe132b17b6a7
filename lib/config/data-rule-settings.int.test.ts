// The "unscannable content" data-rule setting through its server action, against a real
// database: engineers and admins may change it (logged, version-checked), finance and auditors
// are refused and nothing changes, and the gateway's snapshot carries it after Publish.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SignedInUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { seedRoutingConfig } from "@/prisma/seed/routing-config";
import { buildSnapshot } from "./build-snapshot";
import { loadDataRuleSettings } from "./list-data-classes";
import { updateDataRuleSettings } from "./update-data-rule-settings";

const session = vi.hoisted(() => ({ user: null as SignedInUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { updateDataRuleSettingsAction } = await import("@/app/(console)/data-rules/actions");
const users = new Map<string, SignedInUser>();
const as = (role: SignedInUser["role"]) => users.get(role)!;

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
    expect(await loadDataRuleSettings()).toEqual({ unscannableDataClassKey: "confidential", version: 1 });
    expect((await buildSnapshot(0)).unscannableDataClass).toBe("confidential");
  });

  it("refuses finance and auditors, and a signed-out caller, changing nothing", async () => {
    for (const role of ["finance", "auditor"] as const) {
      session.user = as(role);
      expect(await updateDataRuleSettingsAction({ version: 1, unscannableDataClassKey: "restricted" })).toEqual({ ok: false, error: `Your role (${role}) cannot make this change.` });
    }
    session.user = null;
    expect(await updateDataRuleSettingsAction({ version: 1, unscannableDataClassKey: "restricted" })).toMatchObject({ ok: false });
    expect(await loadDataRuleSettings()).toEqual({ unscannableDataClassKey: "confidential", version: 1 });
    expect(await getDb().configChange.count({ where: { entity: "data rule setting" } })).toBe(0);
  });

  it("lets an engineer raise it: logged before → after, in the working snapshot at once", async () => {
    session.user = as("engineer");
    expect(await updateDataRuleSettingsAction({ version: 1, unscannableDataClassKey: "restricted" })).toEqual({ ok: true, data: { version: 2, changed: true } });
    expect((await buildSnapshot(0)).unscannableDataClass).toBe("restricted");
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "data rule setting", entityKey: "unscannable content" } });
    expect(change).toMatchObject({ actorEmail: "engineer@example.com", action: "update", before: { unscannableDataClass: "confidential" }, after: { unscannableDataClass: "restricted" } });
  });

  it("refuses a stale form naming who changed it, and an unknown class next to the field", async () => {
    session.user = as("admin");
    const stale = await updateDataRuleSettingsAction({ version: 1, unscannableDataClassKey: "internal" });
    expect(stale).toMatchObject({ ok: false, stale: true, error: expect.stringMatching(/^This data rule setting was changed by engineer@example\.com at .* — reload/) });
    expect(await updateDataRuleSettingsAction({ version: 2, unscannableDataClassKey: "secret" })).toMatchObject({ ok: false, fieldErrors: { unscannableDataClassKey: "Choose a data class." } });
    expect((await loadDataRuleSettings()).unscannableDataClassKey).toBe("restricted");
  });

  it("saves the same class without a new version or log entry, and creates the row on a database never seeded", async () => {
    expect(await updateDataRuleSettings({ version: 2, unscannableDataClassKey: "restricted" }, { id: null, email: "ada@example.com" })).toEqual({ version: 2, changed: false });
    await getDb().dataRuleSettings.deleteMany();
    expect(await loadDataRuleSettings()).toEqual({ unscannableDataClassKey: "confidential", version: 0 });
    expect(await updateDataRuleSettings({ version: 0, unscannableDataClassKey: "internal" }, { id: null, email: "ada@example.com" })).toEqual({ version: 1, changed: true });
    expect((await buildSnapshot(0)).unscannableDataClass).toBe("internal");
  });
});
