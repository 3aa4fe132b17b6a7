// Licence services: reviewed-by stamping, optimistic concurrency, and the conflict warning
// (the engine's own licence check) following an edit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { seedRoutingConfig } from "@/lib/seed/routing-config";
import { listLicences } from "./list-licences";
import { createLicence, updateLicence } from "./save-licence";
import { StaleEditError } from "@/lib/forms/stale-edit";

const reviewer = { id: null, email: "rev@example.com" };
const base = { name: "Acme Open Model Licence", family: "Acme 2", commercialUse: "allowed" as const, userCap: null, restrictedJurisdictions: [], acceptableUseNotes: "", jurisdictionNotes: "", sourceUrl: null, markReviewed: false };

beforeAll(async () => {
  await seedRoutingConfig(getDb());
});
afterAll(() => disconnectDb());

describe("licences", () => {
  it("creates a licence without a reviewer unless the box is ticked", async () => {
    await createLicence({ ...base, key: "acme-2" }, reviewer);
    expect(await getDb().licence.findUniqueOrThrow({ where: { key: "acme-2" } })).toMatchObject({ reviewedBy: null, reviewedAt: null, version: 1 });
    await expect(createLicence({ ...base, key: "acme-2" }, reviewer)).rejects.toMatchObject({ field: "key" });
  });

  it("stamps the editor and the time when they mark it reviewed", async () => {
    const at = new Date("2026-11-20T10:00:00Z");
    await updateLicence({ ...base, key: "acme-2", version: 1, userCap: 1000, markReviewed: true }, reviewer, at);
    const row = await getDb().licence.findUniqueOrThrow({ where: { key: "acme-2" } });
    expect(row).toMatchObject({ reviewedBy: "rev@example.com", reviewedAt: at, userCap: 1000, version: 2 });
    const change = await getDb().configChange.findFirstOrThrow({ where: { entity: "licence", entityKey: "acme-2", action: "review" } });
    expect(change.after).toMatchObject({ reviewedBy: "rev@example.com", userCap: 1000 });

    // An edit without ticking keeps the last review.
    await updateLicence({ ...base, key: "acme-2", version: 2, userCap: 2000 }, { id: null, email: "other@example.com" });
    expect(await getDb().licence.findUniqueOrThrow({ where: { key: "acme-2" } })).toMatchObject({ reviewedBy: "rev@example.com", reviewedAt: at });
  });

  it("refuses a stale save", async () => {
    await expect(updateLicence({ ...base, key: "acme-2", version: 1 }, reviewer)).rejects.toBeInstanceOf(StaleEditError);
  });

  it("shows the conflict the router would act on once a licence forbids what a feature does", async () => {
    const llama = (await listLicences()).find((licence) => licence.models.length > 0 && licence.conflicts.length === 0)!;
    await updateLicence({ ...base, key: llama.key, name: llama.name, family: llama.family, version: llama.version, commercialUse: "forbidden" }, reviewer);
    const after = (await listLicences()).find((licence) => licence.key === llama.key)!;
    expect(after.conflicts.length).toBeGreaterThan(0);
    expect(after.conflicts[0]!.detail).toContain("forbids commercial use");
  });
});
