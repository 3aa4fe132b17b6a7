// The provider key-variable allow-list with the default pattern (PROVIDER_KEY_ENV_PATTERN unset).
import { afterEach, describe, expect, it, vi } from "vitest";
import { APP_SETTING_NAMES, keyVariableProblem, readSecret } from "./env";

afterEach(() => vi.restoreAllMocks());

describe("provider key variables", () => {
  it("admits the names the seed and the test fixtures use", () => {
    for (const name of ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "TOGETHER_API_KEY", "DEEPSEEK_API_KEY", "GROQ_API_KEY", "FAKE_LOCAL_KEY", "MISTRAL_API_KEY"]) {
      expect(keyVariableProblem(name), name).toBeNull();
    }
  });

  it("never admits one of Switchyard's own settings", () => {
    expect(APP_SETTING_NAMES).toContain("NEXTAUTH_SECRET");
    expect(APP_SETTING_NAMES).toContain("PROVIDER_KEY_ENV_PATTERN");
    for (const name of [...APP_SETTING_NAMES, "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", "SEED_API_KEY", "OIDC_SIGNING_KEY", "DATABASE_KEY"]) {
      expect(keyVariableProblem(name), name).toMatch(/Switchyard's own settings/);
    }
  });

  it("does not admit other credentials by default", () => {
    for (const name of ["AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "HOME", "SSH_PRIVATE_KEY", "STRIPE_SECRET_KEY"]) {
      expect(keyVariableProblem(name), name).toMatch(/PROVIDER_KEY_ENV_PATTERN/);
    }
  });

  it("readSecret refuses a forbidden name even when the variable is set, and says so once", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    process.env.NEXTAUTH_SECRET ??= "session-signing-secret";
    expect(readSecret("NEXTAUTH_SECRET")).toBeUndefined();
    expect(readSecret("NEXTAUTH_SECRET")).toBeUndefined();
    expect(log).toHaveBeenCalledTimes(1);
    process.env.SWITCHYARD_UNIT_KEY = "sk-unit";
    expect(readSecret("SWITCHYARD_UNIT_KEY")).toBe("sk-unit");
    delete process.env.SWITCHYARD_UNIT_KEY;
  });
});
