import { describe, expect, it } from "vitest";
import * as root from "./route";

// The README promises a JSON 404 for any path under /api that is not an endpoint; /api itself
// is one (Next's [...path] does not match it, so it got Next's HTML 404).
describe("/api", () => {
  it.each(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const)("%s answers a JSON 404 in OpenAI's shape", async (method) => {
    const response = await root[method](new Request("http://localhost/api", { method }));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: { type: "not_found_error", code: "unknown_endpoint", message: expect.stringContaining(`There is no ${method} /api endpoint.`) } });
  });
});
