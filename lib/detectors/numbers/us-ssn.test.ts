import { describe, expect, it } from "vitest";
import { findUsSsns } from "./us-ssn";

const matched = (text: string) => findUsSsns(text).map(([start, end]) => text.slice(start, end));

describe("US SSN detector", () => {
  it.each([
    // The Woolworth's wallet SSN: printed on a sample card in 1938, later used by thousands of
    // people and voided by SSA. A real-world published example, so it must be caught.
    "078-05-1120",
    "078 05 1120",
    // SSA's 1940 pamphlet sample number, another widely published real-world example.
    "219-09-9999",
    // Post-2011 randomised issuance opened area numbers 734-749 and 773-899.
    "773-12-3456",
  ])("finds %s", (ssn) => {
    expect(matched(`Employee SSN ${ssn} on file`)).toEqual([ssn]);
  });

  it.each([
    // SSA POMS RM 10201.035 "Invalid SSNs": area 000, 666 or 9xx; group 00; serial 0000.
    ["000-12-3456", "area 000"],
    ["666-12-3456", "area 666"],
    ["900-12-3456", "area 9xx (ITIN range)"],
    ["987-65-4320", "9xx: the range SSA reserved for advertisements"],
    ["078-00-1120", "group 00"],
    ["078-05-0000", "serial 0000"],
    ["078-05 1120", "mixed separators"],
    ["1078-05-1120", "inside a longer number"],
    ["078-05-11201", "inside a longer number"],
    ["ABC-078-05-1120", "part of a dashed identifier"],
    ["078051120", "nine bare digits without a cue"],
    ["Order 078051120", "nine bare digits after a non-SSN word"],
  ])("ignores %s (%s)", (text) => {
    expect(findUsSsns(text)).toEqual([]);
  });

  it.each([
    ["SSN: 078051120", "078051120"],
    ["ssn#078051120", "078051120"],
    ["Social Security Number is 219099999", "219099999"],
    ["soc. sec. no. 078051120", "078051120"],
  ])("after a cue, finds bare digits in %j", (text, ssn) => {
    expect(matched(text)).toEqual([ssn]);
  });

  it("rejects invalid ranges even after a cue", () => {
    expect(findUsSsns("SSN: 666051120")).toEqual([]);
  });

  it("reports [start, end) offsets", () => {
    expect(findUsSsns("a 078-05-1120 b SSN 219099999")).toEqual([
      [2, 13],
      [20, 29],
    ]);
  });
});
