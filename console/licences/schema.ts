// The licence form: the terms the router checks (commercial use, user cap, jurisdictions) and
// the notes a reviewer keeps. Ticking "reviewed" stamps the editor and the time on the server.
import { z } from "zod";
import { jurisdictionList, keyField, nameField, notesField, optionalUrl, optionalWholeNumber, versionField } from "@/lib/forms/fields";

const licenceFields = {
  name: nameField,
  family: nameField,
  commercialUse: z.enum(["allowed", "restricted", "forbidden"], { message: "Choose whether commercial use is allowed." }),
  userCap: optionalWholeNumber(1, 10_000_000_000, "The user cap"),
  restrictedJurisdictions: jurisdictionList,
  acceptableUseNotes: notesField,
  jurisdictionNotes: notesField,
  sourceUrl: optionalUrl,
  /** "I reviewed these terms now": the server records who and when. */
  markReviewed: z.boolean(),
};

export const createLicenceSchema = z.object({ ...licenceFields, key: keyField });
export type CreateLicenceInput = z.infer<typeof createLicenceSchema>;

export const updateLicenceSchema = z.object({ ...licenceFields, key: z.string().min(1), version: versionField });
export type UpdateLicenceInput = z.infer<typeof updateLicenceSchema>;
