import { expect, test } from "@playwright/test";

test.describe("GET /api/health", () => {
  test("reports the app and the database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", app: { status: "ok" }, database: { status: "ok", embedded: false } });
  });

  test("a malformed request gets a clear 400 in OpenAI's error shape", async ({ request }) => {
    const response = await request.get("/api/health?verbose=banana");
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({ type: "invalid_request_error", code: "invalid_request" });
    expect(body.error.message).toContain("query");
  });

  test("a wrong method gets 405 with the allowed method named", async ({ request }) => {
    const response = await request.post("/api/health", { data: {} });
    expect(response.status()).toBe(405);
    expect(response.headers()["allow"]).toBe("GET");
    expect((await response.json()).error.message).toContain("GET");
  });
});
