// Licences of open-weight models: commercial use, user caps and jurisdictions, checked against
// the feature that makes the request. Without a feature the use is assumed commercial with an
// unknown audience: that fails closed on "forbidden" only, because user caps and
// jurisdictions cannot be judged without knowing who the users are or where.
import type { ModelView, Verdict } from "../model-view";
import type { FeaturePolicy, LicencePolicy } from "../types";
import { formatCount, listWords, plural } from "../explain/wording";

export interface LicenceReview {
  /** Set when the licence rules the model out. */
  verdict: Verdict | null;
  /** Sentences for the trace when the model is allowed with conditions. */
  notes: string[];
}

function featureWords(feature: FeaturePolicy | null): string {
  return feature === null ? "without a feature the use is assumed commercial" : `feature ${feature.name} is commercial`;
}

export function reviewLicence(
  { model }: ModelView,
  licences: ReadonlyMap<string, LicencePolicy>,
  feature: FeaturePolicy | null,
): LicenceReview {
  if (model.licenceKey === null) return { verdict: null, notes: [] };
  const licence = licences.get(model.licenceKey);
  if (licence === undefined) {
    // A licence the policy does not describe has unknown terms: fail closed.
    return {
      verdict: { reason: "licence", detail: `its licence "${model.licenceKey}" is not in the policy, so its terms cannot be checked.` },
      notes: [],
    };
  }

  const commercial = feature?.commercial ?? true;
  if (licence.commercialUse === "forbidden" && commercial) {
    return {
      verdict: { reason: "licence", detail: `the ${licence.name} licence forbids commercial use, and ${featureWords(feature)}.` },
      notes: [],
    };
  }

  if (feature !== null && licence.userCap !== null && feature.monthlyActiveUsers !== null && feature.monthlyActiveUsers > licence.userCap) {
    return {
      verdict: {
        reason: "licence",
        detail: `the ${licence.name} licence needs a separate agreement above ${formatCount(licence.userCap)} monthly active users, and feature ${feature.name} expects ${formatCount(feature.monthlyActiveUsers)}.`,
      },
      notes: [],
    };
  }

  if (feature !== null) {
    const restricted = new Set(licence.restrictedJurisdictions.map((code) => code.toUpperCase()));
    const clash = feature.jurisdictions.filter((code) => restricted.has(code.toUpperCase()));
    if (clash.length > 0) {
      const jurisdictionNotes = licence.jurisdictionNotes.trim().replace(/\.$/, "");
      const notes = jurisdictionNotes === "" ? "" : ` (${jurisdictionNotes})`;
      return {
        verdict: {
          reason: "licence",
          detail: `the ${licence.name} licence does not permit use in ${listWords(clash)}, where feature ${feature.name} is served${notes}.`,
        },
        notes: [],
      };
    }
  }

  const notes: string[] = [];
  if (licence.commercialUse === "restricted") {
    const where = licence.acceptableUseNotes.trim() === "" ? "its licence record" : `its notes: ${licence.acceptableUseNotes.trim()}`;
    notes.push(`${model.alias} is under the ${licence.name} licence, which allows commercial use with conditions — see ${where}`);
  }
  if (licence.commercialUse === "forbidden") {
    notes.push(`${model.alias} is under the ${licence.name} licence, which forbids commercial use; allowed because feature ${feature?.name ?? "?"} is not commercial.`);
  }
  if (licence.userCap !== null && (feature === null || feature.monthlyActiveUsers === null)) {
    notes.push(
      `${model.alias}'s ${licence.name} licence caps use at ${formatCount(licence.userCap)} monthly active ${plural(licence.userCap, "user")}; this ${feature === null ? "request's audience" : `feature's user count`} is unknown.`,
    );
  }
  return { verdict: null, notes: notes.map((note) => (/[.!?]$/.test(note) ? note : `${note}.`)) };
}
