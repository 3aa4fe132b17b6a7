import { describe, expect, it } from "vitest";
import { testConnectionSchema } from "./schema";

describe("testConnectionSchema", () => {
  it("takes a provider and a model, never a URL or key variable", () => {
    expect(testConnectionSchema.safeParse({ providerKey: "groq", modelAlias: null }).success).toBe(true);
    expect(testConnectionSchema.safeParse({ providerKey: "groq", modelAlias: null, baseUrl: "https://attacker.example/v1" }).success).toBe(false);
    expect(testConnectionSchema.safeParse({ providerKey: "groq", modelAlias: null, apiKeyEnv: "NEXTAUTH_SECRET" }).success).toBe(false);
  });
});
