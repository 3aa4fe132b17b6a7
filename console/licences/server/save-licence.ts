import "server-only";
import { getDb, type Licence } from "@/lib/db";
import { ENTITY } from "@/lib/config/changes/change-entities";
import { claimVersion } from "@/lib/config/changes/claim-version";
import { recordChange, type Actor } from "@/lib/config/changes/record-change";
import type { CreateLicenceInput, UpdateLicenceInput } from "../schema";
import { ConfigRuleError } from "@/lib/forms/stale-edit";

function licenceView(licence: Licence) {
  return {
    name: licence.name,
    family: licence.family,
    commercialUse: licence.commercialUse,
    userCap: licence.userCap,
    restrictedJurisdictions: licence.restrictedJurisdictions,
    acceptableUseNotes: licence.acceptableUseNotes,
    jurisdictionNotes: licence.jurisdictionNotes,
    sourceUrl: licence.sourceUrl,
    reviewedBy: licence.reviewedBy,
    reviewedAt: licence.reviewedAt,
  };
}

function licenceData(input: CreateLicenceInput | UpdateLicenceInput, actor: Actor, now: Date) {
  return {
    name: input.name,
    family: input.family,
    commercialUse: input.commercialUse,
    userCap: input.userCap,
    restrictedJurisdictions: input.restrictedJurisdictions,
    acceptableUseNotes: input.acceptableUseNotes,
    jurisdictionNotes: input.jurisdictionNotes,
    sourceUrl: input.sourceUrl,
    // The reviewer is whoever ticked the box, at the moment they saved: never typed by hand.
    ...(input.markReviewed ? { reviewedBy: actor.email, reviewedAt: now } : {}),
  };
}

/** Records the terms of a new licence; models are assigned to it on the models page. */
export async function createLicence(input: CreateLicenceInput, actor: Actor, now = new Date()): Promise<{ key: string }> {
  return getDb().$transaction(async (tx) => {
    if (await tx.licence.findUnique({ where: { key: input.key }, select: { key: true } })) {
      throw new ConfigRuleError(`A licence with the key "${input.key}" already exists. Choose another key.`, "key");
    }
    const licence = await tx.licence.create({ data: { key: input.key, ...licenceData(input, actor, now) } });
    await recordChange(tx, actor, { entity: ENTITY.licence, entityKey: licence.key, action: "create", after: licenceView(licence) });
    return { key: licence.key };
  });
}

/** Edits a licence's terms and notes (the router applies them after Publish). */
export async function updateLicence(input: UpdateLicenceInput, actor: Actor, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await tx.licence.findUnique({ where: { key: input.key } });
    await claimVersion(tx, ENTITY.licence, input.key, input.version, () =>
      tx.licence.updateMany({ where: { key: input.key, version: input.version }, data: { ...licenceData(input, actor, now), version: { increment: 1 } } }),
    );
    const after = await tx.licence.findUniqueOrThrow({ where: { key: input.key } });
    await recordChange(tx, actor, {
      entity: ENTITY.licence,
      entityKey: input.key,
      action: input.markReviewed ? "review" : "update",
      before: before ? licenceView(before) : null,
      after: licenceView(after),
    });
  });
}
