import { expect, test } from "@playwright/test";
import OpenAI from "openai";
import { E2E_API_KEY } from "./support/users";

// The production build of the gateway, through Next, with the official openai SDK. The seed
// uses simulators (no provider settings in the environment), which label their answers.
test.describe("the gateway through Next with the openai SDK", () => {
  let client: OpenAI;
  test.beforeAll(({ baseURL }) => {
    client = new OpenAI({ baseURL: `${baseURL}/api/v1`, apiKey: E2E_API_KEY, maxRetries: 0 });
  });

  test("answers non-streaming and streaming requests", async () => {
    const { data, response } = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Summarise: the VPN drops every hour." }] }).withResponse();
    expect(data.choices[0]?.message.content).toMatch(/^\[Simulated llama-3\.1-8b\]/);
    expect(response.headers.get("x-switchyard-tier")).toBe("local");

    const stream = await client.chat.completions.create({ model: "auto", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: "Stream a short answer." }] });
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toMatch(/^\[Simulated/);
    expect(usage?.total_tokens).toBeGreaterThan(0);
  });

  test("keeps a valid card number on local and refuses a frontier pin", async () => {
    const card = "Charge 4242 4242 4242 4242 again";
    const { response } = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: card }] }).withResponse();
    expect(response.headers.get("x-switchyard-tier")).toBe("local");
    await expect(client.chat.completions.create({ model: "tier:frontier", messages: [{ role: "user", content: card }] })).rejects.toMatchObject({
      status: 403,
      code: "data_class_forbidden",
    });
  });

  test("answers bad input with OpenAI-shaped errors", async ({ request }) => {
    const noKey = await request.post("/api/v1/chat/completions", { data: { model: "auto", messages: [] } });
    expect(noKey.status()).toBe(401);
    expect((await noKey.json()).error.type).toBe("authentication_error");

    const invalid = await request.post("/api/v1/chat/completions", { headers: { authorization: `Bearer ${E2E_API_KEY}` }, data: { model: "auto", messages: [] } });
    expect(invalid.status()).toBe(400);
    expect((await invalid.json()).error.message).toContain("messages");

    // gpt-* is mapped to auto by the seed (the names clients send by default); an unmapped name is not.
    const unknown = await request.post("/api/v1/chat/completions", { headers: { authorization: `Bearer ${E2E_API_KEY}` }, data: { model: "nonesuch-99", messages: [{ role: "user", content: "hi" }] } });
    expect(unknown.status()).toBe(404);
    const unknownError = (await unknown.json()).error;
    expect(unknownError.code).toBe("model_not_found");
    expect(unknownError.message).toContain("nonesuch-99");
  });
});

test("answers JSON, never a page, for unknown paths and wrong methods under /api", async ({ request }) => {
  const unknown = await request.post("/api/v1/embedz", { data: {} });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: { type: "not_found_error", code: "unknown_endpoint" } });
  const wrongMethod = await request.delete("/api/v1/chat/completions");
  expect(wrongMethod.status()).toBe(405);
  expect(await wrongMethod.json()).toMatchObject({ error: { code: "method_not_allowed" } });
});
