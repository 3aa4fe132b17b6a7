import { describe, expect, it } from "vitest";
import { baseUrlProblem } from "./provider-fields";

describe("baseUrlProblem", () => {
  it("accepts plain http(s) URLs", () => {
    expect(baseUrlProblem("https://api.together.xyz/v1")).toBeNull();
    expect(baseUrlProblem("http://localhost:11434/v1")).toBeNull();
  });

  it("refuses other schemes and credentials in the URL", () => {
    expect(baseUrlProblem("file:///etc/passwd")).toMatch(/http:\/\/ or https:\/\//);
    expect(baseUrlProblem("gopher://internal:70/")).toMatch(/http:\/\/ or https:\/\//);
    expect(baseUrlProblem("https://user:sk-live@api.example/v1")).toMatch(/credentials/);
    expect(baseUrlProblem("https://sk-live@api.example/v1")).toMatch(/credentials/);
    expect(baseUrlProblem("not a url")).toMatch(/full URL/);
  });
});
