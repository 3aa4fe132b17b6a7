// User services: bcrypt passwords that sign in, role and state changes, the last-admin guard,
// and a change log that never holds a password or its hash.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { disconnectDb, getDb } from "@/lib/db";
import { createUser, updateUser } from "./save-user";
import { createUserSchema } from "../schema";
import { StaleEditError } from "@/lib/forms/stale-edit";

let admin: { id: string; email: string };
const now = () => new Date(Date.now() - 500).toISOString();

beforeAll(async () => {
  admin = await getDb().user.create({ data: { email: "root@example.com", name: "Root Admin", role: "admin", passwordHash: "x" }, select: { id: true, email: true } });
});
afterAll(() => disconnectDb());

describe("users", () => {
  it("creates a user with a bcrypt hash of the initial password and logs no secret", async () => {
    const input = createUserSchema.parse({ email: " Sam@Example.com ", name: "Sam Smith", role: "engineer", password: "correct horse battery" });
    const { id } = await createUser(input, admin);
    const row = await getDb().user.findUniqueOrThrow({ where: { id }, select: { email: true, passwordHash: true } });
    expect(row.email).toBe("sam@example.com");
    expect(await verifyPassword("correct horse battery", row.passwordHash!)).toBe(true);
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "user", entityKey: "sam@example.com" } });
    expect(change.after).toEqual({ name: "Sam Smith", role: "engineer", active: true });
    expect(JSON.stringify(change)).not.toContain(row.passwordHash!);
    expect(JSON.stringify(change)).not.toContain("correct horse");
    await expect(createUser(input, admin)).rejects.toMatchObject({ field: "email" });
  });

  it("refuses short passwords in the shared schema", () => {
    expect(createUserSchema.safeParse({ email: "a@b.co", name: "Al", role: "auditor", password: "short" }).error?.issues[0]?.message).toBe("At least 12 characters.");
  });

  it("refuses to demote or deactivate the last active admin, even themself", async () => {
    await expect(updateUser({ id: admin.id, seenAt: now(), role: "engineer" }, admin)).rejects.toMatchObject({ field: "role", message: expect.stringContaining("last active admin") });
    await expect(updateUser({ id: admin.id, seenAt: now(), active: false }, admin)).rejects.toMatchObject({ field: "active" });
    expect(await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "admin", active: true });
  });

  it("changes roles and deactivates once another admin exists, and refuses a stale form", async () => {
    const sam = await getDb().user.findUniqueOrThrow({ where: { email: "sam@example.com" } });
    // The form was opened after Sam's last change, as a page load would be (now() is half a second
    // back, which on a fast machine is before Sam's creation a moment ago).
    const lastChange = await getDb().configChange.findFirstOrThrow({ where: { entity: "user", entityKey: "sam@example.com" }, orderBy: { at: "desc" } });
    const opened = lastChange.at.toISOString();
    await updateUser({ id: sam.id, seenAt: opened, role: "admin" }, admin);
    await expect(updateUser({ id: sam.id, seenAt: opened, active: false }, admin)).rejects.toBeInstanceOf(StaleEditError);
    await updateUser({ id: admin.id, seenAt: now(), active: false }, admin);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ active: false });
    const actions = await getDb().configChange.findMany({ where: { entity: "user" }, orderBy: { at: "asc" }, select: { action: true } });
    expect(actions.map((entry) => entry.action)).toEqual(["create", "change role", "deactivate"]);
  });
});
