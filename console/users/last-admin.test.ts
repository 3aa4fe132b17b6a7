import { describe, expect, it } from "vitest";
import { checkLastAdmin } from "./last-admin";

const admin = { id: "a1", role: "admin" as const, active: true };

describe("checkLastAdmin", () => {
  it("refuses the last active admin demoting or deactivating themself, with a way out", () => {
    expect(checkLastAdmin({ actorId: "a1", target: admin, next: { role: "engineer", active: true }, activeAdmins: 1 })).toEqual({
      field: "role",
      message: "You are the last active admin, so you cannot change your own role. Make another user an admin first.",
    });
    expect(checkLastAdmin({ actorId: "a1", target: admin, next: { role: "admin", active: false }, activeAdmins: 1 })?.field).toBe("active");
  });

  it("allows it when another active admin remains", () => {
    expect(checkLastAdmin({ actorId: "a1", target: admin, next: { role: "engineer", active: true }, activeAdmins: 2 })).toBeNull();
    expect(checkLastAdmin({ actorId: "a1", target: admin, next: { role: "admin", active: false }, activeAdmins: 2 })).toBeNull();
  });

  it("never blocks changes to non-admins, inactive admins or keeping the admin role", () => {
    expect(checkLastAdmin({ actorId: "a1", target: { id: "u2", role: "engineer", active: true }, next: { role: "finance", active: false }, activeAdmins: 1 })).toBeNull();
    expect(checkLastAdmin({ actorId: "a1", target: { id: "u3", role: "admin", active: false }, next: { role: "auditor", active: false }, activeAdmins: 1 })).toBeNull();
    expect(checkLastAdmin({ actorId: "a1", target: admin, next: { role: "admin", active: true }, activeAdmins: 1 })).toBeNull();
  });

  it("words the refusal for someone else's account (e.g. a stale count)", () => {
    expect(checkLastAdmin({ actorId: "a9", target: admin, next: { role: "admin", active: false }, activeAdmins: 1 })?.message).toMatch(/^This is the last active admin/);
  });
});
