import { describe, expect, it } from "vitest";
import { findEmails } from "./email";

const matched = (text: string) => findEmails(text).map(([start, end]) => text.slice(start, end));

describe("email detector", () => {
  // Domains are the RFC 2606 / RFC 6761 reserved example names.
  it.each([
    ["Write to john.doe@example.com.", "john.doe@example.com"],
    ["first.last+tag@mail.example.co.uk", "first.last+tag@mail.example.co.uk"],
    ["<ops_team@example.org>", "ops_team@example.org"],
    ["mailto:jane@example.net?subject=hi", "jane@example.net"],
    ["CEO: ALICE@EXAMPLE.COM", "ALICE@EXAMPLE.COM"],
    ["a@b.io", "a@b.io"],
  ])("finds the address in %j", (text, address) => {
    expect(matched(text)).toEqual([address]);
  });

  it.each([
    ["logo@2x.png", "a retina asset name"],
    ["git@github.com:vercel/next.js.git", "an SSH git remote"],
    ["npm install react@18.3.1", "a package version"],
    ["import type { Foo } from '@types/node'", "a scoped package"],
    ["root@localhost", "no top-level domain"],
    ["john..doe@example.com", "consecutive dots in the local part"],
    ["follow @switchyard on social", "a handle"],
    ["john at example dot com", "spelled out"],
  ])("ignores %j (%s)", (text) => {
    expect(findEmails(text)).toEqual([]);
  });

  it("reports [start, end) offsets", () => {
    expect(findEmails("cc: a@example.com, b@example.com")).toEqual([
      [4, 17],
      [19, 32],
    ]);
  });
});
