import { describe, expect, it } from "vitest";
import { formErrorOf, invalidFeedback, refusalFeedback } from "./form-feedback";

describe("form feedback", () => {
  it("puts a refusal's field errors at the fields and its message above the buttons", () => {
    const feedback = refusalFeedback({ ok: false, error: "Some fields need attention.", fieldErrors: { name: "At least 2 characters." } });
    expect(feedback.fieldErrors).toEqual({ name: "At least 2 characters." });
    expect(formErrorOf(feedback)).toEqual({ message: "Some fields need attention.", stale: false });
  });

  it("shows a refusal about one field at that field only, but keeps it for controls without fields", () => {
    const feedback = refusalFeedback({ ok: false, error: 'A licence with the key "llama" already exists.', fieldErrors: { key: 'A licence with the key "llama" already exists.' } });
    expect(formErrorOf(feedback)).toBeNull();
    expect(feedback.refusal?.message).toBe('A licence with the key "llama" already exists.');
  });

  it("marks a stale refusal so the form offers Reload", () => {
    expect(formErrorOf(refusalFeedback({ ok: false, error: "This feature was changed by someone else", stale: true }))).toEqual({ message: "This feature was changed by someone else", stale: true });
  });

  it("says which fields the browser's own check refused", () => {
    const feedback = invalidFeedback({ key: "Use lower-case letters" });
    expect(feedback.fieldErrors).toEqual({ key: "Use lower-case letters" });
    expect(formErrorOf(feedback)?.message).toBe("Some fields need attention.");
  });
});
