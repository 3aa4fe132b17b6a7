import { describe, expect, it } from "vitest";
import type { ConfigDocument, ProviderDoc } from "./documents/config-document-schema";
import { endpointChanges, providerPlanIssues } from "./provider-endpoint-rules";

const provider = (overrides: Partial<ProviderDoc> = {}): ProviderDoc => ({
  key: "together", name: "Together", kind: "openai-compatible", baseUrl: "https://api.together.xyz/v1", apiKeyEnv: "TOGETHER_API_KEY", region: "us", enabled: true, simulator: null, ...overrides,
});
const documentWith = (...providers: ProviderDoc[]) => ({ providers }) as unknown as ConfigDocument;

describe("endpointChanges", () => {
  it("counts a new provider that calls the network as setting its endpoint, a new simulator as not", () => {
    expect(endpointChanges(null, provider())).toEqual(["kind", "baseUrl", "apiKeyEnv"]);
    expect(endpointChanges(null, provider({ kind: "simulator", baseUrl: null, apiKeyEnv: null, simulator: { latencyMs: 1, failureRate: 0 } }))).toEqual([]);
  });

  it("names exactly the endpoint fields an edit changes", () => {
    expect(endpointChanges(provider(), provider({ name: "Together AI", region: "eu", enabled: false }))).toEqual([]);
    expect(endpointChanges(provider(), provider({ baseUrl: "https://attacker.example/v1" }))).toEqual(["baseUrl"]);
    expect(endpointChanges(provider(), provider({ kind: "openai", apiKeyEnv: "OPENAI_API_KEY" }))).toEqual(["kind", "apiKeyEnv"]);
  });
});

describe("providerPlanIssues", () => {
  it("refuses an engineer's document that moves a provider, and anyone's that names an app setting", () => {
    const moved = provider({ baseUrl: "https://attacker.example/v1" });
    const plan = { created: [], updated: [{ before: provider(), after: moved }], removed: [] };
    expect(providerPlanIssues(plan, documentWith(moved), "engineer")).toEqual([{ path: "providers[0].baseUrl", message: expect.stringMatching(/Only an admin/) }]);
    expect(providerPlanIssues(plan, documentWith(moved), "admin")).toEqual([]);

    const secret = provider({ key: "exfil", apiKeyEnv: "NEXTAUTH_SECRET" });
    const created = { created: [secret], updated: [], removed: [] };
    expect(providerPlanIssues(created, documentWith(provider(), secret), null)).toEqual([{ path: "providers[1].apiKeyEnv", message: expect.stringContaining("own settings") }]);
  });
});
